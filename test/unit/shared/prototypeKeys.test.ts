import * as assert from 'node:assert/strict';
import { MessageHandler } from '../../../src/shared/messageHandler';
import { isFromWebviewMessage, isToWorkerMessage } from '../../../src/shared/protocolGuards';
import type { FromWebviewMessage } from '../../../src/shared/protocol';

/** A webview → host channel as the panel has it, recording what gets through and what is logged. */
function receiver() {
  const logs: string[] = [];
  const events: unknown[] = [];
  const posted: unknown[] = [];
  const handler = new MessageHandler<unknown, FromWebviewMessage>({
    post: (e) => posted.push(e),
    validate: isFromWebviewMessage,
    onEvent: (m) => events.push(m),
    log: (l) => logs.push(l),
  });
  return { handler, logs, events, posted };
}

// JSON.parse makes "__proto__" an own property (an object literal would set the prototype instead).
const hostile = [
  '{"body": {"type": "retrain", "config": {"__proto__": {"units": 8}}}}',
  '{"body": {"type": "retrain", "config": {"constructor": {"units": 8}}}}',
  '{"body": {"type": "retrain", "config": {"units": 8, "constructor": 1}}}',
  '{"body": {"type": "stop", "keep": true, "__proto__": {"keep": false}}}',
  '{"body": {"type": "stop", "keep": true, "constructor": "x"}}',
  '{"__proto__": {"messageId": 1}, "body": {"type": "ready"}}',
];

describe('protocol guards against prototype keys', () => {
  for (const json of hostile) {
    it(`rejects and logs ${json} without throwing out of the handler`, () => {
      const { handler, logs, events } = receiver();
      assert.doesNotThrow(() => handler.handleMessage(JSON.parse(json)));
      assert.deepEqual(events, []);
      assert.ok(
        logs.some((l) => l.startsWith('dropped message')),
        logs.join('\n'),
      );
    });
  }

  it('rejects a structured-cloned message with an own __proto__ key', () => {
    const cloned: unknown = structuredClone(
      JSON.parse('{"type": "retrain", "config": {"__proto__": {"units": 1}}}'),
    );
    assert.equal(isFromWebviewMessage(cloned), false);
  });

  it('rejects a worker request whose source has an own constructor key', () => {
    const m: unknown = JSON.parse('{"type": "inspect", "source": {"path": "a.csv", "constructor": {}}}');
    assert.equal(isToWorkerMessage(m), false);
  });

  it('still accepts the same messages without those keys', () => {
    const { handler, events } = receiver();
    handler.handleMessage(JSON.parse('{"body": {"type": "retrain", "config": {"units": 8}}}'));
    handler.handleMessage(JSON.parse('{"body": {"type": "stop", "keep": true}}'));
    assert.equal(events.length, 2);
  });
});
