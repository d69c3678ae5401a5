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
export type WasmModule = object;
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule, imports: object) => { exports: unknown };
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The instance's exports, as scripts/build-kernel.mjs builds them from src/kernel/assembly. */
export interface KernelExports {
  configure(
    cell: number,
    layers: number,
    units: number,
    window: number,
    rows: number,
    features: number,
    base: number,
    sharedParams: number,
  ): number;
  allocGrads(): number;
  useGrads(ptr: number): void;
  addGrads(from: number): void;
  end(): number;
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

/** `rel` beside this file (bundles in dist/, or tsc's output) or in the project's dist/ above it (tests, bench). */
export function findShipped(rel: string, from = __dirname): string | undefined {
  const beside = join(from, rel);
  if (existsSync(beside)) return beside;
  for (let dir = from, i = 0; i < 6; i++, dir = dirname(dir)) {
    const inDist = join(dir, 'dist', rel);
    if (existsSync(inDist)) return inDist;
  }
  return undefined;
}

export function findKernelFile(from = __dirname): string | undefined {
  return findShipped(join('wasm', KERNEL_FILE), from);
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

/** 64 KiB pages; the module declares this maximum (scripts/build-kernel.mjs). */
const MAX_PAGES = 32768;

export function newKernelMemory(): WasmMemory {
  return new wasm.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
}

/** An instance over `memory` (a fresh one by default); the instances of one network's threads share theirs. */
export function instantiateKernel(
  memory: WasmMemory = newKernelMemory(),
  module = kernelModule(),
): KernelExports {
  if (!module)
    throw new Error(`the recurrent kernel (${KERNEL_FILE}) is missing from dist/wasm; run npm run build`);
  return new wasm.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
}
