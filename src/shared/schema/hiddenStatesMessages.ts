/**
 * The Hidden States view's own protocol: its strings, the model it shows, live state, hidden states in; the window the
 * user chooses, and the fact that a heatmap was drawn, out.
 */
import * as v from 'valibot';
import { HiddenStatesSchema, RunStateSchema } from './data';
import { anyInteger, count } from './fields';
import { stringsOf } from './strings';
import {
  HiddenExplainedSchema,
  HiddenMatchSchema,
  HiddenRevealRowSchema,
  HiddenSelectSeriesSchema,
} from './explainMessages';

/** Every string the view displays; the host localises them (panel and view keep no text of their own). */
export const HIDDEN_STATES_STRING_KEYS = [
  'empty',
  'loading',
  'live',
  'layer',
  'layerN',
  'state',
  'hidden',
  'cell',
  'window',
  'windowOf',
  'latest',
  'unit',
  'step',
  'table',
  'heatmap',
  'input',
  'unitTrace',
  'unitHint',
  'final',
  'saturation',
  'saturated',
  'summaryTable',
  'value',
  'share',
  'brushed',
  'seriesPick',
] as const;

// ─── host → view ────────────────────────────────────────────────────────────────
/** First message after Ready: the localized strings, and the title of the model shown ('' when none is). */
export const HiddenInitSchema = v.object({
  type: v.literal('init'),
  title: v.string(),
  strings: stringsOf(HIDDEN_STATES_STRING_KEYS),
});
export const HiddenRunStateSchema = v.object({
  type: v.literal('state'),
  state: RunStateSchema,
  message: v.optional(v.string()),
});
export const HiddenShowSchema = v.object({
  type: v.literal('hidden'),
  states: HiddenStatesSchema,
  seriesLength: v.optional(anyInteger),
  label: v.optional(v.string()),
  /** A global model: the series shown and those the picker offers. */
  series: v.optional(v.string()),
  seriesNames: v.optional(v.array(v.string())),
});

export const ToHiddenStatesSchema = v.variant('type', [
  HiddenInitSchema,
  HiddenRunStateSchema,
  HiddenShowSchema,
  HiddenExplainedSchema,
]);

// ─── view → host ────────────────────────────────────────────────────────────────
export const HiddenReadySchema = v.object({ type: v.literal('ready') });
/** The window (start index in the series) to probe. */
export const HiddenSelectWindowSchema = v.object({ type: v.literal('selectWindow'), start: count });
/** A heatmap is on screen: what it shows (tests and the showModel command wait for it). */
export const HiddenRenderedSchema = v.object({
  type: v.literal('rendered'),
  cell: v.string(),
  units: count,
  steps: count,
  layers: count,
});
/** A view-side error worth the output channel. */
export const HiddenLogSchema = v.object({
  type: v.literal('log'),
  level: v.picklist(['info', 'warn', 'error']),
  message: v.string(),
});

export const FromHiddenStatesSchema = v.variant('type', [
  HiddenReadySchema,
  HiddenSelectWindowSchema,
  HiddenRenderedSchema,
  HiddenLogSchema,
  HiddenMatchSchema,
  HiddenRevealRowSchema,
  HiddenSelectSeriesSchema,
]);
