// @ts-check
// What a newly added file starts with, so adding a Dockerfile a manifest asks for gives a
// plausible one instead of an empty file.
const OS_DIR = /^\d\d\.\d\d-lts(-sp\d+)?$/;

/** @param {string} path */
export function newFileText(path) {
  const segments = path.split("/");
  const name = segments.at(-1);
  const osDir = segments.slice(0, -1).findLast((segment) => OS_DIR.test(segment));
  if ((name === "Dockerfile" || name === "Distrofile") && osDir) {
    return `ARG BASE=openeuler/openeuler:${osDir}\nFROM \${BASE}\n`;
  }
  return "";
}
