/**
 * Issue 20: a column named `close@B` and series B of `close` used to share `.seqlab/FILE/close@B/`, so training one
 * replaced the other and `predict --column close@B` answered with series B of close.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli';

const QUICK = ['--epochs', '2', '--units', '4', '--window', '5', '--seed', '3'];

describe('seqlab keeps every column and series in its own model folder', function () {
  this.timeout(60000);
  let dir: string;
  const cwd = process.cwd();
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-folders-'));
    const rows = ['date,symbol,close,close@B'];
    for (let i = 0; i < 60; i++) {
      rows.push(
        `${day(i)},B,${(20 + 5 * Math.cos(i / 4)).toFixed(4)},${(50 + 10 * Math.sin(i / 3)).toFixed(4)}`,
      );
      rows.push(`${day(i)},A,${(3 + 0.1 * i).toFixed(4)},${(1 + 0.2 * i).toFixed(4)}`);
    }
    writeFileSync(join(dir, 'h.csv'), rows.join('\n') + '\n');
    process.chdir(dir);
  });
  after(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('trains column "close@B" and series B of "close" into two folders; predict answers each for its own', async () => {
    const a = await cli('train', 'h.csv', '--column', 'close@B', ...QUICK, '--json');
    assert.equal(a.code, 0, a.stderr);
    const b = await cli('train', 'h.csv', '--column', 'close', '--series', 'B', ...QUICK, '--json');
    assert.equal(b.code, 0, b.stderr);
    const dirA = (JSON.parse(a.stdout) as { modelDir: string }).modelDir;
    const dirB = (JSON.parse(b.stdout) as { modelDir: string }).modelDir;
    assert.notEqual(dirA, dirB);
    const pa = await cli('predict', 'h.csv', '--column', 'close@B', '--json');
    assert.equal(pa.code, 0, pa.stderr);
    assert.equal((JSON.parse(pa.stdout) as { column: string }).column, 'close@B');
    const pb = await cli('predict', 'h.csv', '--column', 'close', '--series', 'B', '--json');
    assert.equal(pb.code, 0, pb.stderr);
    const jb = JSON.parse(pb.stdout) as { column: string; series: string; modelDir: string };
    assert.deepEqual([jb.column, jb.series, jb.modelDir], ['close', 'B', dirB]);
  });

  it('refuses, in one line, a folder whose meta.json is of another column or series', async () => {
    // A folder as an older SeqLab could leave it: series B of close in the place of column "close@B".
    const a = await cli(
      'train',
      'h.csv',
      '--column',
      'close',
      '--series',
      'B',
      ...QUICK,
      '--out',
      'old',
      '--json',
    );
    assert.equal(a.code, 0, a.stderr);
    const r = await cli('predict', 'h.csv', '--column', 'close@B', '--model', 'old');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^\S*meta\.json: this model is of column "close", series "B", not of column "close@B"; train that one again\n$/,
    );
    cpSync('old', join('.seqlab', 'h.csv', 'close%40B'), { recursive: true });
    const p = await cli('predict', 'h.csv', '--column', 'close@B');
    assert.equal(p.code, 1);
    assert.match(p.stderr, /this model is of column "close", series "B", not of column "close@B"/);
    const s = await cli('predict', 'h.csv', '--column', 'close', '--series', 'A', '--model', 'old');
    assert.equal(s.code, 1);
    assert.match(s.stderr, /not of column "close", series "A"/);
  });
});
