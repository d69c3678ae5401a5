/** The wasm backend starts in plain Node from local files (never a CDN), with SIMD; cpu stays available. */
import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findWasmDir, setBackend } from '../../../src/model/backend';

describe('backend', () => {
  after(() => setBackend('cpu'));

  it('finds the .wasm files in a local folder', () => {
    const dir = findWasmDir();
    assert.ok(dir !== undefined);
    assert.ok(existsSync(join(dir, 'tfjs-backend-wasm-simd.wasm')));
  });

  it('starts wasm with SIMD when asked', async () => {
    assert.equal(await setBackend('wasm'), 'wasm');
    assert.equal(tf.getBackend(), 'wasm');
    assert.equal(tf.env().getBool('WASM_HAS_SIMD_SUPPORT'), true);
  });

  it('switches to cpu when asked', async () => {
    assert.equal(await setBackend('cpu'), 'cpu');
    assert.equal(tf.getBackend(), 'cpu');
  });
});
