import { MAX_TIMER_MS } from './time-limits';

const utf8 = new TextDecoder();

/** The most bytes of an error body that are ever read: 64 KiB. */
export const MAX_ERROR_BODY_BYTES = 65_536;

/** What {@link readBoundedText} read. */
export interface BoundedText {
  /** The decoded text, at most `maxBytes` bytes of it. */
  readonly text: string;
  /** The body reached `maxBytes`; anything after was not read. */
  readonly truncated: boolean;
  /** Reading failed, was aborted or ran out of time part way; `text` holds what arrived. */
  readonly interrupted: boolean;
  /** What the read threw, when it failed (a reset); absent when it was aborted or ended. */
  readonly failure?: unknown;
  /** Present when `timeoutMs` ran out before the body ended. */
  readonly timedOut?: true;
}

/** Options of {@link readBoundedText}. */
export interface ReadBoundedTextOptions {
  /** Stop after this many bytes (default 64 KiB). */
  readonly maxBytes?: number;
  /** Stop reading when aborted; a body that never ends is cut here. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Stop reading after this many milliseconds, as a body that never ends is cut by `signal`.
   * None by default; `Infinity`, NaN and anything past a timer's reach (2^31 - 1) mean none.
   */
  readonly timeoutMs?: number | undefined;
}

/**
 * Reads a response body once, at most `maxBytes` (64 KiB by default), then
 * cancels the stream so the connection is released. Never rejects: a reset, an
 * abort, a `timeoutMs` run out or an already-read body gives what arrived, flagged
 * `interrupted`.
 */
export async function readBoundedText(
  response: Response,
  options: ReadBoundedTextOptions = {},
): Promise<BoundedText> {
  const maxBytes = options.maxBytes ?? MAX_ERROR_BODY_BYTES;
  let body: ReadableStream<Uint8Array> | null;
  try {
    if (response.bodyUsed) return { text: '', truncated: false, interrupted: true };
    body = response.body;
  } catch {
    return { text: '', truncated: false, interrupted: true };
  }
  if (body === null) return { text: '', truncated: false, interrupted: false };

  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let truncated = false;
  let failure: { thrown: unknown } | undefined;
  const cancel = () => void reader.cancel().catch(() => {});
  const signal = options.signal;
  signal?.addEventListener('abort', cancel);
  // A plain timer, not an AbortSignal: see "A request's overhead" in docs/architecture.md.
  let timedOut = false;
  const { timeoutMs } = options;
  const timer =
    timeoutMs === undefined || !(timeoutMs <= MAX_TIMER_MS)
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          cancel();
        }, timeoutMs);
  const stopped = () => signal?.aborted === true || timedOut;
  try {
    while (received < maxBytes && !stopped()) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
    }
    truncated = received >= maxBytes;
  } catch (thrown) {
    if (!stopped()) failure = { thrown };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
    cancel();
  }
  const text = decode(chunks, Math.min(received, maxBytes));
  if (failure !== undefined) return { text, truncated, interrupted: true, failure: failure.thrown };
  if (timedOut) return { text, truncated, interrupted: true, timedOut };
  return { text, truncated, interrupted: signal?.aborted === true };
}

function decode(chunks: readonly Uint8Array[], length: number): string {
  const [only] = chunks;
  // The common case, a body in one chunk, is decoded without a copy.
  if (chunks.length === 1 && only !== undefined && only.byteLength <= length) {
    return utf8.decode(only);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, length - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return utf8.decode(bytes);
}
