/** meta.json is as untrusted as model.json: every field the core reads is checked before use. */
import type { ModelMeta } from '../types';
import { resolveConfig } from '../config';
import { RETIRED_ENGINES } from '../../shared/schema/config';
import { StoreError } from './errors';
import { checkSeriesMeta } from './seriesMeta';
import { checkDeseasonMeta } from './deseasonMeta';
import { checkEnsembleMeta } from './ensembleMeta';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Two halves with the same number of steps (1–48), each step a list of at most 256 finite errors ≥ 0. */
function conformalOk(c: unknown): boolean {
  const { a, b } = (c ?? {}) as { a?: unknown; b?: unknown };
  const half = (h: unknown): h is unknown[][] =>
    Array.isArray(h) &&
    h.length >= 1 &&
    h.length <= 48 &&
    h.every(
      (s) => Array.isArray(s) && s.length >= 1 && s.length <= 256 && s.every((e) => finite(e) && e >= 0),
    );
  if (!half(a) || !half(b) || a.length !== b.length) return false;
  const relative = (c as { relative?: unknown }).relative;
  if (relative !== undefined && relative !== true) return false;
  for (const s of [...a, ...b]) (s as number[]).sort((p, q) => p - q);
  return true;
}

export function checkMeta(file: string, j: Json): ModelMeta {
  if (typeof j !== 'object' || j === null || Array.isArray(j))
    throw new StoreError(file, 'not a meta.json object');
  const m = j as unknown as ModelMeta;
  const bad = (what: string): never => {
    throw new StoreError(file, what);
  };
  if (m.format !== 1) bad(`unsupported format ${JSON.stringify(m.format)}`);
  if (typeof m.column !== 'string') bad('"column" is missing');
  if (
    m.generation !== undefined &&
    (typeof m.generation !== 'string' || !/^[0-9a-f]{1,64}$/.test(m.generation))
  )
    bad('"generation" is invalid');
  if (!Number.isInteger(m.window) || m.window < 1 || m.window > 1000)
    bad('"window" must be an integer from 1 to 1000');
  if (typeof m.differenced !== 'boolean') bad('"differenced" must be true or false');
  const s = m.scaler;
  if (
    !s ||
    (s.kind !== 'zscore' && s.kind !== 'minmax') ||
    !finite(s.a) ||
    !finite(s.b) ||
    (s.kind === 'zscore' ? s.b <= 0 : s.b <= s.a)
  )
    bad('"scaler" is invalid');
  if (!Array.isArray(m.residuals) || !m.residuals.every(finite) || m.residuals.length > 10000)
    bad('"residuals" must be a list of finite numbers');
  m.residuals = [...m.residuals].sort((a, b) => a - b);
  if (m.conformal !== undefined && !conformalOk(m.conformal)) bad('"conformal" is invalid');
  if (m.log !== undefined && m.log !== true) bad('"log" must be true or absent');
  if (!Number.isInteger(m.splitIndex) || m.splitIndex < 0) bad('"splitIndex" is invalid');
  const engine = (m.config as { engine?: unknown } | undefined)?.engine;
  // Same weights, same equations: a model an earlier version trained with a retired engine runs on the kernel.
  if ((RETIRED_ENGINES as readonly unknown[]).includes(engine)) m.config = { ...m.config, engine: 'kernel' };
  try {
    m.config = resolveConfig(m.config ?? {});
  } catch (e) {
    bad(`"config": ${(e as Error).message}`);
  }
  if (m.config.window !== m.window)
    bad(`"config.window" ${m.config.window} differs from "window" ${m.window}`);
  checkSeriesMeta(file, m);
  checkDeseasonMeta(file, m);
  checkEnsembleMeta(file, m);
  return m;
}
