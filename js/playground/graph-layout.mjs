// @ts-check
// Where the stack graph's boxes go: one column per layer, left to right the way images are
// built (parents outside the repository, then SDK, framework, applications); a child is always
// right of its parent. Within a column, boxes follow the order of their parents, so edges
// cross little. Pure data: graph-view.mjs draws it.

/** @typedef {import("../../pkg/stacklint.js").GraphImage} GraphImage */

/**
 * @typedef {{key: string, column: number, row: number, x: number, y: number,
 *   image: GraphImage | null, reference: string, kind: string}} LaidNode
 *   `image` is null for a parent from outside the repository; `kind` is then its parent kind
 * @typedef {{from: LaidNode, to: LaidNode, implied: boolean}} LaidEdge `implied`: the stack
 *   tag names the parent, no Dockerfile builds on it (yet)
 * @typedef {{nodes: LaidNode[], edges: LaidEdge[], columns: {x: number, title: string}[],
 *   width: number, height: number}} Layout
 */

export const BOX = { width: 214, height: 42, gapX: 44, gapY: 10, top: 28, left: 8 };

/** @type {Record<string, number>} */
const LAYER_COLUMN = { sdk: 1, framework: 2, llm: 3 };
/** @type {Record<string, string>} */
const LAYER_TITLE = { sdk: "SDK", framework: "framework", llm: "LLM / application" };

/**
 * @param {{images: GraphImage[]}} graph the core's graph (`stacklint graph --format json`)
 * @returns {Layout}
 */
export function layout(graph) {
  /** @type {Map<string, LaidNode>} the first declaration of each published image */
  const declared = new Map();
  /** @type {LaidNode[]} */
  const nodes = [];
  for (const image of graph.images) {
    const node = { key: `${image.image}\n${image.manifest}`, column: 0, row: 0, x: 0, y: 0, image, reference: image.image, kind: "declared" };
    nodes.push(node);
    if (!declared.has(image.image)) declared.set(image.image, node);
  }
  /** @type {Map<string, LaidNode>} */
  const outside = new Map();
  /** @type {{from: LaidNode, to: LaidNode, implied: boolean}[]} */
  const edges = [];
  for (const node of [...nodes]) {
    const image = /** @type {GraphImage} */ (node.image);
    const parent = image.parent.image;
    if (parent !== null && image.parent.kind !== "none") {
      let from = declared.get(parent);
      if (!from) {
        from = outside.get(parent);
        if (!from) {
          from = { key: `outside\n${parent}`, column: 0, row: 0, x: 0, y: 0, image: null, reference: parent, kind: image.parent.kind };
          outside.set(parent, from);
        }
      }
      edges.push({ from, to: node, implied: false });
    } else if (image.implied_parent !== null && declared.has(image.implied_parent)) {
      edges.push({ from: /** @type {LaidNode} */ (declared.get(image.implied_parent)), to: node, implied: true });
    }
  }
  const parentsOf = new Map(nodes.map((node) => [node, /** @type {LaidNode[]} */ ([])]));
  for (const edge of edges) parentsOf.get(edge.to)?.push(edge.from);

  // Columns: at least the layer's own, and right of every parent (a cycle stops the climb).
  /** @type {Map<LaidNode, number>} */
  const column = new Map([...outside.values()].map((node) => [node, 0]));
  /** @param {LaidNode} node @param {Set<LaidNode>} visiting */
  const columnOf = (node, visiting) => {
    const known = column.get(node);
    if (known !== undefined) return known;
    const own = LAYER_COLUMN[node.image?.layer ?? ""] ?? 1;
    if (visiting.has(node)) return own;
    visiting.add(node);
    const parents = parentsOf.get(node) ?? [];
    const result = Math.max(own, ...parents.map((parent) => columnOf(parent, visiting) + 1));
    visiting.delete(node);
    column.set(node, result);
    return result;
  };
  for (const node of nodes) columnOf(node, new Set());

  const all = [...outside.values(), ...nodes];
  const used = [...new Set(all.map((node) => /** @type {number} */ (column.get(node))))].sort((a, b) => a - b);
  /** @type {LaidNode[][]} */
  const byColumn = used.map(() => []);
  for (const node of all) {
    node.column = used.indexOf(/** @type {number} */ (column.get(node)));
    byColumn[node.column].push(node);
  }
  // Rows: outside parents by name; then each column in the order of its parents' rows.
  const name = (/** @type {LaidNode} */ node) => node.reference;
  for (const [index, members] of byColumn.entries()) {
    const weight = new Map(
      members.map((node) => {
        const rows = (parentsOf.get(node) ?? []).filter((p) => p.column < index).map((p) => p.row);
        return [node, rows.length === 0 ? Infinity : rows.reduce((a, b) => a + b, 0) / rows.length];
      }),
    );
    members.sort(
      (a, b) =>
        /** @type {number} */ (weight.get(a)) - /** @type {number} */ (weight.get(b)) ||
        (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0),
    );
    members.forEach((node, row) => {
      node.row = row;
      node.x = BOX.left + index * (BOX.width + BOX.gapX);
      node.y = BOX.top + row * (BOX.height + BOX.gapY);
    });
  }
  const columns = byColumn.map((members, index) => ({
    x: BOX.left + index * (BOX.width + BOX.gapX),
    title: columnTitle(members),
  }));
  const rows = Math.max(0, ...byColumn.map((members) => members.length));
  return {
    nodes: all,
    edges,
    columns,
    width: BOX.left * 2 + Math.max(1, byColumn.length) * (BOX.width + BOX.gapX) - BOX.gapX,
    height: BOX.top + rows * (BOX.height + BOX.gapY),
  };
}

/** @param {LaidNode[]} members */
function columnTitle(members) {
  if (members.every((node) => node.image === null)) return "outside the repository";
  const layers = new Set(members.map((node) => node.image?.layer ?? null));
  const [only] = layers;
  return layers.size === 1 && only ? LAYER_TITLE[only] : "images";
}
