/**
 * The store against a hostile repository and a crash: links on the way to a model folder, folders a save must not
 * replace, model files that describe a huge network, two saves read as one, a crash between a replace's renames,
 * and folder names that collide.
 */
import * as assert from 'node:assert/strict';
import {
  promises as fs,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { main } from '../../../src/cli/main';
import {
  decodeSegment,
  encodeSegment,
  loadModel,
  modelDirFor,
  modelSegment,
  placeOfFolder,
  saveModel,
  StoreError,
  trainModel,
  type ModelPlace,
  type TrainedModel,
} from '../../../src/model';
import { readSnapshot } from '../../../src/model/store/load';
import type { ReplaceSteps } from '../../../src/model/store/replace';
import { DEFAULT_MODEL_FILES, series, TINY, useCpu } from './helpers';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  const here = process.cwd();
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => err.push(String(s)) > 0) as typeof process.stderr.write;
  process.chdir(cwd);
  try {
    return { code: await main(argv), stderr: err.join('') };
  } finally {
    process.chdir(here);
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

const QUICK = ['--epochs', '2', '--units', '3', '--window', '4', '--backend', 'cpu'];
const data = series(Array.from({ length: 60 }, (_, i) => Math.sin(i / 3) + 0.05 * i));
const extra = { dataFile: 'data.csv', column: 'value', dataHash: '' };

describe('model store safety', () => {
  let root: string;
  let model: TrainedModel;
  let other: TrainedModel;
  before(async () => {
    await useCpu();
    model = await trainModel(data, { ...TINY, backend: 'cpu', cell: 'gru' }, {});
    other = await trainModel(data, { ...TINY, backend: 'cpu', cell: 'gru', seed: 99 }, {});
  });
  after(() => {
    model.dispose();
    other.dispose();
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seqlab-safety-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  /** The reproduction: `.seqlab/data.csv` links to a "home" folder whose Documents a save would replace. */
  function hostileWorkspace(): { ws: string; home: string } {
    const ws = join(root, 'ws');
    const home = join(root, 'home');
    mkdirSync(join(ws, '.seqlab'), { recursive: true });
    mkdirSync(join(home, 'Documents'), { recursive: true });
    writeFileSync(join(home, 'Documents', 'keep.txt'), 'keep\n');
    writeFileSync(
      join(ws, 'data.csv'),
      ['Documents', ...Array.from({ length: 200 }, (_, i) => String(i + 1))].join('\n') + '\n',
    );
    return { ws, home };
  }

  describe('links', () => {
    it('refuses to train through a link inside .seqlab/ and leaves the folder it points to untouched', async () => {
      const { ws, home } = hostileWorkspace();
      symlinkSync(home, join(ws, '.seqlab', 'data.csv'));
      const r = await cli(ws, 'train', 'data.csv', ...QUICK);
      assert.equal(r.code, 1);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /\.seqlab\/data\.csv: is a symbolic link/);
      assert.deepEqual(readdirSync(home), ['Documents']);
      assert.deepEqual(readdirSync(join(home, 'Documents')), ['keep.txt']);
    });

    it('refuses a .seqlab that is itself a link, and a model folder that is a link', async () => {
      const { ws, home } = hostileWorkspace();
      symlinkSync(home, join(ws, '.seqlab2'));
      const place: ModelPlace = { base: ws, dir: join(ws, '.seqlab2', 'Documents') };
      await assert.rejects(saveModel(place, model, extra), /\.seqlab2: is a symbolic link/);
      mkdirSync(join(ws, '.seqlab', 'data.csv'));
      symlinkSync(join(home, 'Documents'), join(ws, '.seqlab', 'data.csv', 'Documents'));
      await assert.rejects(
        saveModel({ base: ws, dir: join(ws, '.seqlab', 'data.csv', 'Documents') }, model, extra),
        /Documents: is a symbolic link/,
      );
      await assert.rejects(
        loadModel({ base: ws, dir: join(ws, '.seqlab', 'data.csv', 'Documents') }),
        /Documents: is a symbolic link/,
      );
      assert.deepEqual(readdirSync(join(home, 'Documents')), ['keep.txt']);
    });

    it('refuses a model folder that is not below its base', async () => {
      await assert.rejects(
        saveModel({ base: join(root, 'ws'), dir: join(root, 'elsewhere') }, model, extra),
        /is not inside/,
      );
      assert.equal(existsSync(join(root, 'elsewhere')), false);
    });
  });

  describe('--out', () => {
    it('refuses to replace the data file itself', async () => {
      const { ws } = hostileWorkspace();
      const before = readFileSync(join(ws, 'data.csv'));
      const r = await cli(ws, 'train', 'data.csv', ...QUICK, '--out', 'data.csv');
      assert.equal(r.code, 1);
      assert.match(r.stderr, /data\.csv: is a file, not a model folder/);
      assert.deepEqual(readFileSync(join(ws, 'data.csv')), before);
    });

    it('refuses a folder that holds something other than a model, and replaces an empty folder or a model', async () => {
      const { ws } = hostileWorkspace();
      mkdirSync(join(ws, 'project'));
      writeFileSync(join(ws, 'project', 'notes.md'), 'mine\n');
      const r = await cli(ws, 'train', 'data.csv', ...QUICK, '--out', 'project');
      assert.equal(r.code, 1);
      assert.match(r.stderr, /project: is not empty and holds no SeqLab model/);
      assert.deepEqual(readdirSync(join(ws, 'project')), ['notes.md']);
      mkdirSync(join(ws, 'empty'));
      assert.equal((await cli(ws, 'train', 'data.csv', ...QUICK, '--out', 'empty')).code, 0);
      assert.equal((await cli(ws, 'train', 'data.csv', ...QUICK, '--out', 'empty')).code, 0);
      assert.deepEqual(readdirSync(join(ws, 'empty')).sort(), DEFAULT_MODEL_FILES);
    });
  });

  describe('hostile model files', () => {
    async function saved(): Promise<string> {
      const dir = join(root, 'm');
      await saveModel(placeOfFolder(dir), model, extra);
      return dir;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit model files as free-form JSON
    type Loose = Record<string, any>;
    const editJson = (file: string, edit: (j: Loose) => void) => {
      const j = JSON.parse(readFileSync(file, 'utf8')) as Loose;
      edit(j);
      writeFileSync(file, JSON.stringify(j));
    };

    it('refuses a topology of 100,000 units against meta.json before tfjs builds it', async () => {
      const dir = await saved();
      editJson(join(dir, 'model.json'), (j) => (j.modelTopology.config.layers[0].config.units = 100000));
      const t = performance.now();
      await assert.rejects(loadModel(placeOfFolder(dir)), /a layer has 100000 units; meta.json says 4/);
      assert.ok(performance.now() - t < 1000, 'the refusal took a second or more');
    });

    it('refuses meta.json and model.json that agree on a network over the limits', async () => {
      const dir = await saved();
      editJson(join(dir, 'model.json'), (j) => (j.modelTopology.config.layers[0].config.units = 100000));
      editJson(join(dir, 'meta.json'), (j) => (j.config.units = 100000));
      await assert.rejects(loadModel(placeOfFolder(dir)), /"config": .*units/);
    });

    it('refuses weight shapes that differ from the network meta.json describes', async () => {
      const dir = await saved();
      editJson(join(dir, 'model.json'), (j) => {
        j.weightsManifest[0].weights[1].shape = [30000, 30000];
      });
      await assert.rejects(loadModel(placeOfFolder(dir)), /weight shapes .*\[30000,30000\].* do not match/);
    });

    it('caps the number of weight entries', async () => {
      const dir = await saved();
      editJson(join(dir, 'model.json'), (j) => {
        j.weightsManifest[0].weights = Array.from({ length: 5000 }, (_, i) => ({
          name: `w${i}`,
          shape: [1],
          dtype: 'float32',
        }));
      });
      await assert.rejects(loadModel(placeOfFolder(dir)), /5000 weight entries is over the limit/);
    });

    it('refuses a layer config nested far deeper than any model, with a message', async () => {
      const dir = await saved();
      const file = join(dir, 'model.json');
      const deep = `${'['.repeat(100000)}1${']'.repeat(100000)}`;
      writeFileSync(file, readFileSync(file, 'utf8').replace('"units":', `"extra":${deep},"units":`));
      await assert.rejects(
        loadModel(placeOfFolder(dir)),
        (e: unknown) => e instanceof StoreError && /nested more than/.test(e.message),
      );
    });
  });

  describe('one save at a time', () => {
    it('refuses model.json and meta.json of two different saves', async () => {
      const a = join(root, 'a');
      const b = join(root, 'b');
      await saveModel(placeOfFolder(a), model, extra);
      await saveModel(placeOfFolder(b), other, extra);
      await fs.copyFile(join(b, 'meta.json'), join(a, 'meta.json'));
      await assert.rejects(loadModel(placeOfFolder(a)), /model.json and meta.json come from different saves/);
    });

    it('reads the files of one save when another save lands between its reads', async () => {
      const dir = join(root, 'm');
      await saveModel(placeOfFolder(dir), model, extra);
      let landed = false;
      const snap = await readSnapshot(dir, async () => {
        if (landed) return;
        landed = true;
        await saveModel(placeOfFolder(dir), other, extra);
      });
      assert.ok(landed);
      const generation = (JSON.parse(snap.modelJson.toString()) as { seqlabGeneration: string })
        .seqlabGeneration;
      assert.equal((JSON.parse(snap.metaJson.toString()) as { generation: string }).generation, generation);
      assert.deepEqual(
        snap.weights[0],
        readFileSync(join(dir, 'weights.bin')),
        'the weights are not those of the save that model.json belongs to',
      );
    });
  });

  describe('a crash between the renames of a replace', () => {
    /** Renaming the old model aside works; the process "dies" before the new one is renamed in (and rolled back). */
    function crashAfterFirstRename(): ReplaceSteps {
      let renames = 0;
      return {
        rename: async (from, to) => {
          if (++renames > 1) throw new Error('killed');
          await fs.rename(from, to);
        },
        remove: async () => {
          throw new Error('killed');
        },
      };
    }

    it('loses no model: the next load puts the previous one back, and the next save sweeps up', async () => {
      const dir = join(root, 'm');
      const first = await saveModel(placeOfFolder(dir), model, extra);
      await assert.rejects(saveModel(placeOfFolder(dir), other, extra, crashAfterFirstRename()));
      assert.equal(existsSync(dir), false, 'the injected crash did not happen between the renames');
      assert.equal(readdirSync(root).filter((n) => n.startsWith('.m.old-')).length, 1);
      const loaded = await loadModel(placeOfFolder(dir));
      try {
        assert.equal(loaded.meta.generation, first.generation);
      } finally {
        loaded.dispose();
      }
      await saveModel(placeOfFolder(dir), other, extra);
      assert.deepEqual(readdirSync(root), ['m']);
    });

    it('a save after the crash keeps the previous model until its own is in place', async () => {
      const dir = join(root, 'm');
      const first = await saveModel(placeOfFolder(dir), model, extra);
      await assert.rejects(saveModel(placeOfFolder(dir), other, extra, crashAfterFirstRename()));
      const failing = {
        ...other,
        net: { ...other.net, artifacts: () => Promise.reject(new Error('disk full')) },
      };
      await assert.rejects(saveModel(placeOfFolder(dir), failing, extra), StoreError);
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { generation: string };
      assert.equal(meta.generation, first.generation);
    });
  });

  describe('folder names', () => {
    const names = [
      'a:b',
      'a_b',
      'a/b',
      'T (degC)',
      'a+b',
      '.hidden',
      '..',
      '.',
      '',
      'x'.repeat(300),
      'é水',
      'a%3Ab',
      'trail. ',
      'CR\rLF\n',
      '~',
    ];

    it('gives every name its own folder, reversibly when it is short', () => {
      const folders = names.map(encodeSegment);
      assert.equal(new Set(folders).size, names.length, folders.join(' | '));
      for (const [i, f] of folders.entries()) {
        assert.ok(
          !f.startsWith('.') && !/[\\/:*?"<>|\p{Cc}]/u.test(f) && !/[. ]$/.test(f),
          `unsafe folder name ${JSON.stringify(f)}`,
        );
        assert.ok(Buffer.byteLength(f) <= 255);
        if (names[i].length < 50) assert.equal(decodeSegment(f), names[i]);
      }
      assert.equal(encodeSegment('T (degC)'), 'T (degC)');
    });

    it('gives every (column, series) its own model folder: @ in a name, the empty name and NUL', () => {
      const targets = [
        { column: 'close@B' },
        { column: 'close', series: 'B' },
        { column: 'a@b', series: 'c' },
        { column: 'a', series: 'b@c' },
        { column: 'a@b@c' },
        { column: '' },
        { column: '\u0000' },
        { column: '', series: '' },
        { column: '\u0000', series: '' },
        { column: '', series: '\u0000' },
        { column: 'x'.repeat(120) },
        { column: 'x'.repeat(120), series: 'y' },
        { column: 'x'.repeat(120), series: 'z' },
        { column: `${'x'.repeat(120)}@y` },
      ];
      const dirs = targets.map((t) => modelDirFor('/ws', 'c.csv', t));
      assert.equal(new Set(dirs).size, targets.length, dirs.join(' | '));
      for (const d of dirs) assert.ok(Buffer.byteLength(basename(d)) <= 255);
      // Plain names keep their folders: a column, and one series trained alone.
      assert.equal(modelDirFor('/ws', 'c.csv', 'close'), join('/ws', '.seqlab', 'c.csv', 'close'));
      assert.equal(
        modelDirFor('/ws', 'c.csv', { column: 'close', series: 'AAA' }),
        join('/ws', '.seqlab', 'c.csv', 'close@AAA'),
      );
      assert.equal(basename(modelDirFor('/ws', 'c.csv', 'close@B')), 'close%40B');
    });

    it('gives every data file its own folders: outside the base, a folder named _external, a backslash, a leading ..', () => {
      // On Windows a backslash separates folders, as it should; elsewhere it is part of a name.
      const files = [
        '/elsewhere/a.csv',
        '_external/elsewhere/a.csv',
        ...(sep === '/' ? ['a\\b.csv'] : []),
        'a/b.csv',
        '..a.csv',
        '../a.csv',
      ];
      const dirOf = (f: string) => modelDirFor('/ws', f, 'v');
      const dirs = files.map(dirOf);
      assert.equal(new Set(dirs).size, files.length, dirs.join(' | '));
      assert.equal(dirOf('/elsewhere/a.csv'), join('/ws', '.seqlab', '_external', 'elsewhere', 'a.csv', 'v'));
      assert.equal(
        dirOf('_external/elsewhere/a.csv'),
        join('/ws', '.seqlab', '%5Fexternal', 'elsewhere', 'a.csv', 'v'),
      );
      assert.equal(dirOf('..a.csv'), join('/ws', '.seqlab', '%2E.a.csv', 'v'));
      if (sep === '/') assert.equal(dirOf('a\\b.csv'), join('/ws', '.seqlab', 'a%5Cb.csv', 'v'));
    });

    it('keeps long names that share a prefix apart', () => {
      assert.notEqual(encodeSegment(`${'x'.repeat(200)}1`), encodeSegment(`${'x'.repeat(200)}2`));
    });

    it('gives a data file and a column the same folder whichever code asks (retrain appends the column to the parent)', () => {
      for (const column of names) {
        const dir = modelDirFor('/ws', 'a:b.csv', column);
        assert.equal(join(dirname(dir), modelSegment(column)), dir);
      }
      assert.notEqual(modelDirFor('/ws', 'a:b.csv', 'v'), modelDirFor('/ws', 'a_b.csv', 'v'));
    });
  });
});
