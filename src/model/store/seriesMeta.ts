/** meta.json's fields for models over several series or with features (additive: older models have none). */
import type { ModelMeta, ScalerState } from '../types';
import { StoreError } from './errors';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const MAX_SERIES = 100_000;
const MAX_FEATURES = 64;

/** Inputs per time step of the network meta.json describes. */
export function featureCount(meta: Pick<ModelMeta, 'features'>): number {
  return 1 + (meta.features?.length ?? 0);
}

export function validScaler(s: ScalerState | undefined): boolean {
  return (
    !!s &&
    (s.kind === 'zscore' || s.kind === 'minmax') &&
    finite(s.a) &&
    finite(s.b) &&
    (s.kind === 'zscore' ? s.b > 0 : s.b > s.a)
  );
}

const names = (v: unknown, max: number): boolean =>
  Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string');

export function checkSeriesMeta(file: string, m: ModelMeta): void {
  const bad = (what: string): never => {
    throw new StoreError(file, what);
  };
  if (m.seriesColumn !== undefined && typeof m.seriesColumn !== 'string') bad('"seriesColumn" must be text');
  if (m.columns !== undefined && !names(m.columns, MAX_SERIES)) bad('"columns" must be a list of names');
  if (m.features !== undefined && !names(m.features, MAX_FEATURES))
    bad(`"features" must be a list of at most ${MAX_FEATURES} names`);
  if (m.series === undefined) return;
  if (!Array.isArray(m.series) || m.series.length === 0 || m.series.length > MAX_SERIES)
    bad('"series" must be a non-empty list');
  const inputs = featureCount(m);
  for (const s of m.series) {
    if (typeof s?.name !== 'string') bad('a series has no name');
    const at = `series ${JSON.stringify(s.name)}`;
    if (
      !Number.isInteger(s.rows) ||
      !Number.isInteger(s.splitIndex) ||
      s.splitIndex < 0 ||
      s.splitIndex > s.rows
    )
      bad(`${at}: "rows" or "splitIndex" is invalid`);
    if (!Array.isArray(s.scalers) || s.scalers.length !== inputs || !s.scalers.every(validScaler))
      bad(`${at}: "scalers" must hold ${inputs} valid scalers`);
    if (!Array.isArray(s.residuals) || !s.residuals.every(finite) || s.residuals.length > 10000)
      bad(`${at}: "residuals" must be a list of finite numbers`);
    s.residuals = [...s.residuals].sort((a, b) => a - b);
  }
}
