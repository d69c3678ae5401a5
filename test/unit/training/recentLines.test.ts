/** The training panel keeps the webview's last 100 errors, never all of them (issue 20). */
import * as assert from 'node:assert/strict';
import { KEPT_WEBVIEW_ERRORS, MAX_LINE, RecentLines } from '../../../src/extension/training/recentLines';

describe('the webview errors a panel keeps', () => {
  it('keeps the last 100 of 10,000, oldest first, and says how many went', () => {
    const errors = new RecentLines(KEPT_WEBVIEW_ERRORS);
    for (let i = 0; i < 10000; i++) errors.push(`error ${i}`);
    assert.equal(errors.size, 100);
    const lines = errors.lines();
    assert.equal(lines[0], '(9900 earlier errors not kept)');
    assert.deepEqual(
      lines.slice(1),
      Array.from({ length: 100 }, (_, k) => `error ${9900 + k}`),
    );
  });

  it('lists a few errors as they came, with nothing added, and cuts a long one', () => {
    const errors = new RecentLines(KEPT_WEBVIEW_ERRORS);
    assert.deepEqual(errors.lines(), []);
    errors.push('a');
    errors.push('x'.repeat(10000));
    assert.deepEqual(errors.lines(), ['a', 'x'.repeat(MAX_LINE)]);
  });
});
