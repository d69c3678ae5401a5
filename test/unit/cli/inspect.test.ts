import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// The compiled CLI entry (tsc output), so these tests do not depend on a bundle being built.
const cli = resolve(__dirname, '../../../src/cli/main.js');
const fixtures = resolve(__dirname, '../../../../test/fixtures/data');

function seqlab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: fixtures, timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(stderr, /\n\s+at /);
}

describe('seqlab inspect', () => {
  it('prints exactly one JSON object with the contract fields under --json and exits 0', () => {
    const r = seqlab('inspect', 'daily.csv', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    const out = JSON.parse(r.stdout) as {
      rows: number;
      columns: Record<string, unknown>[];
      problems: unknown[];
    };
    assert.equal(out.rows, 12);
    assert.deepEqual(
      out.columns.map((c) => [c.name, c.kind, c.count, c.missing]),
      [
        ['date', 'date', 12, 0],
        ['sales', 'numeric', 12, 0],
      ],
    );
    assert.deepEqual(out.problems, []);
  });

  it('gives each problem its row (the file line), column and message under --json', () => {
    const r = seqlab('inspect', 'rfc4180.csv', '--json');
    const out = JSON.parse(r.stdout) as { problems: Record<string, unknown>[] };
    assert.deepEqual(
      out.problems.map((p) => [p.row, p.column, typeof p.message]),
      [[6, 'value', 'string']],
    );
  });

  it('prints a table of columns with kind, count, missing, min and max on a terminal-style run', () => {
    const r = seqlab('inspect', 'mixed-decimal.csv');
    assert.equal(r.status, 0, r.stderr);
    const header = r.stdout.split('\n').find((l) => l.startsWith('column'));
    assert.deepEqual(header?.split(/\s+/), ['column', 'kind', 'count', 'missing', 'min', 'max']);
    assert.match(r.stdout, /^price\s+numeric\s+11\s+1\s+0\.5\s+10\.5$/m);
    assert.match(r.stdout, /line 13, column "price": "3,5" is not a number/);
  });

  it('exits 1 with one line naming the file for a binary file', () => {
    const r = seqlab('inspect', 'binary.csv');
    assert.equal(r.status, 1);
    assertOneLineError(r.stderr, /^binary\.csv: .*binary file/);
  });

  it('exits 1 with one line naming the line of an unclosed quote', () => {
    const r = seqlab('inspect', 'unclosed.csv', '--json');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assertOneLineError(r.stderr, /^unclosed\.csv: line 3: /);
  });

  it('reads text after a closing quote as it stands and reports the cell that is not a number', () => {
    const r = seqlab('inspect', 'bad-quote.csv');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /line 3, column "a": "\\"x\\"y" is not a number/);
  });

  it('exits 0 when no column can become a series, saying why in one line on stderr', () => {
    const r = seqlab('inspect', 'text-only.csv');
    assert.equal(r.status, 0);
    assertOneLineError(r.stderr, /^text-only\.csv: no numeric column/);
  });

  it('exits 0 for a file with a header and no rows, saying so on stderr', () => {
    const r = seqlab('inspect', 'header-only.csv');
    assert.equal(r.status, 0);
    assertOneLineError(r.stderr, /^header-only\.csv: no data rows$/);
  });

  it('exits 1 for a file that does not exist', () => {
    const r = seqlab('inspect', 'nope.csv');
    assert.equal(r.status, 1);
    assertOneLineError(r.stderr, /^nope\.csv: no such file$/);
  });

  it('exits 2 with a usage line when FILE is missing', () => {
    const r = seqlab('inspect');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing FILE\nusage: seqlab inspect FILE/);
  });

  it('exits 2 for an unknown flag', () => {
    const r = seqlab('inspect', 'daily.csv', '--jsn');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option --jsn/);
  });

  it('exits 2 for a size cap that is not a whole number', () => {
    const r = seqlab('inspect', 'daily.csv', '--max-size-mb', 'lots');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--max-size-mb must be an integer \(got "lots"\)/);
  });

  it('exits 2 for an unknown command', () => {
    const r = seqlab('inspekt', 'daily.csv');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command "inspekt"/);
  });

  it('prints usage and exits 0 for --help', () => {
    const r = seqlab('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /usage: seqlab inspect FILE \[--json\]/);
  });
});
