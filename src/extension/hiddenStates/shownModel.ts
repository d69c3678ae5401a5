/** What the Hidden States view shows (the host's copy, replayed whenever the webview reloads) and whom it follows. */
import type { HiddenStates } from '../../model/types';
import type { RenderedMessage, RunState } from '../../shared/protocol';
import type { ModelEntry } from '../models/modelCatalog';
import type { TrainingEvents } from '../training/trainingEvents';

export interface Shown {
  key: string;
  label: string;
  cell: HiddenStates['cell'];
  units: number;
  layers: number;
  window: number;
  model?: ModelEntry;
  states?: HiddenStates;
  seriesLength?: number;
  state: RunState;
  message?: string;
  /** A global model's series shown, and the file's series it knows (for the view's picker). */
  series?: string;
  seriesNames?: string[];
}

/** The part of a training run this view follows (the training service's TrainingRun satisfies it). */
export interface LiveRun {
  readonly id: string;
  readonly finished: boolean;
  readonly hidden: HiddenStates | undefined;
}
/** Training as this view sees it: a model's current run, and the service's events (hidden states, run finished). */
export interface LiveTraining extends TrainingEvents {
  runFor(key: { file: string; column: string }): LiveRun | undefined;
}

/** What the webview reported after drawing: tests wait for it. */
export type Rendered = Omit<RenderedMessage, 'type'>;

/** The shape a saved model promises before it is probed (the catalog may not know every field). */
export function shapeOf(model: ModelEntry): Pick<Shown, 'cell' | 'units' | 'layers' | 'window'> {
  return {
    cell: model.cell === 'rnn' || model.cell === 'lstm' ? model.cell : 'gru',
    units: model.units ?? 0,
    layers: model.layers ?? 1,
    window: model.window ?? 0,
  };
}
