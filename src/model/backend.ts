/**
 * Chooses the tfjs backend, for the models only tfjs-layers runs (store/load.ts requires this lazily). The wasm binaries come from a `wasm/` folder beside the running bundle (dist/wasm) or
 * from the installed @tensorflow/tfjs-backend-wasm package: never from the network.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

const WASM_FILE = 'tfjs-backend-wasm-simd.wasm';

/** Folders that may hold the .wasm files, most specific first. */
function wasmDirs(): string[] {
  const dirs = [join(__dirname, 'wasm')];
  try {
    dirs.push(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + `${sep}dist`);
  } catch {
    // Bundled without node_modules: only the bundle's own folder counts.
  }
  dirs.push(join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'));
  return dirs;
}

export function findWasmDir(): string | undefined {
  return wasmDirs().find((d) => existsSync(join(d, WASM_FILE)));
}

// PROD skips tfjs' debug checks and its console nags (e.g. "install tfjs-node") that would clutter CLI output.
tf.env().set('PROD', true);

let wasmReady: Promise<boolean> | undefined;

async function initWasm(): Promise<boolean> {
  const dir = findWasmDir();
  if (!dir) return false;
  // A trailing separator makes tfjs treat this as a folder prefix for every .wasm variant.
  setWasmPaths(dir + sep);
  try {
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/** Activates a backend and returns the one in use: 'auto' prefers wasm and falls back to cpu. */
export type BackendName = 'auto' | 'wasm' | 'cpu';

export async function setBackend(name: BackendName): Promise<string> {
  if (name !== 'cpu') {
    if (tf.getBackend() === 'wasm') return 'wasm';
    wasmReady ??= initWasm();
    if (await wasmReady) {
      await tf.setBackend('wasm');
      await tf.ready();
      return 'wasm';
    }
    if (name === 'wasm')
      throw new Error(
        `the wasm backend could not start (looked for ${WASM_FILE} in ${wasmDirs().join(', ')})`,
      );
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
