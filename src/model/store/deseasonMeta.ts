/** meta.json's `deseasonalized` (forecast/seasonFree.ts), checked on load; additive: older models have none. */
import type { ModelMeta } from '../types';
import { StoreError } from './errors';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** The longest season the detector proposes (forecast/season.ts). */
const MAX_SEASON = 400;

export function checkDeseasonMeta(file: string, m: ModelMeta): void {
  const d = m.deseasonalized as unknown;
  if (d === undefined) return;
  const bad = (what: string): never => {
    throw new StoreError(file, `"deseasonalized": ${what}`);
  };
  if (typeof d !== 'object' || d === null || Array.isArray(d)) bad('must be an object');
  const r = d as Record<string, unknown>;
  const season = r.season;
  if (!Number.isInteger(season) || (season as number) < 2 || (season as number) > MAX_SEASON)
    bad(`"season" must be an integer from 2 to ${MAX_SEASON}, got ${JSON.stringify(season)}`);
  const s = season as number;
  if (r.method !== 'mul' && r.method !== 'add') bad(`"method" must be mul or add`);
  const ix = r.indices;
  if (!Array.isArray(ix) || ix.length !== s || !ix.every(finite))
    bad(`"indices" must be ${s} finite numbers, one per phase`);
  if (r.method === 'mul' && !(ix as number[]).every((x) => x > 0))
    bad('multiplicative "indices" must all be above 0');
  if (!Number.isInteger(r.anchor) || (r.anchor as number) < 0 || (r.anchor as number) >= s)
    bad(`"anchor" must be an integer from 0 to ${s - 1}`);
  if (typeof r.applied !== 'boolean') bad('"applied" must be true or false');
  if (r.setting !== 'auto' && r.setting !== 'on') bad('"setting" must be auto or on');
  const e = r.errors as Record<string, unknown> | undefined;
  if (e !== undefined && (typeof e !== 'object' || e === null || !finite(e.on) || !finite(e.off)))
    bad('"errors" must hold two finite numbers, on and off');
}
