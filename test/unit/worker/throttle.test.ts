import * as assert from 'node:assert/strict';
import { Throttle } from '../../../src/worker/throttle';

function clocked() {
  let t = 0;
  const sent: number[] = [];
  const throttle = new Throttle<number>(
    (v) => sent.push(v),
    10,
    () => t,
  );
  return { throttle, sent, advance: (ms: number) => (t += ms) };
}

describe('Throttle', () => {
  it('sends the first value at once', () => {
    const { throttle, sent } = clocked();
    throttle.offer(1);
    assert.deepEqual(sent, [1]);
  });

  it('holds values offered within 100 ms at 10 per second', () => {
    const { throttle, sent, advance } = clocked();
    throttle.offer(1);
    advance(30);
    throttle.offer(2);
    advance(30);
    throttle.offer(3);
    assert.deepEqual(sent, [1]);
  });

  it('sends again once the interval has passed', () => {
    const { throttle, sent, advance } = clocked();
    throttle.offer(1);
    advance(100);
    throttle.offer(2);
    assert.deepEqual(sent, [1, 2]);
  });

  it('caps a burst of 1000 offers over one second to about ten sends', () => {
    const { throttle, sent, advance } = clocked();
    for (let i = 0; i < 1000; i++) {
      throttle.offer(i);
      advance(1);
    }
    assert.equal(sent.length, 10);
  });

  it('flush sends the latest held value, so an epoch end never loses its last batch', () => {
    const { throttle, sent, advance } = clocked();
    throttle.offer(1);
    advance(10);
    throttle.offer(2);
    throttle.offer(3);
    throttle.flush();
    assert.deepEqual(sent, [1, 3]);
  });

  it('flush sends nothing when nothing is held', () => {
    const { throttle, sent } = clocked();
    throttle.offer(1);
    throttle.flush();
    assert.deepEqual(sent, [1]);
  });
});
