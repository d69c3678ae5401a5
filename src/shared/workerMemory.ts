/**
 * The lowest V8 heap limit the worker runs with (setting seqlab.worker.memoryLimitMB; lower values are raised to it).
 * Below it a JSON file the worker may read ended in "Reached heap limit" and SIGABRT of the whole process: a 34 MB
 * JSON aborted at 16, 32 and 48 MB and ended only the worker at 64 MB (test/unit/worker/workerMemory.test.ts).
 */
export const WORKER_MEMORY_FLOOR_MB = 64;

/** The heap limit a setting's value gives the worker: at least the floor; 0 or unset means V8's own default. */
export function workerMemoryLimit(mb: number | undefined): number | undefined {
  if (mb === undefined || !Number.isFinite(mb) || mb <= 0) return undefined;
  return Math.max(WORKER_MEMORY_FLOOR_MB, Math.floor(mb));
}
