// @ts-check
// URL import (`?u=<url>` or the box on the page), the only network access the page makes. A
// raw file URL loads that file; a GitHub or Gitee tree URL of an image folder (or the URL of
// its meta.yml) loads the meta.yml, the Dockerfiles its entries name and the scene's
// image-list.yml, each through the host's raw-file URL. Which Dockerfiles an entry names is
// the core's answer (the graph's `missing_dockerfile`), not a second reading of the YAML.

/**
 * What a URL points at. `raw(path)` is the raw-file URL of a repository path.
 * @typedef {{kind: "folder", folder: string, raw: (path: string) => string}
 *   | {kind: "file", path: string, url: string, raw: ((path: string) => string) | null}} Target
 */

/**
 * @param {string} text what the user gave
 * @returns {Target}
 */
export function parseImportUrl(text) {
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error("that is not a URL; give an https:// address of a folder or a raw file");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`\`${url.protocol}\` URLs cannot be imported; give an https:// address`);
  }
  let parts;
  try {
    parts = url.pathname.split("/").filter((part) => part !== "").map(decodeURIComponent);
  } catch {
    throw new Error("the URL's path has a broken %-escape");
  }
  if (url.hostname === "raw.githubusercontent.com" && parts.length >= 4) {
    const [owner, repo, ref, ...path] = parts;
    return fileOrFolder(path.join("/"), url.href, rawBase(`https://raw.githubusercontent.com/${owner}/${repo}/${ref}/`));
  }
  // GitHub and Gitee (and hosts laid out like Gitee): /owner/repo/(tree|blob|raw)/ref/path.
  const [owner, repo, mode, ref, ...path] = parts;
  if (owner && repo && ref && (mode === "tree" || mode === "blob" || mode === "raw")) {
    const raw =
      url.hostname === "github.com"
        ? rawBase(`https://raw.githubusercontent.com/${owner}/${repo}/${ref}/`)
        : rawBase(`${url.origin}/${owner}/${repo}/raw/${ref}/`);
    const inside = path.join("/");
    if (mode === "tree") {
      if (inside === "") throw new Error("that is the whole repository; give the URL of one image folder, e.g. …/tree/main/AI/pytorch");
      return { kind: "folder", folder: inside, raw };
    }
    return fileOrFolder(inside, raw(inside), raw);
  }
  if (url.hostname === "github.com") {
    throw new Error("give the URL of an image folder (…/tree/<branch>/<folder>) or of a file (…/blob/<branch>/<path>)");
  }
  return { kind: "file", path: parts.join("/") || "index.html", url: url.href, raw: null };
}

/** @param {string} base */
function rawBase(base) {
  return (/** @type {string} */ path) => `${base}${path.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * A meta.yml imports its image folder; anything else is one file.
 * @param {string} path
 * @param {string} url
 * @param {(path: string) => string} raw
 * @returns {Target}
 */
function fileOrFolder(path, url, raw) {
  const slash = path.lastIndexOf("/");
  if (path.slice(slash + 1) === "meta.yml" && slash > 0) return { kind: "folder", folder: path.slice(0, slash), raw };
  return { kind: "file", path, url, raw };
}

/**
 * Reads one URL as text; the error says what happened in the user's terms.
 * @param {string} url
 * @param {typeof fetch} fetcher
 */
async function fetchText(url, fetcher) {
  let response;
  try {
    response = await fetcher(url, { credentials: "omit", redirect: "follow" });
  } catch {
    throw new Error(`could not read ${url}: the host is unreachable or does not allow reading its files from another site (CORS)`);
  }
  if (response.status === 404) throw new Error(`${url} does not exist (404): check the branch and the path`);
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
  return response.text();
}

/**
 * Imports what `text` points at.
 * @param {string} text the URL
 * @param {{fetch: typeof fetch, graph(files: Record<string, string>): import("../../pkg/stacklint.js").Graph}} tools
 * @returns {Promise<{files: Record<string, string>, active: string, failed: string[], folder: string | null}>}
 *   `failed`: why files the import wanted could not be read (the check then reports them
 *   missing); `folder`: the image folder imported, null for a single file
 */
export async function importFrom(text, tools) {
  const target = parseImportUrl(text);
  if (target.kind === "file") {
    return { files: { [target.path]: await fetchText(target.url, tools.fetch) }, active: target.path, failed: [], folder: null };
  }
  const { folder, raw } = target;
  const manifest = `${folder}/meta.yml`;
  /** @type {Record<string, string>} */
  const files = {};
  try {
    files[manifest] = await fetchText(raw(manifest), tools.fetch);
  } catch (error) {
    throw new Error(`${/** @type {Error} */ (error).message}; is ${folder} an image folder (one with a meta.yml)?`);
  }
  /** @type {string[]} */
  const failed = [];
  const scene = folder.split("/")[0];
  const list = `${scene}/image-list.yml`;
  if (folder.includes("/")) {
    try {
      files[list] = await fetchText(raw(list), tools.fetch);
    } catch (error) {
      failed.push(/** @type {Error} */ (error).message);
    }
  }
  const wanted = [
    ...new Set(
      tools
        .graph(files)
        .images.filter((image) => image.manifest === manifest)
        .map((image) => image.missing_dockerfile)
        .filter((path) => path !== null),
    ),
  ];
  const read = await Promise.allSettled(wanted.map((path) => fetchText(raw(path), tools.fetch)));
  read.forEach((result, index) => {
    if (result.status === "fulfilled") files[wanted[index]] = result.value;
    else failed.push(/** @type {Error} */ (result.reason).message);
  });
  return { files, active: manifest, failed, folder };
}
