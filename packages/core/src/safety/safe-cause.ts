import { redactBody } from './redact-body';
import { toSafeLine } from './safe-text';

const MAX_CAUSE_DEPTH = 3;

/**
 * A copy of an underlying error that is safe to keep on an {@link IssuerError}:
 * name, redacted message and `code` (`ECONNREFUSED`, …) of each error in the
 * cause chain, three deep. Objects such as ky's `HTTPError`, which hold the
 * request and its `Authorization` header, are never kept as they are.
 */
export function toSafeCause(cause: unknown, depth = 0): unknown {
  if (cause === undefined || cause === null) return undefined;
  if (depth >= MAX_CAUSE_DEPTH) return undefined;
  try {
    if (!(cause instanceof Error)) return redactBody(cause);
    const copy = new Error(toSafeLine(String(cause.message ?? '')), {
      cause: toSafeCause((cause as { cause?: unknown }).cause, depth + 1),
    });
    copy.name = toSafeLine(String(cause.name ?? 'Error'), 64);
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') {
      Object.defineProperty(copy, 'code', {
        value: toSafeLine(String(code), 64),
        enumerable: true,
      });
    }
    return copy;
  } catch {
    // A throwing getter (message, name, code, cause) leaves nothing safe to copy.
  }
  return undefined;
}
