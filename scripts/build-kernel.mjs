// Compiles the recurrent kernel (src/kernel/assembly, AssemblyScript) to dist/wasm/seqlab-kernel.wasm, which ships in
// the .vsix beside tfjs' own .wasm files. Run by scripts/esbuild.mjs; `node scripts/build-kernel.mjs` alone also works.
import asc from 'assemblyscript/asc';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildKernel() {
  mkdirSync(join(root, 'dist/wasm'), { recursive: true });
  const { error, stderr } = await asc.main(
    [
      join(root, 'src/kernel/assembly/index.ts'),
      '--outFile',
      join(root, 'dist/wasm/seqlab-kernel.wasm'),
      '--enable',
      'simd',
      '-O3',
      // No garbage collector: the kernel allocates nothing; layout.ts carves memory by hand.
      '--runtime',
      'stub',
      // No imports but the memory, so the module instantiates synchronously.
      '--use',
      'abort=',
      // One shared memory for the instances of data-parallel threads (model/kernel/threads.ts); 2 GiB at most.
      '--enable',
      'threads',
      '--importMemory',
      '--sharedMemory',
      '--initialMemory',
      '1',
      '--maximumMemory',
      '32768',
      '--noAssert',
    ],
    {},
  );
  if (error) throw new Error(`kernel build failed: ${error.message}\n${stderr.toString()}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildKernel();
