/**
 * Finds and compiles the recurrent kernel's .wasm (built by scripts/build-kernel.mjs into dist/wasm/). Synchronous, so
 * the training path needs no async start-up: the bundles live in dist/ (the file is beside them under wasm/), and the
 * tests' compiled sources live under out/, from where the file is found by walking up to the project's dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const KERNEL_FILE = 'seqlab-kernel.wasm';

// The project's lib (ES2022, no DOM) declares no WebAssembly types; these are the few parts used here.
export interface WasmGlobal {
  readonly value: number;
}
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
type WasmModule = object;
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The instance's exports, as scripts/build-kernel.mjs builds them from src/kernel/assembly. */
export interface KernelExports {
  readonly memory: WasmMemory;
  configure(
    cell: number,
    layers: number,
    units: number,
    window: number,
    rows: number,
    features: number,
  ): number;
  forward(): void;
  backward(n: number, denom: number): number;
  zeroGrads(): void;
  adam(lr: number, beta1: number, beta2: number, eps: number, c1: number, c2: number): void;
  kOff(l: number): number;
  rOff(l: number): number;
  bOff(l: number): number;
  hs(l: number): number;
  cs(l: number): number;
  readonly wdOff: WasmGlobal;
  readonly bdOff: WasmGlobal;
  readonly params: WasmGlobal;
  readonly grads: WasmGlobal;
  readonly adamM: WasmGlobal;
  readonly xs: WasmGlobal;
  readonly ys: WasmGlobal;
  readonly yhat: WasmGlobal;
  readonly P: WasmGlobal;
  readonly U: WasmGlobal;
  readonly G: WasmGlobal;
  readonly R: WasmGlobal;
  readonly IN0: WasmGlobal;
}

export function findKernelFile(from = __dirname): string | undefined {
  const beside = join(from, 'wasm', KERNEL_FILE);
  if (existsSync(beside)) return beside;
  for (let dir = from, i = 0; i < 6; i++, dir = dirname(dir)) {
    const inDist = join(dir, 'dist', 'wasm', KERNEL_FILE);
    if (existsSync(inDist)) return inDist;
  }
  return undefined;
}

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where the file is missing or this runtime lacks WebAssembly SIMD. */
export function kernelModule(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  const file = findKernelFile();
  try {
    compiled = file ? new wasm.Module(readFileSync(file)) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

export function kernelAvailable(): boolean {
  return kernelModule() !== null;
}

/** A fresh instance with its own memory: one per network. */
export function instantiateKernel(): KernelExports {
  const m = kernelModule();
  if (!m)
    throw new Error(`the recurrent kernel (${KERNEL_FILE}) is missing from dist/wasm; run npm run build`);
  return new wasm.Instance(m, {}).exports as unknown as KernelExports;
}
