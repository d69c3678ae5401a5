/** Scoring many windows on the kernel's second thread gives predict's numbers bit for bit. */
import * as assert from 'node:assert/strict';
import { KernelNet } from '../../../src/model/kernel/kernel';
import { weightShapes, type NetSpec } from '../../../src/model/network/spec';
import { trainModel } from '../../../src/model';
import { series } from './helpers';

/** A deterministic signal and windows that overlap, read in place at `offsets`. */
function windowsOf(spec: NetSpec, count: number): { src: Float32Array; offsets: Int32Array } {
  const src = Float32Array.from({ length: (count + spec.window) * spec.features }, (_, i) =>
    Math.sin(i / 7 + Math.cos(i / 3)),
  );
  const offsets = Int32Array.from({ length: count }, (_, b) => b * spec.features);
  return { src, offsets };
}

/** Weights spread over ±0.5 (the head included, which starts at zero in a new network). */
function someWeights(spec: NetSpec): Float32Array[] {
  let s = 1;
  return weightShapes(spec).map((shape) =>
    Float32Array.from(
      { length: shape.reduce((a, b) => a * b, 1) },
      () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5,
    ),
  );
}

describe('predicting on two threads', () => {
  const specs: NetSpec[] = [
    { cell: 'gru', layers: 1, units: 17, window: 9, features: 1 },
    { cell: 'lstm', layers: 2, units: 5, window: 4, features: 3 },
  ];
  for (const spec of specs) {
    it(`${spec.cell} ${spec.layers} layer(s): equal to one thread, over an odd number of passes`, async () => {
      const weights = someWeights(spec);
      const one = new KernelNet(spec, 8, 1);
      const two = new KernelNet(spec, 8, 2);
      try {
        one.setWeights(weights);
        two.setWeights(weights);
        // 8 rows a pass: 5 passes and a partial one, so each thread runs a padded pass too.
        const { src, offsets } = windowsOf(spec, 8 * 5 + 3);
        const a = one.predict(src, offsets);
        const b = await two.predictAsync(src, offsets);
        assert.equal(two.lastThreads, 2);
        assert.deepEqual(b, a);
        assert.ok(a.every(Number.isFinite) && new Set(a).size > 1);
        // The second call reuses the started worker and still agrees.
        assert.deepEqual(await two.predictAsync(src, offsets), a);
      } finally {
        one.dispose();
        two.dispose();
      }
    });
  }

  it("training's final scores are the same with 1 and 2 threads", async () => {
    const wave = series(Array.from({ length: 1400 }, (_, i) => Math.sin(i / 5) + 0.2 * Math.sin(i / 17)));
    const config = { units: 4, window: 8, epochs: 1, batchSize: 32, patience: 0, seed: 3 };
    const one = await trainModel(wave, { ...config, difference: 'none', threads: 1 });
    const two = await trainModel(wave, { ...config, difference: 'none', threads: 2 });
    one.dispose();
    two.dispose();
    assert.deepEqual(two.meta.metrics, one.meta.metrics);
    assert.deepEqual(two.meta.residuals, one.meta.residuals);
  });
});
