// @ts-check
// Where "Add file" puts what was typed. Every help of the core writes paths relative to the
// image folder (`create 2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile`), as `path:` in meta.yml
// does; so a path is read relative to the image folder of the file in the editor, unless it
// starts with a top-level folder of the repository, names a file at the root that exists, or
// starts with `/` (the repository root). The page always shows the result before adding it.

/**
 * The image folder holding `path`: the nearest folder above it with a meta.yml.
 * @param {string} path
 * @param {Set<string>} paths every file of the repository
 * @returns {string | null}
 */
export function imageFolderOf(path, paths) {
  const segments = path.split("/");
  for (let length = segments.length - 1; length > 0; length -= 1) {
    const folder = segments.slice(0, length).join("/");
    if (paths.has(`${folder}/meta.yml`)) return folder;
  }
  return null;
}

/**
 * The repository path "Add file" creates for `typed`, and from where it was read.
 * @param {string} typed what the user typed, trimmed
 * @param {{active: string | null, paths: string[]}} repo
 * @returns {{path: string, base: string | null}} `base` is the image folder it was joined to
 */
export function resolveNewPath(typed, { active, paths }) {
  if (typed.startsWith("/")) return { path: typed.replace(/^\/+/, ""), base: null };
  const all = new Set(paths);
  const first = typed.split("/")[0];
  const topFolders = new Set(paths.filter((p) => p.includes("/")).map((p) => p.split("/")[0]));
  const folder = active === null ? null : imageFolderOf(active, all);
  if (folder === null || topFolders.has(first) || all.has(typed)) return { path: typed, base: null };
  return { path: `${folder}/${typed}`, base: folder };
}
