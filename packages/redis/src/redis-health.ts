/** The first wait before Redis is asked again after a failure, doubled after each failure up to {@link MAX_RETRY_MS}. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * Whether the store asks Redis: always while it answers; after a failure, once more when a
 * wait with backoff has passed (one request at a time probes it), until it answers again.
 * The first failure of an outage is reported, once.
 */
export class RedisHealth {
  #failures = 0;
  #retryAt = 0;
  #probing = false;
  readonly #report: (cause: unknown) => void;
  readonly #random: () => number;

  constructor(report: (cause: unknown) => void, random: () => number) {
    this.#report = report;
    this.#random = random;
  }

  /** `true` when Redis should be asked now; the caller then says how it went. */
  mayAsk(): boolean {
    if (this.#failures === 0) return true;
    if (this.#probing || Date.now() < this.#retryAt) return false;
    this.#probing = true;
    return true;
  }

  /** Redis answered: the outage, if any, is over. */
  answered = (): void => {
    this.#failures = 0;
  };

  /** Redis failed or was late: wait before asking again, and report a new outage. */
  failed = (cause: unknown): void => {
    const now = Date.now();
    this.#probing = false;
    // Requests in flight when Redis went away fail together: they count as one failure.
    if (this.#failures > 0 && now < this.#retryAt) return;
    this.#failures += 1;
    const backoffMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.#failures - 1));
    this.#retryAt = now + backoffMs * (0.5 + this.#random() / 2);
    if (this.#failures === 1) this.#report(cause);
  };
}
