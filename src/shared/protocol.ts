/**
 * The types of every message that crosses a boundary: extension host ↔ worker thread, and extension host ↔
 * webviews. They are inferred from the schemas in ./schema, which also validate every message on receipt
 * (protocolGuards.ts), so a field exists in exactly one place. Code switches on the `type` literal: the compiler
 * checks each tag against its union.
 */
import type * as v from 'valibot';
import type * as W from './schema/workerMessages';
import type * as P from './schema/panelMessages';
import type * as H from './schema/hiddenStatesMessages';
import type * as E from './schema/explainMessages';
import type { PANEL_STRING_KEYS } from './schema/panelMessages';
import type { HIDDEN_STATES_STRING_KEYS } from './schema/hiddenStatesMessages';

export type { RunState, WireSource, ColumnSummary, Problem, Layout } from './schema/data';

type Out<S extends v.GenericSchema> = v.InferOutput<S>;

// ─── host ↔ worker ──────────────────────────────────────────────────────────────
export type TrainRequest = Out<typeof W.TrainRequestSchema>;
export type StopRequest = Out<typeof W.StopRequestSchema>;
export type PredictRequest = Out<typeof W.PredictRequestSchema>;
export type ProbeRequest = Out<typeof W.ProbeRequestSchema>;
export type InspectRequest = Out<typeof W.InspectRequestSchema>;
export type CheckRequest = Out<typeof W.CheckRequestSchema>;
export type NewRowRequest = Out<typeof W.NewRowRequestSchema>;
export type BacktestRequest = Out<typeof W.BacktestRequestSchema>;
export type ToWorkerMessage = Out<typeof W.ToWorkerSchema>;

export type RunStarted = Out<typeof W.RunStartedSchema>;
export type RunEpoch = Out<typeof W.RunEpochSchema>;
export type RunBatch = Out<typeof W.RunBatchSchema>;
export type RunValidation = Out<typeof W.RunValidationSchema>;
export type RunHidden = Out<typeof W.RunHiddenSchema>;
export type RunDone = Out<typeof W.RunDoneSchema>;
export type RunFailed = Out<typeof W.RunFailedSchema>;
export type Predicted = Out<typeof W.PredictedSchema>;
export type Probed = Out<typeof W.ProbedSchema>;
export type Inspected = Out<typeof W.InspectedSchema>;
export type SeriesScore = Out<typeof W.SeriesScoreSchema>;
export type Checked = Out<typeof W.CheckedSchema>;
export type NewRowPlanned = Out<typeof W.NewRowPlannedSchema>;
export type BacktestProgressMessage = Out<typeof W.BacktestProgressMessageSchema>;
export type Backtested = Out<typeof W.BacktestedSchema>;
export type ViewSeriesRequest = Out<typeof W.ViewSeriesRequestSchema>;
export type SeriesViewed = Out<typeof W.SeriesViewedSchema>;
export type FromWorkerMessage = Out<typeof W.FromWorkerSchema>;
export type ExplainRequest = Out<typeof E.ExplainRequestSchema>;
export type Explained = Out<typeof E.ExplainedSchema>;
export type ExplainReportData = Out<typeof E.ExplainReportSchema>;
export type ExplainStrings = Record<(typeof E.EXPLAIN_STRING_KEYS)[number], string>;
export type MatchQuery = Out<typeof E.MatchQuerySchema>;
export type HiddenMatchMessage = Out<typeof E.HiddenMatchSchema>;
export type HiddenRevealRowMessage = Out<typeof E.HiddenRevealRowSchema>;

// ─── host ↔ training panel ──────────────────────────────────────────────────────
export type PanelStrings = Record<(typeof PANEL_STRING_KEYS)[number], string>;
export type InitMessage = Out<typeof P.InitSchema>;
export type ReplayMessage = Out<typeof P.ReplaySchema>;
export type StateMessage = Out<typeof P.StateSchema>;
export type EpochMessage = Out<typeof P.EpochSchema>;
export type BatchMessage = Out<typeof P.BatchSchema>;
export type ValidationMessage = Out<typeof P.ValidationSchema>;
export type HiddenMessage = Out<typeof P.HiddenSchema>;
export type SummaryMessage = Out<typeof P.SummarySchema>;
export type ForecastMessage = Out<typeof P.ForecastMessageSchema>;
export type BacktestMessage = Out<typeof P.BacktestMessageSchema>;
export type ThemeMessage = Out<typeof P.ThemeSchema>;
export type SeriesListMessage = Out<typeof P.SeriesListSchema>;
export type ToWebviewMessage = Out<typeof P.ToWebviewSchema>;

export type ReadyMessage = Out<typeof P.ReadySchema>;
export type StopMessage = Out<typeof P.StopSchema>;
export type RetrainMessage = Out<typeof P.RetrainSchema>;
export type RevealModelMessage = Out<typeof P.RevealModelSchema>;
export type LogMessage = Out<typeof P.LogSchema>;
export type FromWebviewMessage = Out<typeof P.FromWebviewSchema>;

// ─── host ↔ Hidden States view ──────────────────────────────────────────────────
export type HiddenStatesStrings = Record<(typeof HIDDEN_STATES_STRING_KEYS)[number], string>;
export type ToHiddenStatesMessage = Out<typeof H.ToHiddenStatesSchema>;
export type FromHiddenStatesMessage = Out<typeof H.FromHiddenStatesSchema>;
export type RenderedMessage = Out<typeof H.HiddenRenderedSchema>;
