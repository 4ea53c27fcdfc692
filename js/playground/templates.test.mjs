import assert from "node:assert/strict";
import test from "node:test";

import { newFileText } from "./templates.mjs";

test("a Dockerfile under an OS release folder builds on that release", () => {
  assert.equal(
    newFileText("AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile"),
    "ARG BASE=openeuler/openeuler:24.03-lts-sp1\nFROM ${BASE}\n",
  );
  assert.equal(newFileText("Others/x/1.0/24.03-lts/Dockerfile"), "ARG BASE=openeuler/openeuler:24.03-lts\nFROM ${BASE}\n");
});

test("other files start empty", () => {
  assert.equal(newFileText("AI/x/meta.yml"), "");
  assert.equal(newFileText("AI/x/1.0/Dockerfile"), "");
  assert.equal(newFileText("AI/x/24.03-lts/README.md"), "");
});

test("a Dockerfile whose tag implies a parent layer builds on it", () => {
  assert.equal(
    newFileText("AI/pytorch/2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile", "openeuler/cann:8.0.RC1-oe2203sp4"),
    "ARG BASE=openeuler/cann:8.0.RC1-oe2203sp4\nFROM ${BASE}\n",
  );
});
