import * as assert from 'node:assert/strict';
import { meaningOrder } from '../../../src/shared/meaningOrder';

describe('sorting units by meaning', () => {
  it('groups each layer by signal, strongest |r| first, a unit with no correlation last', () => {
    const units = [
      { layer: 0, unit: 0, signal: 'trend', r: 0.4 },
      { layer: 0, unit: 1, signal: 'level', r: -0.9 },
      { layer: 0, unit: 2, signal: 'trend', r: -0.8 },
      { layer: 0, unit: 3, signal: 'level', r: NaN },
      { layer: 0, unit: 4, signal: 'level', r: 0.5 },
      { layer: 1, unit: 0, signal: 'season', r: 0.2 },
      { layer: 1, unit: 1, signal: 'change', r: 0.1 },
    ];
    assert.deepEqual(meaningOrder(units), [
      [1, 4, 3, 2, 0],
      [1, 0],
    ]);
  });
});
