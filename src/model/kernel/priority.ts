/**
 * A kernel shard runs at its starting thread's priority. The training worker lowers its own thread's nice value on
 * Linux (worker/main.ts), where a nice value belongs to one thread; a shard carries it over explicitly rather than
 * trusting that a new thread inherits it. Elsewhere a nice value is the whole process's, so nothing is changed.
 */
import { getPriority, setPriority } from 'node:os';

/** This thread's nice value on Linux; undefined elsewhere or where it cannot be read. */
export function threadPriority(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return getPriority(0);
  } catch {
    return undefined;
  }
}

/** Gives this thread the nice value `priority` (Linux only; a refusal leaves it as it is). */
export function takePriority(priority: number): void {
  if (process.platform !== 'linux' || threadPriority() === priority) return;
  try {
    setPriority(0, priority);
  } catch {
    // Raising priority back needs privileges: the shard then runs at what it inherited.
  }
}

/**
 * The nice value of work nobody is waiting on, set by a long-lived host of training (the worker); unset in the CLI,
 * whose user waits on all of it. A thread enters it when its first result is out (enterBackground), and kernel
 * threads start in it, being background work from their first step.
 */
let background: number | undefined;

export function setBackgroundPriority(priority: number): void {
  background = priority;
}

/** Lowers this thread to the background priority; never raises it (that would need privileges). */
export function enterBackground(): void {
  const now = threadPriority();
  if (background !== undefined && now !== undefined && now < background) takePriority(background);
}

/** The nice value a new kernel thread takes: the background one when set and lower than this thread's. */
export function kernelThreadPriority(): number | undefined {
  const now = threadPriority();
  return background !== undefined && now !== undefined ? Math.max(now, background) : now;
}
