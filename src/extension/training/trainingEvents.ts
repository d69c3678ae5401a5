/**
 * What the training service tells the rest of the extension: plain data about runs, not webview messages, so the
 * status bar, the progress notification and the Hidden States view depend on runs, not on the panel's wire format.
 */
import type { EpochReport, HiddenStates } from '../../model/types';
import type { RunKey } from './trainingRun';

/** Which run an event is about. */
export interface RunInfo {
  id: string;
  key: RunKey;
  /** Workspace-relative path of the data file. */
  label: string;
}

/** How a run ended. */
export type RunEnd = 'done' | 'stopped' | 'error';

export type TrainingEvent =
  /** A run was created and waits in the queue (it may start at once). */
  | { kind: 'queued'; run: RunInfo }
  /** The queue changed: the run now training, if any, and those waiting behind it, in order. */
  | { kind: 'queueChanged'; active?: RunInfo; queued: RunInfo[] }
  /** The run left the queue and its worker request was sent. */
  | { kind: 'started'; run: RunInfo }
  | { kind: 'epoch'; run: RunInfo; report: EpochReport }
  /** h_t of the latest validation window, once per epoch. */
  | { kind: 'hidden'; run: RunInfo; states: HiddenStates }
  /** Sent once per run; `modelDir` is set when a model was saved. */
  | { kind: 'finished'; run: RunInfo; state: RunEnd; error?: string; modelDir?: string };

export type TrainingListener = (event: TrainingEvent) => void;

/** Anything that publishes training events (the service; a fake in tests). */
export interface TrainingEvents {
  onEvent(listener: TrainingListener): { dispose(): void };
}
