import assert from "node:assert/strict";
import test from "node:test";

import { pathProblem, VirtualRepo } from "./repo.mjs";

test("paths the core would reject are refused with a reason", () => {
  for (const bad of ["", " AI/meta.yml", "/AI/meta.yml", "AI\\meta.yml", "AI/../x", "AI//meta.yml", "./meta.yml"]) {
    assert.equal(typeof pathProblem(bad), "string", bad);
  }
  assert.equal(pathProblem("AI/pytorch/2.2.0/22.03-lts-sp4/Dockerfile"), null);
});

test("add, rename and remove keep the tree consistent", () => {
  const repo = new VirtualRepo({ "b/meta.yml": "x", "a/Dockerfile": "FROM y" });
  assert.deepEqual(repo.paths(), ["a/Dockerfile", "b/meta.yml"]);
  repo.add("a/meta.yml", "1.0-oe2403lts:\r\n  path: x\r\n");
  assert.equal(repo.read("a/meta.yml"), "1.0-oe2403lts:\n  path: x\n");
  assert.throws(() => repo.add("a/meta.yml"), /already exists/);
  repo.rename("a/Dockerfile", "a/1.0/24.03-lts/Dockerfile");
  assert.equal(repo.has("a/Dockerfile"), false);
  assert.equal(repo.read("a/1.0/24.03-lts/Dockerfile"), "FROM y");
  assert.throws(() => repo.rename("a/meta.yml", "b/meta.yml"), /already exists/);
  assert.equal(repo.read("a/meta.yml"), "1.0-oe2403lts:\n  path: x\n");
  repo.remove("b/meta.yml");
  assert.deepEqual(Object.keys(repo.toObject()), ["a/1.0/24.03-lts/Dockerfile", "a/meta.yml"]);
});

test("writing a file that does not exist is an error, not a silent add", () => {
  const repo = new VirtualRepo();
  assert.throws(() => repo.write("x", "y"), /no file/);
});
