/** The model store: atomic saves, faithful round trips, and every refusal of the safe loader. */
import * as assert from 'node:assert/strict';
import { promises as fs, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  forecast,
  LIMITS,
  loadModel,
  modelDirFor,
  placeOfFolder,
  saveModel,
  StoreError,
  trainModel,
  type TrainedModel,
} from '../../../src/model';
import type { ModelHandle } from '../../../src/model/network/handle';
import { series, TINY, useCpu } from './helpers';

const FIXTURES = join(__dirname, '../../../../test/fixtures/models');
const data = series(Array.from({ length: 60 }, (_, i) => Math.sin(i / 3) + 0.05 * i));
const extra = { dataFile: 'data.csv', column: 'value', dataHash: 'abc' };

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

describe('model store', () => {
  let model: TrainedModel;
  let root: string;
  before(async () => {
    await useCpu();
    model = await trainModel(data, { ...TINY, backend: 'cpu', cell: 'lstm' }, {});
  });
  after(() => model.dispose());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seqlab-store-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('loads back a model that forecasts exactly as the trained one', async () => {
    const dir = join(root, 'm');
    await saveModel(placeOfFolder(dir), model, extra);
    const loaded = await loadModel(placeOfFolder(dir));
    const a = forecast(model, data, 3);
    const b = forecast(loaded, data, 3);
    loaded.dispose();
    assert.deepEqual(b, a);
    assert.deepEqual(readdirSync(dir).sort(), ['history.csv', 'meta.json', 'model.json', 'weights.bin']);
  });

  it('records the data file, column, hash and config in meta.json', async () => {
    const dir = join(root, 'm');
    await saveModel(placeOfFolder(dir), model, extra);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    assert.deepEqual(
      [meta.dataFile, meta.column, meta.dataHash, meta.config.cell, meta.window],
      ['data.csv', 'value', 'abc', 'lstm', model.meta.window],
    );
  });

  it('replaces an existing model and leaves no temp folder behind', async () => {
    const dir = join(root, 'm');
    await saveModel(placeOfFolder(dir), model, extra);
    await saveModel(placeOfFolder(dir), model, { ...extra, dataHash: 'def' });
    assert.equal(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')).dataHash, 'def');
    assert.deepEqual(readdirSync(root), ['m']);
  });

  it('leaves an existing model byte for byte untouched when a save fails', async () => {
    const dir = join(root, 'm');
    await saveModel(placeOfFolder(dir), model, extra);
    const before = snapshot(dir);
    const failing: ModelHandle = {
      meta: model.meta,
      net: {
        spec: model.net.spec,
        readWeights: () => {
          throw new Error('disk full');
        },
      } as unknown as ModelHandle['net'],
      dispose: () => undefined,
    };
    await assert.rejects(saveModel(placeOfFolder(dir), failing, extra), StoreError);
    assert.deepEqual(snapshot(dir), before);
    assert.deepEqual(readdirSync(root), ['m']);
  });

  it('sweeps temp folders left by a save whose process is gone', async () => {
    await fs.mkdir(join(root, '.m.tmp-999999999-abc'));
    await saveModel(placeOfFolder(join(root, 'm')), model, extra);
    assert.deepEqual(readdirSync(root), ['m']);
  });

  it('places models under .seqlab/<data path>/<column>/', () => {
    assert.equal(
      modelDirFor('/ws', 'data/sales.csv', 'units'),
      join('/ws', '.seqlab', 'data', 'sales.csv', 'units'),
    );
  });

  it('keeps a column name with a slash inside one folder', () => {
    assert.equal(modelDirFor('/ws', 'a.csv', '../x/y'), join('/ws', '.seqlab', 'a.csv', '%2E.%2Fx%2Fy'));
  });

  it('refuses to apply a model to another column', async () => {
    const loaded = await loadModel(placeOfFolder(join(FIXTURES, 'valid')));
    try {
      assert.throws(
        () => forecast(loaded, { ...data, name: 'other' }),
        /trained on column "value", not "other"/,
      );
    } finally {
      loaded.dispose();
    }
  });

  const refusals: Array<[string, RegExp]> = [
    ['absolute-path', /leaves the model folder/],
    ['dotdot-path', /leaves the model folder/],
    ['symlink-out', /link that leaves the model folder/],
    ['short-weights', /holds \d+ bytes but the manifest's shapes need \d+/],
    ['long-weights', /holds \d+ bytes but the manifest's shapes need \d+/],
    ['bad-class', /layer class "Lambda" is not allowed/],
    ['bad-initializer', /class "Evil" is not allowed/],
    ['non-finite', /weight value 1 is not finite/],
    ['window-mismatch', /window 3 differs from meta.json's 4/],
    ['bad-scaler', /"scaler" is invalid/],
    ['float16', /is not plain float32/],
    ['empty', /model.json: missing/],
  ];
  for (const [fixture, message] of refusals) {
    it(`refuses ${fixture}`, async () => {
      await assert.rejects(
        loadModel(placeOfFolder(join(FIXTURES, fixture))),
        (e: unknown) => e instanceof StoreError && message.test(e.message),
      );
    });
  }

  it('refuses a model.json over the size cap', async () => {
    const cap = LIMITS.modelJson;
    LIMITS.modelJson = 100;
    try {
      await assert.rejects(loadModel(placeOfFolder(join(FIXTURES, 'valid'))), /over the 100-byte limit/);
    } finally {
      LIMITS.modelJson = cap;
    }
  });
});
