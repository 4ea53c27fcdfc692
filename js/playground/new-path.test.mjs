import assert from "node:assert/strict";
import test from "node:test";

import { imageFolderOf, resolveNewPath } from "./new-path.mjs";

const paths = ["AI/image-list.yml", "AI/pytorch/meta.yml", "AI/pytorch/2.2.0/22.03-lts-sp4/Dockerfile", ".stacklint.toml"];

test("a path as the core's help writes it lands in the image folder of the file in the editor", () => {
  const fromDockerfile = { active: "AI/pytorch/2.2.0/22.03-lts-sp4/Dockerfile", paths };
  assert.deepEqual(resolveNewPath("2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile", fromDockerfile), {
    path: "AI/pytorch/2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
    base: "AI/pytorch",
  });
  assert.equal(imageFolderOf("AI/pytorch/meta.yml", new Set(paths)), "AI/pytorch");
});

test("repository paths, root files and a leading / are taken from the repository root", () => {
  const repo = { active: "AI/pytorch/meta.yml", paths };
  assert.deepEqual(resolveNewPath("AI/llm/meta.yml", repo), { path: "AI/llm/meta.yml", base: null });
  assert.deepEqual(resolveNewPath(".stacklint.toml", repo), { path: ".stacklint.toml", base: null });
  assert.deepEqual(resolveNewPath("/README.md", repo), { path: "README.md", base: null });
  assert.deepEqual(resolveNewPath("README.md", { active: "AI/image-list.yml", paths }), { path: "README.md", base: null });
});
