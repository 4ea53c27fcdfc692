// @ts-check
// The whole virtual repository in the URL fragment, so a link reproduces a finding exactly.
// The fragment never reaches a server; lz-string keeps links short enough to paste.
import LZString from "lz-string";

import { pathProblem } from "./repo.mjs";

const REPO_KEY = "repo=";
const EXAMPLE_KEY = "example=";
const FORMAT = 1;

/**
 * `#repo=…` for a files object and the file shown first.
 * @param {Record<string, string>} files
 * @param {string | null} active
 */
export function encodeFragment(files, active) {
  const payload = JSON.stringify({ v: FORMAT, active, files });
  return `#${REPO_KEY}${LZString.compressToEncodedURIComponent(payload)}`;
}

/**
 * `#example=…`: what rule docs link to.
 * @param {string} id
 */
export function exampleFragment(id) {
  return `#${EXAMPLE_KEY}${encodeURIComponent(id)}`;
}

/**
 * What a fragment asks for: `{kind: "repo", files, active}`, `{kind: "example", id}`,
 * `{kind: "none"}`, or `{kind: "invalid", reason}` for a damaged link.
 * @typedef {{kind: "repo", files: Record<string, string>, active: string | null}
 *   | {kind: "example", id: string} | {kind: "none"} | Invalid} Request
 */

/**
 * @param {string} hash `location.hash`, with or without its `#`
 * @returns {Request}
 */
export function decodeFragment(hash) {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (fragment === "") return { kind: "none" };
  if (fragment.startsWith(EXAMPLE_KEY)) {
    return { kind: "example", id: decodeURIComponent(fragment.slice(EXAMPLE_KEY.length)) };
  }
  if (!fragment.startsWith(REPO_KEY)) return { kind: "none" };
  const json = LZString.decompressFromEncodedURIComponent(fragment.slice(REPO_KEY.length));
  if (!json) return invalid("the link is truncated or damaged");
  let payload;
  try {
    payload = JSON.parse(json);
  } catch {
    return invalid("the link is truncated or damaged");
  }
  if (payload?.v !== FORMAT) return invalid(`the link has format ${payload?.v}, this page reads ${FORMAT}`);
  const files = payload.files;
  if (typeof files !== "object" || files === null || Array.isArray(files)) {
    return invalid("the link holds no files");
  }
  for (const [path, text] of Object.entries(files)) {
    if (typeof text !== "string") return invalid(`the link's file \`${path}\` has no text`);
    const problem = pathProblem(path);
    if (problem) return invalid(`the link's path \`${path}\` is not usable: ${problem}`);
  }
  return { kind: "repo", files, active: typeof payload.active === "string" ? payload.active : null };
}

/** @typedef {{kind: "invalid", reason: string}} Invalid */

/**
 * @param {string} reason
 * @returns {Invalid}
 */
function invalid(reason) {
  return { kind: "invalid", reason };
}
