// @ts-check
// The stack graph view: the core's image graph (the one `stacklint graph` prints) drawn as
// SVG, each image coloured by its worst finding; clicking an image opens its meta.yml entry.
import { plural } from "../shared/text.mjs";
import { BOX, layout } from "./graph-layout.mjs";

/**
 * @typedef {import("../../pkg/stacklint.js").Diagnostic} Diagnostic
 * @typedef {import("../../pkg/stacklint.js").GraphImage} GraphImage
 * @typedef {import("./graph-layout.mjs").LaidNode} LaidNode
 */

const SVG = "http://www.w3.org/2000/svg";
/** @type {Record<string, number>} */
const RANK = { info: 1, warning: 2, error: 3 };
/** @type {Record<string, string>} */
const OUTSIDE_NOTE = {
  "os-base": "openEuler base image",
  external: "outside the repository",
  dangling: "declared by no meta.yml",
  unresolved: "ARG without default",
  invalid: "not an image reference",
};

/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {...(Node | string | null | false)} children
 */
function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

/** @param {string} text @param {number} max */
function clip(text, max) {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

/**
 * The findings about an image: those in its meta.yml entry's lines and in its Dockerfile.
 * @param {GraphImage} image
 * @param {Map<string, Diagnostic[]>} findingsByPath
 */
export function findingsOf(image, findingsByPath) {
  const { line, last_line: lastLine } = image.declared;
  const inEntry = (findingsByPath.get(image.manifest) ?? []).filter((f) => f.line >= line && f.line <= lastLine);
  const inDockerfile = image.dockerfile === null ? [] : (findingsByPath.get(image.dockerfile) ?? []);
  return [...inEntry, ...inDockerfile];
}

/** @param {Diagnostic[]} findings */
function worst(findings) {
  return findings.reduce((a, b) => (a === null || RANK[b.severity] > RANK[a] ? b.severity : a), /** @type {string | null} */ (null));
}

/**
 * @param {LaidNode} node
 * @param {Map<string, Diagnostic[]>} findingsByPath
 * @param {(image: GraphImage) => void} open
 */
function box(node, findingsByPath, open) {
  const { x, y } = node;
  const rect = svg("rect", { x, y, width: BOX.width, height: BOX.height, rx: 6 });
  if (node.image === null) {
    const note = OUTSIDE_NOTE[node.kind] ?? node.kind;
    const broken = node.kind !== "os-base" && node.kind !== "external";
    return svg(
      "g",
      { class: `graph-node outside${broken ? " broken" : ""}`, "data-image": node.reference, "data-kind": node.kind },
      svg("title", {}, `${node.reference || "(empty)"}: ${note}`),
      rect,
      svg("text", { x: x + 8, y: y + 17 }, clip(node.reference || "(empty)", 30)),
      svg("text", { x: x + 8, y: y + 33, class: "node-note" }, note),
    );
  }
  const image = node.image;
  const findings = findingsOf(image, findingsByPath);
  const severity = worst(findings);
  const state = severity === null ? "clean" : `severity-${severity}`;
  const summary = findings.length === 0 ? "no findings" : plural(findings.length, "finding");
  const missing = image.dockerfile === null ? " · no Dockerfile" : "";
  const group = svg(
    "g",
    {
      class: `graph-node declared ${state}`,
      tabindex: 0,
      role: "button",
      "aria-label": `${image.image}: ${summary}${missing}; open its entry in ${image.manifest}`,
      "data-image": image.image,
      "data-severity": severity ?? "none",
    },
    svg("title", {}, `${image.image}\n${summary}${missing}\ndeclared in ${image.manifest}:${image.declared.line}`),
    rect,
    svg("text", { x: x + 8, y: y + 17, class: "node-name" }, clip(image.name, 24)),
    svg("text", { x: x + 8, y: y + 33 }, clip(image.tag, 30)),
    findings.length > 0 && svg("text", { x: x + BOX.width - 8, y: y + 17, "text-anchor": "end", class: "node-note" }, String(findings.length)),
  );
  group.addEventListener("click", () => open(image));
  group.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(image);
    }
  });
  return group;
}

/**
 * Draws `graph` into `container`; returns how many images it shows.
 * @param {HTMLElement} container
 * @param {{images: GraphImage[]}} graph
 * @param {Map<string, Diagnostic[]>} findingsByPath
 * @param {(image: GraphImage) => void} open
 */
export function drawGraph(container, graph, findingsByPath, open) {
  if (graph.images.length === 0) {
    const empty = document.createElement("p");
    empty.className = "graph-empty";
    empty.textContent = "No image is declared yet: a meta.yml entry in an image folder adds one.";
    container.replaceChildren(empty);
    return 0;
  }
  const laid = layout(graph);
  const edges = laid.edges.map(({ from, to, implied }) => {
    const x1 = from.x + BOX.width;
    const y1 = from.y + BOX.height / 2;
    const x2 = to.x;
    const y2 = to.y + BOX.height / 2;
    const bend = (x2 - x1) / 2;
    return svg("path", {
      class: `graph-edge${implied ? " implied" : ""}`,
      d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`,
      "marker-end": "url(#arrow)",
    });
  });
  const titles = laid.columns.map((column) => svg("text", { x: column.x, y: 16, class: "graph-column-title" }, column.title));
  const picture = svg(
    "svg",
    { width: laid.width, height: laid.height, viewBox: `0 0 ${laid.width} ${laid.height}`, role: "img", "aria-label": `Stack graph of ${plural(graph.images.length, "image")}` },
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 8 8", refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L8,4 L0,8 z", fill: "currentColor", class: "graph-arrow" }))),
    ...titles,
    svg("g", { class: "graph-edges" }, ...edges),
    svg("g", { class: "graph-nodes" }, ...laid.nodes.map((node) => box(node, findingsByPath, open))),
  );
  picture.style.color = "var(--muted)";
  container.replaceChildren(picture);
  return graph.images.length;
}
