// @ts-check
// What a newly added file starts with, so adding a Dockerfile a manifest asks for gives a
// plausible one instead of an empty file.
const OS_DIR = /^\d\d\.\d\d-lts(-sp\d+)?$/;

export const CONFIG_FILE = ".stacklint.toml";

/** A new `.stacklint.toml`: every rule at its default, the keys there are, as comments. */
export const CONFIG_TEMPLATE = `# stacklint configuration: https://github.com/stacklint/stacklint#configuration-and-suppression
# ignore = ["P003"]          # rules to switch off (codes, names or prefixes)
# select = ["Y", "P001"]     # only these rules

[severity]
`;

/**
 * @param {string} path
 * @param {string | null} [parent] the image the file should build on, when known (the parent
 *   a stack tag implies); else the base image of the OS release folder the path is in
 */
export function newFileText(path, parent = null) {
  const segments = path.split("/");
  const name = segments.at(-1);
  const osDir = segments.slice(0, -1).findLast((segment) => OS_DIR.test(segment));
  if ((name === "Dockerfile" || name === "Distrofile") && (parent || osDir)) {
    return `ARG BASE=${parent ?? `openeuler/openeuler:${osDir}`}\nFROM \${BASE}\n`;
  }
  return "";
}
