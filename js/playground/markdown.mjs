// @ts-check
// "Copy as Markdown": the core's Markdown report (the same as the action's job summary) and a
// line saying where it came from, for pasting into an issue or a pull-request comment.

/**
 * @param {string} markdown the core's Markdown of the check
 * @param {{version: string, link?: string}} origin
 */
export function withReproduction(markdown, { version, link }) {
  const source = link ? `[Reproduce in the playground](${link})` : "Checked in the playground";
  return `${markdown}\n${source} (stacklint ${version}).\n`;
}
