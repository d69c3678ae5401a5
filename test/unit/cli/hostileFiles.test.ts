import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cli = resolve(__dirname, '../../../src/cli/main.js');

describe('seqlab inspect on hostile files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function inspect(name: string, content: string) {
    writeFileSync(join(dir, name), content);
    const r = spawnSync(process.execPath, [cli, 'inspect', name, '--json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('exits 1 with one line naming file and line for JSON Lines nested 100,000 deep', () => {
    const r = inspect('deep.jsonl', `{"v": 1}\n${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'deep.jsonl: line 2: nesting is deeper than 64 levels\n');
  });

  it('reads a file with a bare quote inside an unquoted field and exits 0', () => {
    const values = Array.from({ length: 20 }, (_, i) => `p${i},${i}\n`).join('');
    const r = inspect('coords.csv', `place,v\n37°36'37.8"N,0\n${values}`);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { rows: number; usable: string[] };
    assert.deepEqual([out.rows, out.usable], [21, ['v']]);
  });
});
