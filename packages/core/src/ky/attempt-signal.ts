/**
 * The request option that carries an attempt's abort signal past ky to fetch, for a call with a
 * `signal` or `totalTimeoutMs` (other attempts are timed by ky). ky passes options it does not
 * know on to fetch; given `signal`, ky would merge it with its own through `AbortSignal.any`
 * (see "A request's overhead" in docs/architecture.md).
 */
export const ATTEMPT_SIGNAL = 'issuerErrorsAttemptSignal';

/** `fetch` (the global one when none is given) with the attempt's signal put where fetch reads it. */
export function withAttemptSignal(
  fetch: typeof globalThis.fetch | undefined,
): typeof globalThis.fetch {
  return (input, init) => {
    const { [ATTEMPT_SIGNAL]: signal, ...rest } = (init ?? {}) as RequestInit & {
      [ATTEMPT_SIGNAL]?: AbortSignal;
    };
    return (fetch ?? globalThis.fetch)(input, signal === undefined ? rest : { ...rest, signal });
  };
}
