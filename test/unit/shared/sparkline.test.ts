import * as assert from 'node:assert/strict';
import { sparkline } from '../../../src/shared/sparkline';

describe('sparkline', () => {
  it('draws a rising series from the lowest bar to the highest', () => {
    assert.equal(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8), '▁▂▃▄▅▆▇█');
  });

  it('averages values into at most `width` bars', () => {
    assert.equal(
      sparkline(
        Array.from({ length: 1000 }, (_, i) => i),
        10,
      ).length,
      10,
    );
  });

  it('draws a flat series as a flat line', () => {
    assert.equal(new Set(sparkline([5, 5, 5, 5])).size, 1);
  });

  it('is empty for an empty series', () => {
    assert.equal(sparkline([]), '');
  });
});
