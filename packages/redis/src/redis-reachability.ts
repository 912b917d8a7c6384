/** The first wait before Redis is asked again after a failure, doubled after each failure up to {@link MAX_RETRY_MS}. */
const FIRST_RETRY_MS = 100;
/** The longest wait before Redis is asked again: every process of a fleet asks within it once Redis is back. */
export const MAX_RETRY_MS = 5_000;

/** What {@link RedisReachability} tells its store. */
export interface ReachabilityEvents {
  /** The first failure of an outage. */
  readonly failed: (cause: unknown) => void;
  /** Redis answered again after a failure. */
  readonly recovered: () => void;
}

/**
 * Whether the store asks Redis: always while it answers; after a failure, once more when a
 * wait with backoff has passed (one request at a time probes it), until it answers again.
 * The first failure of an outage is told, once, and so is its end.
 */
export class RedisReachability {
  #failures = 0;
  #retryAt = 0;
  #probing = false;
  readonly #events: ReachabilityEvents;
  readonly #random: () => number;

  constructor(events: ReachabilityEvents, random: () => number) {
    this.#events = events;
    this.#random = random;
  }

  /** Whether the last command failed and Redis has not answered since. */
  get failing(): boolean {
    return this.#failures > 0;
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
    const recovered = this.#failures > 0;
    this.#failures = 0;
    this.#probing = false;
    if (recovered) this.#events.recovered();
  };

  /** Redis failed or was late: wait before asking again, and tell of a new outage. */
  failed = (cause: unknown): void => {
    const now = Date.now();
    this.#probing = false;
    // Requests in flight when Redis went away fail together: they count as one failure.
    if (this.#failures > 0 && now < this.#retryAt) return;
    this.#failures += 1;
    const backoffMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.#failures - 1));
    this.#retryAt = now + backoffMs * (0.5 + this.#random() / 2);
    if (this.#failures === 1) this.#events.failed(cause);
  };
}
