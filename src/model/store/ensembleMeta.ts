/**
 * meta.json's `ensemble` and `check` (train/trainModel.ts, forecast/check.ts), checked on load: predict reads the
 * combination weight and the member count from them, so they are as untrusted as any other field.
 */
import type { ModelMeta } from '../types';
import { CHECK_METHODS } from '../forecast/check';
import { CONFIG_LIMITS } from '../../shared/schema/config';
import { StoreError } from './errors';

/** The weight file of ensemble member k ≥ 1 (member 0's is weights.bin, named by model.json's manifest). */
export const memberFile = (k: number) => `member-${k}.bin`;

/** Members a meta.json claims, for reading their files; a bad claim is refused later by checkEnsembleMeta. */
export function memberCount(meta: unknown): number {
  const n = (meta as { ensemble?: { members?: unknown } } | null)?.ensemble?.members;
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= CONFIG_LIMITS.ensemble.max
    ? (n as number)
    : 1;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** JSON has no NaN: an error that could not be measured is saved as null. */
const errorOk = (v: unknown) => v === null || (finite(v) && v >= 0);

export function checkEnsembleMeta(file: string, m: ModelMeta): void {
  const bad = (what: string): never => {
    throw new StoreError(file, what);
  };
  const e = m.ensemble as unknown;
  if (e !== undefined) {
    const { members, seeds } = (e ?? {}) as { members?: unknown; seeds?: unknown };
    if (memberCount(m) !== members || members === 1)
      bad(`"ensemble.members" must be an integer from 2 to ${CONFIG_LIMITS.ensemble.max}`);
    if (!Array.isArray(seeds) || seeds.length !== members || !seeds.every((s) => Number.isInteger(s)))
      bad('"ensemble.seeds" must list one integer seed per member');
  }
  const c = m.check as unknown;
  if (c === undefined) return;
  const { origins, horizon, errors, weight, weights, better, partner } = (c ?? {}) as Record<string, unknown>;
  if (!Number.isInteger(origins) || (origins as number) < 1) bad('"check.origins" is invalid');
  if (!Number.isInteger(horizon) || (horizon as number) < 1 || (horizon as number) > 48)
    bad('"check.horizon" must be an integer from 1 to 48');
  if (!finite(weight) || weight < 0 || weight > 1) bad('"check.weight" must be a number from 0 to 1');
  if (
    weights !== undefined &&
    (!Array.isArray(weights) ||
      weights.length !== horizon ||
      !weights.every((w) => finite(w) && w >= 0 && w <= 1))
  )
    bad('"check.weights" must hold one number from 0 to 1 per step of "check.horizon"');
  const errs = (errors ?? {}) as Record<string, unknown>;
  if (!['network', 'final', ...CHECK_METHODS].every((k) => errorOk(errs[k])))
    bad('"check.errors" is invalid');
  if (partner !== undefined && !(CHECK_METHODS as readonly unknown[]).includes(partner))
    bad(`"check.partner" must be one of ${CHECK_METHODS.join(', ')}`);
  if (better !== undefined && !(CHECK_METHODS as readonly unknown[]).includes(better))
    bad(`"check.better" must be one of ${CHECK_METHODS.join(', ')}`);
}
