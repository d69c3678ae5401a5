/** What training hands its callers: the per-epoch view, the hooks, and the trained model. */
import type { EpochReport, BatchReport, HiddenStates, ValidationTrace } from '../types';
import type { ModelHandle } from '../network/handle';

/** Lazily computed with the current weights: only what the panel asks for is computed. */
export interface EpochView {
  /** The model as it is at this epoch (weights in the tfjs network), for views of the caller's own. */
  readonly model: ModelHandle;
  validationTrace(): ValidationTrace;
  /** Default: the latest window of the series. */
  hidden(start?: number): HiddenStates;
}

export interface TrainHooks {
  onEpoch?(r: EpochReport, view: EpochView): void | Promise<void>;
  onBatch?(r: BatchReport): void;
  /** Checked between batches; true ends training after the current batch and keeps the model. */
  shouldStop?(): boolean;
}

export interface TrainedModel extends ModelHandle {
  readonly history: EpochReport[];
  readonly stopped: boolean;
}

/** What a run works out from the data before training: the window, the season and the split. */
export interface Plan {
  window: number;
  season: number;
  splitIndex: number;
}
