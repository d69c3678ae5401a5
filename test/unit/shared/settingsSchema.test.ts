/**
 * package.json's seqlab.training.* settings against the one config schema: a setting whose type, range, default or
 * choices drift from what the core accepts would offer values that training then refuses (or hide allowed ones).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/model/config';
import {
  BACKENDS,
  CELLS,
  CONFIG_LIMITS,
  DESEASONALIZE,
  MAX_THREADS,
  configProblem,
  parseThreads,
  type NumberLimit,
} from '../../../src/shared/schema/config';

interface Setting {
  type: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  default?: unknown;
  enum?: unknown[];
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Setting> } };
};
const settings = manifest.contributes.configuration.properties;
const training = Object.keys(settings).filter((k) => k.startsWith('seqlab.training.'));

describe('package.json settings match the config schema', () => {
  it('has a setting for the user-facing config fields and no setting the config lacks', () => {
    const fields = training.map((k) => k.slice('seqlab.training.'.length)).sort();
    assert.deepEqual(fields, [
      'batchSize',
      'cell',
      'combine',
      'deseasonalize',
      'difference',
      'ensemble',
      'epochs',
      'layers',
      'learningRate',
      'patience',
      'seed',
      'threads',
      'timeBudgetSeconds',
      'transform',
      'units',
      'validationSplit',
      'window',
    ]);
    for (const f of fields) assert.ok(f in DEFAULT_CONFIG, `seqlab.training.${f} is not a TrainConfig field`);
  });

  for (const key of training) {
    const field = key.slice('seqlab.training.'.length);
    const limit = (CONFIG_LIMITS as Record<string, NumberLimit | undefined>)[field];
    if (!limit) continue;
    it(`${key}: type, range and default are the schema's`, () => {
      const s = settings[key];
      assert.equal(s.type, limit.integer ? 'integer' : 'number');
      if (limit.exclusiveMin) assert.deepEqual([s.exclusiveMinimum, s.minimum], [limit.min, undefined]);
      else assert.deepEqual([s.minimum, s.exclusiveMinimum], [limit.min, undefined]);
      assert.equal(s.maximum, limit.max);
      assert.equal(s.default, DEFAULT_CONFIG[field as keyof typeof DEFAULT_CONFIG]);
    });
  }

  it('offers exactly the deseasonalize choices the schema allows, with its default', () => {
    const s = settings['seqlab.training.deseasonalize'];
    assert.deepEqual(s.enum, [...DESEASONALIZE]);
    assert.equal(s.default, DEFAULT_CONFIG.deseasonalize);
    assert.match(
      String(configProblem({ ...DEFAULT_CONFIG, deseasonalize: 'yes' })),
      /deseasonalize must be one of auto\|on\|off, got "yes"/,
    );
  });

  it('offers exactly the thread counts the schema allows, with auto by default', () => {
    const s = settings['seqlab.training.threads'];
    assert.deepEqual(s.enum, ['auto', ...Array.from({ length: MAX_THREADS }, (_, i) => String(i + 1))]);
    assert.equal(s.default, DEFAULT_CONFIG.threads);
    for (const choice of s.enum ?? [])
      assert.equal(configProblem({ ...DEFAULT_CONFIG, threads: parseThreads(choice) }), undefined);
    assert.equal(parseThreads(String(MAX_THREADS + 1)), undefined);
    assert.match(
      String(configProblem({ ...DEFAULT_CONFIG, threads: 3 })),
      /threads must be auto or an integer from 1 to 2, got 3/,
    );
  });

  it('offers exactly the cells and backends the schema allows, with the defaults', () => {
    assert.deepEqual(settings['seqlab.training.cell'].enum, [...CELLS]);
    assert.equal(settings['seqlab.training.cell'].default, DEFAULT_CONFIG.cell);
    assert.deepEqual(settings['seqlab.backend'].enum, [...BACKENDS]);
    assert.equal(settings['seqlab.backend'].default, DEFAULT_CONFIG.backend);
  });
});
