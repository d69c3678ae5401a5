/** The Hidden States view's inbound path: an explain report holding NaN must survive the JSON trip to the webview. */
import * as assert from 'node:assert/strict';
import { trainModel } from '../../../src/model';
import { explain } from '../../../src/model/explain/explain';
import { MessageHandler } from '../../../src/shared/messageHandler';
import type { ToHiddenStatesMessage } from '../../../src/shared/protocol';
import { isToHiddenStatesMessage } from '../../../src/shared/protocolGuards';
import { EXPLAIN_STRING_KEYS } from '../../../src/shared/schema/explainMessages';
import { receiveFromHost } from '../../../src/shared/webviewInbox';
import { series, sine, TINY, useCpu } from '../model/helpers';

describe('messages the Hidden States webview receives', () => {
  it('keeps an explain report whose correlations are NaN instead of dropping it', async () => {
    await useCpu();
    const data = series(sine(120));
    const model = await trainModel(data, { ...TINY, backend: 'cpu', window: 6, cell: 'gru' }, {});
    let message: ToHiddenStatesMessage;
    try {
      const report = explain(model, data, {});
      // A unit that never moves has no correlation with anything: pearson is 0/0.
      report.units[0] = { ...report.units[0], r: NaN, all: { ...report.units[0].all, level: NaN } };
      message = {
        type: 'explained',
        strings: Object.fromEntries(EXPLAIN_STRING_KEYS.map((k) => [k, k])) as never,
        explained: { type: 'explained', column: 'value', window: 6, seriesLength: 120, report },
      };
    } finally {
      model.dispose();
    }
    const wire: unknown = JSON.parse(JSON.stringify({ body: message }));
    const got: ToHiddenStatesMessage[] = [];
    const dropped: string[] = [];
    const channel = new MessageHandler<never, ToHiddenStatesMessage>({
      post: () => undefined,
      validate: isToHiddenStatesMessage,
      onEvent: (m) => got.push(m),
      log: (line) => dropped.push(line),
    });

    channel.handleMessage(wire);
    assert.equal(got.length, 0, 'the raw JSON is what the view used to validate, and it was dropped');
    receiveFromHost(channel, wire);
    assert.equal(got.length, 1, dropped.join('\n'));
    const m = got[0];
    assert.ok(m.type === 'explained' && m.explained);
    assert.ok(Number.isNaN(m.explained.report.units[0].r));
    assert.equal(m.explained.report.units.length, 4);
  });
});
