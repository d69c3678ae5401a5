import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(__dirname, '../../../src/cli/main.js');
const fixtures = resolve(__dirname, '../../../../test/fixtures/data');

function seqlab(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('seqlab inspect on a well-formed file with nothing to train on', () => {
  for (const [file, why] of [
    ['text-only.csv', /^text-only\.csv: no numeric column/],
    ['header-only.csv', /^header-only\.csv: no data rows$/],
    ['no-numbers.json', /^no-numbers\.json: no numeric column/],
  ] as const) {
    it(`describes ${file}, exits 0 with usable: [] and gives the reason on stderr`, () => {
      const r = seqlab(fixtures, 'inspect', file, '--json');
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { usable: string[]; columns: unknown[] };
      assert.deepEqual(out.usable, []);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], why);
    });
  }

  it('describes a file whose only numeric column is too short, without --json too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seqlab-unusable-'));
    try {
      writeFileSync(join(dir, 'short.csv'), 'v\n1\n2\n3\n');
      const r = seqlab(dir, 'inspect', 'short.csv');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /no column is usable for training/);
      assert.match(r.stderr, /^short\.csv: column "v": only 3 usable values; at least 10 are needed\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still exits 1 for a file that cannot be read', () => {
    const r = seqlab(fixtures, 'inspect', 'truncated.json', '--json');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
  });
});
