/**
 * The rules behind the forecast SeqLab gives (forecast/check.ts, train/trainModel.ts): a trending series is never
 * forecast back into its training range, a model a plain method beat on validation says so in every CLI output and
 * can forecast with that method instead, an ensemble is saved and loaded whole, and a hostile check is refused.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forecast, loadModel, placeOfFolder, saveModel, trainModel } from '../../../src/model';
import {
  checkForecasts,
  checkOrigins,
  combinationWeight,
  plainForecast,
} from '../../../src/model/forecast/check';
import { normals, series } from './helpers';
import { cli } from '../cli/runCli';

const QUICK = { units: 8, epochs: 30, seed: 3, timeBudgetSeconds: 0 };

/** Linear trend + noise, and a random walk with drift: both leave their training range upward. */
const trending = {
  'linear trend + noise': normals(200, 11).map((z, t) => 50 + 0.8 * t + 3 * z),
  'random walk with drift': normals(300, 12).reduce<number[]>(
    (a, z) => [...a, (a.at(-1) ?? 100) + 0.5 + z],
    [],
  ),
};

describe('forecast check and combination', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-check-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, values] of Object.entries(trending)) {
    for (const combine of ['off', 'theta', 'best'] as const) {
      it(`never forecasts a ${name} back into its training range (combine ${combine})`, async () => {
        const m = await trainModel(series(values), { ...QUICK, combine });
        try {
          const top = Math.max(...values.slice(0, m.meta.splitIndex));
          const f = forecast(m, series(values), 12);
          assert.ok(
            f.forecast.every((v) => v > top),
            `forecast ${f.forecast.map((v) => v.toFixed(1)).join(', ')} vs training max ${top.toFixed(1)}`,
          );
        } finally {
          m.dispose();
        }
      });
    }
  }

  it("'best' combines the network with the plain method of lowest MSE on the fitted origins, and only there", () => {
    // A random walk that wanders up and then down: Theta's drift (the whole range's slope) misleads, naive does not.
    const steps = normals(120, 31);
    const values = Float64Array.from({ length: 120 }, (_, t) =>
      steps.slice(0, t + 1).reduce((a, z, i) => a + z + (i < 60 ? 0.4 : -0.4), 100),
    );
    const origins = Array.from({ length: 16 }, (_, i) => 90 + i);
    const network = origins.map(() => new Float64Array(4).fill(values[89]));
    const r = checkForecasts(values, origins, 4, 4, network, 'best', 8);
    const mse = (m: 'naive' | 'seasonalNaive' | 'theta') =>
      origins.slice(0, 8).reduce((s, t) => {
        const f = plainForecast(m, values, t, 4, 4);
        return s + f.reduce((a, v, h) => a + (values[t + h] - v) ** 2, 0);
      }, 0);
    const expected = (['naive', 'seasonalNaive', 'theta'] as const).reduce((a, b) =>
      mse(b) < mse(a) ? b : a,
    );
    assert.equal(r.check.partner, expected);
    assert.notEqual(expected, 'theta', 'a case where the best plain method is not Theta');
    assert.ok(r.check.weight < 0.5, `a flat network gets the smaller share, got ${r.check.weight}`);
    const theta = checkForecasts(values, origins, 4, 4, network, 'theta', 8);
    assert.equal(theta.check.partner, 'theta');
    assert.equal(checkForecasts(values, origins, 4, 4, network, 'off', 8).check.weight, 1);
  });

  it('keeps the evaluation after training within a quarter of the time budget by forecasting from fewer origins', async () => {
    const long = series(normals(3000, 41).map((z, t) => Math.sin(t / 9) + 0.1 * z));
    const m = await trainModel(long, {
      units: 128,
      window: 100,
      epochs: 1,
      patience: 0,
      timeBudgetSeconds: 1,
      ensemble: 1,
      difference: 'first',
      deseasonalize: 'off',
      transform: 'none',
    });
    try {
      const every = checkOrigins(3000, m.meta.splitIndex).length;
      assert.equal(every, 256);
      const used = m.meta.check?.origins ?? 0;
      assert.ok(used >= 8 && used < every, `${used} of ${every} origins`);
    } finally {
      m.dispose();
    }
  });

  it('weighs the network against Theta by inverse validation MSE', () => {
    assert.equal(combinationWeight(1, 1), 0.5);
    assert.ok(Math.abs(combinationWeight(1, 3) - 0.75) < 1e-12);
    assert.equal(combinationWeight(1, NaN), 1);
  });

  it('flags a model a plain method beat on validation in train --json and predict, and forecasts with that method', async () => {
    // A random walk, where naive is the best forecast there is, and a levels network trained for one epoch.
    const walk = normals(240, 5).reduce<number[]>((a, z) => [...a, (a.at(-1) ?? 0) + z], []);
    const csv = join(dir, 'walk.csv');
    writeFileSync(csv, ['value', ...walk.map((v) => v.toFixed(4))].join('\n') + '\n');
    const out = join(dir, 'walk-model');
    const args = ['--epochs', '1', '--units', '2', '--difference', 'none', '--combine', 'off', '--out', out];
    const t = await cli('train', csv, ...args, '--json');
    assert.equal(t.code, 0, t.stderr);
    const trained = JSON.parse(t.stdout) as {
      check: { better: string | null; errors: Record<string, number> };
    };
    assert.ok(trained.check.better, 'flagged');
    const b = trained.check.better as 'naive';
    assert.ok(trained.check.errors[b] < trained.check.errors.final);
    const p = await cli('predict', csv, '--model', out, '--json');
    assert.equal(
      JSON.parse(p.stdout).better,
      b === 'naive' ? 'naive' : b === 'theta' ? 'theta' : 'seasonal-naive',
    );
    const text = await cli('predict', csv, '--model', out);
    assert.match(text.stdout, /warning: .* forecast better than this model on validation/);
    const naive = JSON.parse(
      (await cli('predict', csv, '--model', out, '--method', 'naive', '--json')).stdout,
    );
    assert.equal(naive.method, 'naive');
    assert.equal(naive.next, Number(walk.at(-1)!.toFixed(4)));
  });

  it("quotes the backtest's coverage in predict once the model has a backtest, the calibration's before", async () => {
    const values = trending['random walk with drift'];
    const csv = join(dir, 'drift.csv');
    writeFileSync(csv, ['value', ...values.map((v) => v.toFixed(4))].join('\n') + '\n');
    const out = join(dir, 'drift-model');
    const quick = ['--epochs', '5', '--units', '4', '--ensemble', '1'];
    assert.equal((await cli('train', csv, ...quick, '--out', out)).code, 0);
    const before = JSON.parse((await cli('predict', csv, '--model', out, '--json')).stdout);
    assert.equal(before.backtestCoverage, null);
    const bt = await cli('backtest', csv, ...quick, '--folds', '2', '--horizon', '5', '--out', out, '--json');
    assert.equal(bt.code, 0, bt.stderr);
    const coverage = JSON.parse(bt.stdout).models.rnn.coverage;
    const after = JSON.parse((await cli('predict', csv, '--model', out, '--json')).stdout);
    assert.equal(after.backtestCoverage, coverage);
    const text = (await cli('predict', csv, '--model', out)).stdout;
    assert.match(text, new RegExp(`${Math.round(coverage * 100)}% of actuals covered in its backtest`));
  });

  it('saves and loads an ensemble whole, forecasting as trained, and refuses one with a member missing', async () => {
    const values = trending['linear trend + noise'];
    const m = await trainModel(series(values), { ...QUICK, ensemble: 3 });
    const folder = join(dir, 'ens');
    try {
      assert.equal(m.members?.length, 2);
      await saveModel(placeOfFolder(folder), m, { dataFile: 'x.csv', column: 'value', dataHash: '' });
      const loaded = await loadModel(placeOfFolder(folder));
      try {
        assert.deepEqual(loaded.meta.ensemble?.members, 3);
        assert.deepEqual(
          forecast(loaded, series(values), 5).forecast,
          forecast(m, series(values), 5).forecast,
        );
      } finally {
        loaded.dispose();
      }
    } finally {
      m.dispose();
    }
    unlinkSync(join(folder, 'member-2.bin'));
    await assert.rejects(loadModel(placeOfFolder(folder)), /member-2\.bin: missing/);
  });

  it('refuses a meta.json whose check weight is outside 0–1 or names an unknown method', async () => {
    const m = await trainModel(series(trending['linear trend + noise']), QUICK);
    const folder = join(dir, 'hostile');
    try {
      await saveModel(placeOfFolder(folder), m, { dataFile: 'x.csv', column: 'value', dataHash: '' });
    } finally {
      m.dispose();
    }
    const metaFile = join(folder, 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    for (const [check, why] of [
      [{ ...meta.check, weight: 2 }, /check\.weight/],
      [{ ...meta.check, better: 'oracle' }, /check\.better/],
      [{ ...meta.check, weights: [2] }, /check\.weights/],
    ] as const) {
      writeFileSync(metaFile, JSON.stringify({ ...meta, check }));
      await assert.rejects(loadModel(placeOfFolder(folder)), why);
    }
  });
});
