import { nullsToNaN } from './jsonNumbers';
import type { MessageHandler } from './messageHandler';

/**
 * What a webview's `message` listener hands its channel. The host's messages arrive as JSON, so a NaN it sent (a unit
 * whose state never moves has no correlation) arrives as null; without reviving it the schema drops the whole message.
 */
export function receiveFromHost<TTo, TFrom>(channel: MessageHandler<TTo, TFrom>, data: unknown): void {
  channel.handleMessage(nullsToNaN(data));
}
