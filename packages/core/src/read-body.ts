const utf8 = new TextDecoder();

/** The most bytes of an error body that are ever read: 64 KiB. */
export const MAX_ERROR_BODY_BYTES = 65_536;

/** What {@link readBoundedText} read. */
export interface BoundedText {
  /** The decoded text, at most `maxBytes` bytes of it. */
  readonly text: string;
  /** The body reached `maxBytes`; anything after was not read. */
  readonly truncated: boolean;
  /** Reading failed or was aborted part way (reset, signal); `text` holds what arrived. */
  readonly interrupted: boolean;
  /** What the read threw, when it failed (a reset); absent when it was aborted or ended. */
  readonly failure?: unknown;
}

/** Options of {@link readBoundedText}. */
export interface ReadBoundedTextOptions {
  /** Stop after this many bytes (default 64 KiB). */
  readonly maxBytes?: number;
  /** Stop reading when aborted; a body that never ends is cut here. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Reads a response body once, at most `maxBytes` (64 KiB by default), then
 * cancels the stream so the connection is released. Never rejects: a reset, an
 * abort or an already-read body gives what arrived, flagged `interrupted`.
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
  try {
    while (received < maxBytes && signal?.aborted !== true) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
    }
    truncated = received >= maxBytes;
  } catch (thrown) {
    if (signal?.aborted !== true) failure = { thrown };
  } finally {
    signal?.removeEventListener('abort', cancel);
    cancel();
  }
  const text = decode(chunks, Math.min(received, maxBytes));
  const interrupted = failure !== undefined || signal?.aborted === true;
  return failure === undefined
    ? { text, truncated, interrupted }
    : { text, truncated, interrupted, failure: failure.thrown };
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
