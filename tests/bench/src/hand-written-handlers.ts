import type { WireResponse } from '@issuer-errors/testing';

/** The error class a hand-written integration throws. */
export class ProviderApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly requestId: string | undefined,
    readonly fieldErrors: Readonly<Record<string, readonly string[]>> | undefined = undefined,
    readonly retryAfterMs: number | undefined = undefined,
  ) {
    super(message);
    this.name = 'ProviderApiError';
  }
}

interface CarddaBody {
  readonly error?: string;
  readonly message?: string;
  readonly errors?: Record<string, string[]>;
  readonly retry_after?: number;
}

/**
 * The baseline: what Cardda's docs recommend writing by hand. Parse the JSON, branch on the
 * status and on `error` (never on `message`), read field errors, Retry-After and the request id.
 */
export function handleCarddaError(response: WireResponse): ProviderApiError {
  let body: CarddaBody = {};
  try {
    body = JSON.parse(response.body) as CarddaBody;
  } catch {}
  const requestId = response.headers['X-Request-Id'];
  const message = body.message ?? body.error ?? `HTTP ${response.status}`;
  switch (response.status) {
    case 401:
      return new ProviderApiError(message, 401, body.error ?? 'unauthenticated', requestId);
    case 422:
      return new ProviderApiError('Validation failed', 422, body.error, requestId, body.errors);
    case 429: {
      const seconds = Number(response.headers['Retry-After'] ?? body.retry_after ?? 1);
      return new ProviderApiError(message, 429, body.error, requestId, undefined, seconds * 1000);
    }
    case 400:
    case 403:
    case 404:
    case 409:
    case 500:
      return new ProviderApiError(message, response.status, body.error, requestId);
    default:
      return new ProviderApiError(message, response.status, 'upstream', requestId);
  }
}

interface ClaraBody {
  readonly code?: string;
  readonly error?: string;
  readonly message?: string;
  readonly details?: readonly { field?: string; message?: string }[];
}

/** The same baseline for Clara: its `code`, `message` and `details` fields. */
export function handleClaraError(response: WireResponse): ProviderApiError {
  let body: ClaraBody = {};
  try {
    body = JSON.parse(response.body) as ClaraBody;
  } catch {}
  const requestId = response.headers['X-Request-Id'];
  const message = body.message ?? body.error ?? `HTTP ${response.status}`;
  switch (response.status) {
    case 400: {
      const fieldErrors: Record<string, string[]> = {};
      for (const detail of body.details ?? []) {
        if (detail.field) fieldErrors[detail.field] = [detail.message ?? 'is invalid'];
      }
      return new ProviderApiError(message, 400, body.code, requestId, fieldErrors);
    }
    case 429: {
      const seconds = Number(response.headers['Retry-After'] ?? 1);
      return new ProviderApiError(message, 429, body.code, requestId, undefined, seconds * 1000);
    }
    default:
      return new ProviderApiError(message, response.status, body.code ?? body.error, requestId);
  }
}
