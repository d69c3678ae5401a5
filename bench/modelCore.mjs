// Bundles src/model for benchmarks in plain Node, so a workload measures the same core the CLI and worker ship.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = join(root, 'bench', '.data');

export async function loadModelCore() {
  mkdirSync(dataDir, { recursive: true });
  const coreFile = join(dataDir, 'model-core.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'src', 'model', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: coreFile,
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(coreFile);
}
