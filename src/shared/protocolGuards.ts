/**
 * The validators every receiver runs, derived from the schemas that also give protocol.ts its types. A message that
 * fails is logged and dropped by MessageHandler, so a webview rendering an unvetted file, or a worker from another
 * build, can never push a bad shape into typed code.
 */
import { PartialTrainConfigSchema, TrainConfigSchema } from './schema/config';
import { HiddenStatesSchema, WireSourceSchema } from './schema/data';
import { guardOf } from './schema/fields';
import { FromHiddenStatesSchema, ToHiddenStatesSchema } from './schema/hiddenStatesMessages';
import { SummarySchema, FromWebviewSchema, ToWebviewSchema } from './schema/panelMessages';
import { FromWorkerSchema, ToWorkerSchema } from './schema/workerMessages';

export const isTrainConfig = guardOf(TrainConfigSchema);
export const isPartialTrainConfig = guardOf(PartialTrainConfigSchema);
export const isHiddenStates = guardOf(HiddenStatesSchema);
export const isWireSource = guardOf(WireSourceSchema);
export const isSummaryMessage = guardOf(SummarySchema);
export const isToWorkerMessage = guardOf(ToWorkerSchema);
export const isFromWorkerMessage = guardOf(FromWorkerSchema);
export const isToWebviewMessage = guardOf(ToWebviewSchema);
export const isFromWebviewMessage = guardOf(FromWebviewSchema);
export const isToHiddenStatesMessage = guardOf(ToHiddenStatesSchema);
export const isFromHiddenStatesMessage = guardOf(FromHiddenStatesSchema);
