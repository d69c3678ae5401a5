import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Counts the harness reads back from the log: the line starts with this tag and carries JSON. */
export const RESULT_TAG = 'SEQLAB_RESULT';
/** Marks where the suite's own output begins in the workbench log. */
export const SUITE_START = 'SEQLAB_SUITE_START';

/** Every `*.test.js` under `dir`, sorted so runs are repeatable. */
export function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

/**
 * Runs the files with mocha's programmatic API inside the extension host. Rejecting makes the workbench report exit
 * code 1 through codeAutomationExit; the result line lets the harness add these counts to `npm test`'s total.
 */
export function runMocha(files: string[]): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.SEQLAB_MOCHA_TIMEOUT ?? 120000),
    grep: process.env.SEQLAB_TEST_GREP || undefined,
  });
  for (const f of files) mocha.addFile(f);
  console.log(`${SUITE_START} ${files.length} file(s)`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`${RESULT_TAG} ${JSON.stringify({ passes, failures, pending })}`);
        if (failures > 0) reject(failed(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      // A test file that throws while loading: report it as one failure rather than a silent exit.
      console.error(e instanceof Error ? e.message : String(e));
      console.log(`${RESULT_TAG} ${JSON.stringify({ passes: 0, failures: 1, pending: 0 })}`);
      reject(e);
    }
  });
}

/** The workbench prints the rejection; the reporter already showed where tests failed, so no stack. */
function failed(message: string): Error {
  const e = new Error(message);
  e.stack = message;
  return e;
}
