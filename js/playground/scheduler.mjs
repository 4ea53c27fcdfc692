// @ts-check
// Live checking: typing waits for a pause, paste and explicit actions check at once.

/**
 * `soon()` runs `task` after `delayMs` of quiet; `now()` runs it at once and drops the wait.
 * @param {() => void} task
 * @param {number} delayMs
 */
export function createScheduler(task, delayMs) {
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    soon() {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        task();
      }, delayMs);
    },
    now() {
      cancel();
      task();
    },
    cancel,
  };
}
