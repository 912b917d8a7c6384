/** The longest delay a timer holds, 2^31 - 1 ms (about 24.8 days): a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** How long a client's attempt, and `fromResponse`'s read of a body, may take unless told: 10 s. */
export const DEFAULT_TIMEOUT_MS = 10_000;
