import * as assert from 'node:assert/strict';
import { MessageHandler, type Envelope } from '../../../src/shared/messageHandler';
import { isRecord, isString } from '../../../src/shared/validate';

type Msg = { type: 'ping'; text: string } | { type: 'pong'; text: string };
const isMsg = (v: unknown): v is Msg =>
  isRecord(v) && (v.type === 'ping' || v.type === 'pong') && isString(v.text);

/** Two handlers wired back to back, as host and worker would be. */
function pair(onRequest?: (m: Msg) => Promise<Msg>) {
  const logs: string[] = [];
  const events: Msg[] = [];
  const peer: { b?: MessageHandler<Msg, Msg> } = {};
  const a = new MessageHandler<Msg, Msg>({
    post: (e) => peer.b?.handleMessage(e),
    validate: isMsg,
    log: (l) => logs.push(l),
  });
  const b = new MessageHandler<Msg, Msg>({
    post: (e) => a.handleMessage(e),
    validate: isMsg,
    onEvent: (m) => events.push(m),
    onRequest,
    log: (l) => logs.push(l),
  });
  peer.b = b;
  return { a, b, logs, events };
}

describe('MessageHandler', () => {
  it('delivers a valid event to onEvent', () => {
    const { a, events } = pair();
    a.sendEvent({ type: 'ping', text: 'hi' });
    assert.deepEqual(events, [{ type: 'ping', text: 'hi' }]);
  });

  it('resolves a request with the reply matched by messageId', async () => {
    const { a } = pair(async (m) => ({ type: 'pong', text: m.text.toUpperCase() }));
    const [x, y] = await Promise.all([
      a.sendRequest({ type: 'ping', text: 'x' }),
      a.sendRequest({ type: 'ping', text: 'y' }),
    ]);
    assert.deepEqual(
      [x, y],
      [
        { type: 'pong', text: 'X' },
        { type: 'pong', text: 'Y' },
      ],
    );
  });

  it('rejects a request with the error the other side threw', async () => {
    const { a } = pair(async () => {
      throw new Error('no model in .seqlab/x');
    });
    await assert.rejects(a.sendRequest({ type: 'ping', text: 'x' }), /no model in \.seqlab\/x/);
  });

  it('logs and drops a body that fails validation instead of throwing', () => {
    const logs: string[] = [];
    const events: unknown[] = [];
    const h = new MessageHandler<Msg, Msg>({
      post: () => undefined,
      validate: isMsg,
      onEvent: (m) => events.push(m),
      log: (l) => logs.push(l),
    });
    assert.doesNotThrow(() => h.handleMessage({ body: { type: 'ping', text: 42 } }));
    assert.equal(events.length, 0);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /failed validation/);
  });

  it('answers a request whose body fails validation with an error, so the caller does not wait forever', async () => {
    const posted: Envelope<Msg>[] = [];
    const h = new MessageHandler<Msg, Msg>({
      post: (e) => posted.push(e),
      validate: isMsg,
      onRequest: async (m) => m,
      log: () => undefined,
    });
    h.handleMessage({ messageId: 7, body: { type: 'ping', text: 42 } });
    assert.deepEqual(posted, [{ inReplyTo: 7, error: 'malformed request' }]);
  });

  it('shows an event that fails validation to onInvalidEvent, after logging it', () => {
    const logs: string[] = [];
    const invalid: unknown[] = [];
    const h = new MessageHandler<Msg, Msg>({
      post: () => undefined,
      validate: isMsg,
      log: (l) => logs.push(l),
      onInvalidEvent: (b) => invalid.push(b),
    });
    h.handleMessage({ body: { type: 'ping', text: 42 } });
    assert.deepEqual(invalid, [{ type: 'ping', text: 42 }]);
    assert.equal(logs.length, 1);
  });

  it('drops values that are not envelopes (null, strings, arrays, bad ids)', () => {
    const logs: string[] = [];
    const h = new MessageHandler<Msg, Msg>({
      post: () => undefined,
      validate: isMsg,
      onEvent: () => assert.fail('dispatched'),
      log: (l) => logs.push(l),
    });
    for (const bad of [null, 'ping', [1], { messageId: 'x', body: { type: 'ping', text: '' } }, { error: 5 }])
      h.handleMessage(bad);
    assert.equal(logs.length, 5);
  });

  it('drops a reply to a request it never sent', () => {
    const logs: string[] = [];
    const h = new MessageHandler<Msg, Msg>({
      post: () => undefined,
      validate: isMsg,
      log: (l) => logs.push(l),
    });
    h.handleMessage({ inReplyTo: 99, body: { type: 'pong', text: '' } } satisfies Envelope<Msg>);
    assert.match(logs[0], /unknown request 99/);
  });

  it('keeps a throwing event handler from escaping handleMessage', () => {
    const logs: string[] = [];
    const h = new MessageHandler<Msg, Msg>({
      post: () => undefined,
      validate: isMsg,
      onEvent: () => {
        throw new Error('render failed');
      },
      log: (l) => logs.push(l),
    });
    assert.doesNotThrow(() => h.handleMessage({ body: { type: 'ping', text: '' } }));
    assert.match(logs[0], /render failed/);
  });

  it('rejects every pending request on rejectAll', async () => {
    const h = new MessageHandler<Msg, Msg>({ post: () => undefined, validate: isMsg });
    const p = h.sendRequest({ type: 'ping', text: '' });
    assert.equal(h.pendingRequests, 1);
    h.rejectAll('worker exited');
    await assert.rejects(p, /worker exited/);
    assert.equal(h.pendingRequests, 0);
  });

  it('answers a request with an error when this side takes none', async () => {
    const { a } = pair(undefined);
    await assert.rejects(a.sendRequest({ type: 'ping', text: '' }), /not accepted/);
  });
});
