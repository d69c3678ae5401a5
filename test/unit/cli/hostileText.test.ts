import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(__dirname, '../../../src/cli/main.js');

/** Any C0 control but newline, DEL, or a C1 control: what a terminal may act on instead of showing. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

describe('seqlab inspect on hostile text', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function inspect(name: string, content: string, ...flags: string[]) {
    writeFileSync(join(dir, name), content);
    const r = spawnSync(process.execPath, [cli, 'inspect', name, ...flags], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const values = Array.from({ length: 20 }, (_, i) => `${i},${i}\n`).join('');

  it('shows escape sequences in headers and cells escaped in the table and the problems', () => {
    const csv = `p\x1b[2J,q\u009b31m\n${values}\x1b]0;pwned\x07,5\n`;
    const r = inspect('esc.csv', csv);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    assert.match(r.stdout, /^p\\x1b\[2J\s+numeric/m);
    assert.match(r.stdout, /^q\\x9b31m\s+numeric/m);
    assert.match(r.stdout, /"\\x1b\]0;pwned\\x07" is not a number/);
  });

  it('shows an escape sequence in a file name escaped in the one-line error', () => {
    const r = spawnSync(process.execPath, [cli, 'inspect', 'gone\x1b[31m.csv'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.match(r.stderr, /^gone\\x1b\[31m\.csv: no such file\n$/);
  });

  it('prints a 2 MB cell as at most 80 characters, in the table run and under --json', () => {
    const csv = `a,b\n${values}${'y'.repeat(2 * 1024 * 1024)},1\n`;
    for (const flags of [[], ['--json']]) {
      const r = inspect('long.csv', csv, ...flags);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.length < 4000, `${r.stdout.length} characters on stdout`);
      assert.match(r.stdout, /y{80}…/);
    }
  });
});
