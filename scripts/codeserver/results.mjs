// Pure plumbing from what a test layer printed (or failed to print) to counts and an exit code.
// Kept free of I/O so test/unit/harness can check every path, including the ones that only a hang or crash reach.

export const RESULT_TAG = 'SEQLAB_RESULT';
/** Printed by the in-host runner before mocha starts, so the harness can tell suite output from workbench chatter. */
export const SUITE_START = 'SEQLAB_SUITE_START';

/** The counts in a `SEQLAB_RESULT {"passes":…,"failures":…}` line, or undefined for any other line. */
export function parseResultLine(line) {
  const at = line.indexOf(RESULT_TAG + ' ');
  if (at < 0) return undefined;
  try {
    const v = JSON.parse(line.slice(at + RESULT_TAG.length + 1));
    if (Number.isInteger(v.passes) && Number.isInteger(v.failures))
      return { passes: v.passes, failures: v.failures, pending: v.pending ?? 0 };
  } catch {
    // a log line that merely mentions the tag
  }
  return undefined;
}

/** The last result line's counts in a block of output (a suite prints one; the last one wins). */
export function findResult(text) {
  let found;
  for (const line of text.split('\n')) found = parseResultLine(line) ?? found;
  return found;
}

/** Counts from mocha's spec reporter summary ("12 passing", "1 failing"), or undefined when there is none. */
export function parseSpecSummary(text) {
  const passing = /^\s*(\d+) passing/m.exec(text);
  const failing = /^\s*(\d+) failing/m.exec(text);
  if (!passing && !failing) return undefined;
  return { passes: passing ? Number(passing[1]) : 0, failures: failing ? Number(failing[1]) : 0, pending: 0 };
}

/**
 * Decides a VS Code run's outcome. `exitCode` is what window.codeAutomationExit received (undefined if it never came),
 * `timedOut` is the harness's own deadline, `counts` the suite's result line. Anything unexplained counts as a failure,
 * so a hang, a crash or a suite that ran nothing can never look green.
 * @returns {{ passed: number, failed: number, exitCode: number, reason?: string }}
 */
export function decideOutcome({ exitCode, timedOut = false, counts }) {
  const passed = counts?.passes ?? 0;
  const failed = counts?.failures ?? 0;
  if (timedOut)
    return { passed, failed: failed + 1, exitCode: 1, reason: 'timed out before the suite finished' };
  if (exitCode === undefined)
    return { passed, failed: failed + 1, exitCode: 1, reason: 'the workbench never reported an exit code' };
  if (exitCode !== 0) {
    return {
      passed,
      failed: Math.max(failed, 1),
      exitCode,
      reason: failed ? undefined : `the suite exited with ${exitCode} before reporting failures`,
    };
  }
  if (!counts)
    return { passed, failed: 1, exitCode: 1, reason: 'the suite exited 0 without reporting its counts' };
  if (failed > 0) return { passed, failed, exitCode: 1, reason: 'the suite exited 0 despite failures' };
  if (passed === 0) return { passed, failed: 1, exitCode: 1, reason: 'the suite ran no tests' };
  return { passed, failed, exitCode: 0 };
}

/** The line `npm test` ends with. */
export function summaryLine(layers) {
  const passed = layers.reduce((n, l) => n + l.passed, 0);
  const failed = layers.reduce((n, l) => n + l.failed, 0);
  return `${passed} passed, ${failed} failed`;
}
