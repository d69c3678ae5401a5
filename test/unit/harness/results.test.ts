import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';

type Results = typeof import('../../../scripts/codeserver/results.mjs', {
  with: { 'resolution-mode': 'import' },
});

// out/test/unit/harness → repo root; the plumbing is an ES module the harness scripts share.
const modulePath = path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'codeserver', 'results.mjs');
let r: Results;

describe('harness exit-code plumbing', () => {
  before(async () => {
    r = (await import(pathToFileURL(modulePath).href)) as Results;
  });

  const counts = (passes: number, failures: number) => ({ passes, failures, pending: 0 });

  it('reads the counts from the suite result line among other log lines', () => {
    const log = 'activating\nSEQLAB_RESULT {"passes":7,"failures":2,"pending":1}\ndone';
    assert.deepStrictEqual(r.findResult(log), { passes: 7, failures: 2, pending: 1 });
  });

  it('takes the last result line when a log holds several', () => {
    const log = 'SEQLAB_RESULT {"passes":1,"failures":0}\nSEQLAB_RESULT {"passes":3,"failures":1}';
    assert.deepStrictEqual(r.findResult(log), { passes: 3, failures: 1, pending: 0 });
  });

  it('ignores a line that mentions the tag without valid counts', () => {
    assert.strictEqual(r.parseResultLine('SEQLAB_RESULT {"passes":"many"}'), undefined);
    assert.strictEqual(r.parseResultLine('SEQLAB_RESULT not json'), undefined);
  });

  it('passes a suite that exited 0 with passes and no failures', () => {
    assert.deepStrictEqual(r.decideOutcome({ exitCode: 0, counts: counts(5, 0) }), {
      passed: 5,
      failed: 0,
      exitCode: 0,
    });
  });

  it('fails with the suite exit code when tests failed', () => {
    const o = r.decideOutcome({ exitCode: 1, counts: counts(4, 2) });
    assert.deepStrictEqual([o.passed, o.failed, o.exitCode], [4, 2, 1]);
  });

  it('counts a timeout as one more failure and exits 1', () => {
    const o = r.decideOutcome({ exitCode: undefined, timedOut: true, counts: undefined });
    assert.deepStrictEqual([o.passed, o.failed, o.exitCode], [0, 1, 1]);
    assert.match(o.reason ?? '', /timed out/);
  });

  it('fails when the workbench never called codeAutomationExit', () => {
    const o = r.decideOutcome({ exitCode: undefined, counts: counts(3, 0) });
    assert.deepStrictEqual([o.passed, o.failed, o.exitCode], [3, 1, 1]);
  });

  it('counts a non-zero exit without reported failures as one failure', () => {
    const o = r.decideOutcome({ exitCode: 1, counts: undefined });
    assert.deepStrictEqual([o.failed, o.exitCode], [1, 1]);
  });

  it('fails a suite that exited 0 without a result line', () => {
    assert.strictEqual(r.decideOutcome({ exitCode: 0, counts: undefined }).exitCode, 1);
  });

  it('fails a suite that exited 0 but ran no tests', () => {
    const o = r.decideOutcome({ exitCode: 0, counts: counts(0, 0) });
    assert.deepStrictEqual([o.failed, o.exitCode], [1, 1]);
  });

  it('fails a suite that exited 0 while reporting failures', () => {
    assert.strictEqual(r.decideOutcome({ exitCode: 0, counts: counts(2, 1) }).exitCode, 1);
  });

  it('reads passing and failing counts from mocha spec output', () => {
    assert.deepStrictEqual(r.parseSpecSummary('  ok\n\n  12 passing (40ms)\n  3 failing\n'), counts(12, 3));
    assert.strictEqual(r.parseSpecSummary('no summary here'), undefined);
  });

  it('sums every layer into the final summary line', () => {
    const line = r.summaryLine([
      { passed: 1, failed: 0 },
      { passed: 40, failed: 2 },
      { passed: 16, failed: 0 },
    ]);
    assert.strictEqual(line, '57 passed, 2 failed');
  });
});
