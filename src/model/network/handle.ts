/** What forecasting and probing need from a model, trained in this process or loaded from the store. */
import type { ModelMeta } from '../types';
import type { SeqNet } from './seqnet';

export interface ModelHandle {
  readonly meta: ModelMeta;
  /** Internal: the network. Tensors never leave the model core. */
  readonly net: SeqNet;
  /** An ensemble's other members (the same architecture, other seeds); `net` is the designated one. */
  readonly members?: readonly SeqNet[];
  dispose(): void;
}
