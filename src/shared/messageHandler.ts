/**
 * One typed channel for every boundary (host ↔ worker, host ↔ webview): events, and requests answered by messageId.
 * Every incoming envelope and body is validated before dispatch; a malformed one is logged and dropped, never thrown.
 */
import type { Guard } from './validate';
import { isInteger, isRecord, isString } from './validate';

/** What actually travels: the protocol message plus the request/response bookkeeping. */
export interface Envelope<T> {
  /** Set on requests; the answer carries it back as inReplyTo. */
  messageId?: number;
  inReplyTo?: number;
  body?: T;
  /** Set instead of body when a request failed on the other side. */
  error?: string;
}

export interface MessageHandlerOptions<TTo, TFrom> {
  post: (envelope: Envelope<TTo>) => void;
  /** The allowlist: only messages in the incoming union pass. */
  validate: Guard<TFrom>;
  onEvent?: (message: TFrom) => void;
  /** Answers a request; a rejection travels back as the envelope's error. */
  onRequest?: (message: TFrom) => Promise<TTo>;
  log?: (line: string) => void;
  /** Sees an event that failed validation (after it is logged), so its sender can be told instead of left waiting. */
  onInvalidEvent?: (body: unknown) => void;
}

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

export class MessageHandler<TTo, TFrom> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending<TFrom>>();

  constructor(private readonly options: MessageHandlerOptions<TTo, TFrom>) {}

  sendEvent(message: TTo): void {
    this.options.post({ body: message });
  }

  /** Resolves with the other side's answer; rejects with its error, or when the channel is disposed. */
  sendRequest(message: TTo): Promise<TFrom> {
    const messageId = this.nextId++;
    return new Promise<TFrom>((resolve, reject) => {
      this.pending.set(messageId, { resolve, reject });
      try {
        this.options.post({ messageId, body: message });
      } catch (e) {
        this.pending.delete(messageId);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  /** Number of requests still waiting for an answer. */
  get pendingRequests(): number {
    return this.pending.size;
  }

  /** Rejects every pending request, e.g. when the worker exits. */
  rejectAll(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  handleMessage(raw: unknown): void {
    if (!isEnvelope(raw)) return this.drop('not an envelope', raw);
    if (raw.inReplyTo !== undefined) return this.settle(raw.inReplyTo, raw);
    if (!this.valid(raw.body)) {
      this.drop('failed validation', raw.body);
      // A request still gets its answer (an error), so the caller's promise never hangs.
      if (raw.messageId !== undefined)
        this.options.post({ inReplyTo: raw.messageId, error: 'malformed request' });
      else this.safely(() => this.options.onInvalidEvent?.(raw.body));
      return;
    }
    const body = raw.body;
    if (raw.messageId === undefined) {
      this.safely(() => this.options.onEvent?.(body));
      return;
    }
    this.answer(raw.messageId, body);
  }

  private settle(id: number, raw: Envelope<unknown>): void {
    const pending = this.pending.get(id);
    if (!pending) return this.drop(`reply to unknown request ${id}`, raw);
    if (isString(raw.error)) {
      this.pending.delete(id);
      pending.reject(new Error(raw.error));
    } else if (this.valid(raw.body)) {
      this.pending.delete(id);
      pending.resolve(raw.body);
    } else {
      this.pending.delete(id);
      pending.reject(new Error('malformed reply'));
      this.drop('reply failed validation', raw.body);
    }
  }

  private answer(messageId: number, body: TFrom): void {
    const onRequest = this.options.onRequest;
    if (!onRequest) {
      this.options.post({ inReplyTo: messageId, error: 'requests are not accepted here' });
      return;
    }
    Promise.resolve()
      .then(() => onRequest(body))
      .then(
        (reply) => this.options.post({ inReplyTo: messageId, body: reply }),
        (e: unknown) =>
          this.options.post({ inReplyTo: messageId, error: e instanceof Error ? e.message : String(e) }),
      );
  }

  /** A guard that throws on a hostile shape (a getter, a proxy) counts as a reject, so it is dropped like one. */
  private valid(body: unknown): body is TFrom {
    try {
      return this.options.validate(body);
    } catch {
      return false;
    }
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.options.log?.(`message handler failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private drop(why: string, what: unknown): void {
    this.options.log?.(`dropped message (${why}): ${describe(what)}`);
  }
}

function isEnvelope(v: unknown): v is Envelope<unknown> {
  return (
    isRecord(v) &&
    (v.messageId === undefined || isInteger(v.messageId)) &&
    (v.inReplyTo === undefined || isInteger(v.inReplyTo)) &&
    (v.error === undefined || isString(v.error))
  );
}

/** A short, single-line rendering for logs: never the whole payload. */
function describe(v: unknown): string {
  if (isRecord(v) && isString(v.type)) return `type=${JSON.stringify(v.type.slice(0, 40))}`;
  if (isRecord(v) && isRecord(v.body) && isString(v.body.type))
    return `type=${JSON.stringify(v.body.type.slice(0, 40))}`;
  return typeof v;
}
