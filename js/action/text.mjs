// Wording shared by the log, the annotations and the summary.

/** `1 error`, `2 errors`; `many` for irregular plurals (`entries`). */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
