import assert from "node:assert/strict";
import test from "node:test";

import { createScheduler } from "./scheduler.mjs";

test("a burst of edits runs the task once, after the pause", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  let runs = 0;
  const scheduler = createScheduler(() => (runs += 1), 200);
  scheduler.soon();
  t.mock.timers.tick(150);
  scheduler.soon();
  t.mock.timers.tick(150);
  assert.equal(runs, 0);
  t.mock.timers.tick(50);
  assert.equal(runs, 1);
});

test("now() runs at once and cancels the pending run", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  let runs = 0;
  const scheduler = createScheduler(() => (runs += 1), 200);
  scheduler.soon();
  scheduler.now();
  assert.equal(runs, 1);
  t.mock.timers.tick(500);
  assert.equal(runs, 1);
});
