import * as assert from 'node:assert/strict';
import { nullsToNaN } from '../../../src/shared/jsonNumbers';
import { isToWebviewMessage } from '../../../src/shared/protocolGuards';

describe('numbers a webview receives as JSON', () => {
  it('turns every null back into NaN, at any depth', () => {
    const back = nullsToNaN(JSON.parse(JSON.stringify({ a: NaN, b: [1, Infinity, { c: -Infinity }] })));
    assert.deepEqual(back, { a: NaN, b: [1, NaN, { c: NaN }] });
  });

  it('leaves typed arrays as they are', () => {
    const f = Float32Array.of(1, 2);
    assert.equal((nullsToNaN({ f }) as { f: Float32Array }).f, f);
  });

  it('keeps an own "__proto__" key an own key, so the guards still refuse the message', () => {
    const hostile: unknown = JSON.parse('{"type":"state","state":"done","__proto__":{"x":1}}');
    const revived = nullsToNaN(hostile) as object;
    assert.ok(Object.hasOwn(revived, '__proto__'));
    assert.equal(isToWebviewMessage(revived), false);
  });

  it('lets a forecast whose coverage was NaN through validation again', () => {
    const m = {
      type: 'forecast',
      history: [1, 2],
      forecast: { next: 3, interval: [2, 4], level: 0.8, forecast: [3], intervals: [[2, 4]], coverage: NaN },
    };
    const wire: unknown = JSON.parse(JSON.stringify(m));
    assert.equal(isToWebviewMessage(wire), false);
    assert.equal(isToWebviewMessage(nullsToNaN(wire)), true);
  });
});
