import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import test from "node:test";

import { loadEngine } from "./engine.mjs";
import { EXAMPLES } from "./examples.mjs";
import { BOX, layout } from "./graph-layout.mjs";

const engine = await loadEngine(await readFile(new URL("../../pkg/stacklint_bg.wasm", import.meta.url)));

test("the clean stack is laid out base image -> SDK -> framework -> LLM", () => {
  const laid = layout(engine.graph(EXAMPLES[0].files));
  const columnOf = (reference) => laid.nodes.find((node) => node.reference === reference)?.column;
  assert.equal(columnOf("openeuler/openeuler:22.03-lts-sp4"), 0);
  assert.equal(columnOf("openeuler/cann:8.0.RC1-oe2203sp4"), 1);
  assert.equal(columnOf("openeuler/pytorch:2.2.0-cann8.0.RC1-oe2203sp4"), 2);
  assert.equal(columnOf("openeuler/llm:chatglm3_6b-pytorch2.2.0-cann8.0.RC1-oe2203sp4"), 3);
  assert.deepEqual(
    laid.columns.map((c) => c.title),
    ["outside the repository", "SDK", "framework", "LLM / application"],
  );
  assert.equal(laid.edges.length, 3);
  assert.ok(laid.edges.every((edge) => edge.from.column < edge.to.column && !edge.implied));
});

test("a tag without its Dockerfile hangs off the parent its tag implies, dashed", () => {
  const files = { ...EXAMPLES[0].files };
  delete files["AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile"];
  const laid = layout(engine.graph(files));
  const implied = laid.edges.filter((edge) => edge.implied);
  assert.deepEqual(
    implied.map((edge) => [edge.from.reference, edge.to.reference]),
    [["openeuler/cann:8.0.RC1-oe2203sp4", "openeuler/pytorch:2.2.0-cann8.0.RC1-oe2203sp4"]],
  );
});

test("boxes never overlap and a child is right of its parent in a 300-image repository", () => {
  /** @type {Record<string, string>} */
  const files = { "Others/image-list.yml": "images:\n" };
  for (let i = 0; i < 300; i += 1) {
    files["Others/image-list.yml"] += `  app${i}: app${i}\n`;
    files[`Others/app${i}/meta.yml`] = `1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n`;
    const base = i < 10 ? "openeuler/openeuler:24.03-lts" : `openeuler/app${i % 10}:1.0-oe2403lts`;
    files[`Others/app${i}/1.0/24.03-lts/Dockerfile`] = `FROM ${base}\n`;
  }
  const laid = layout(engine.graph(files));
  assert.equal(laid.nodes.length, 301);
  const seen = new Set(laid.nodes.map((node) => `${node.x},${node.y}`));
  assert.equal(seen.size, laid.nodes.length);
  for (const edge of laid.edges) assert.ok(edge.from.x + BOX.width < edge.to.x);
  assert.ok(laid.nodes.every((node) => node.y + BOX.height <= laid.height && node.x + BOX.width <= laid.width));
});
