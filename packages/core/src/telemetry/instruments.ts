import type { Counter, Gauge, Histogram, Meter } from '@opentelemetry/api';

/** The instruments of a client's metrics: see docs/guides/logging-and-tracing.md, "Telemetry". */
export interface Instruments {
  /** The conventions' `http.client.request.duration`: one record per attempt sent, in seconds. */
  readonly requestDuration: Histogram;
  /** One record per call, in seconds, waits included: its count is the calls by provider, kind and outcome. */
  readonly callDuration: Histogram;
  /** How long each attempt waited at its class's gate for the rate budget or a cooldown, in seconds. */
  readonly gateWait: Histogram;
  /** Cooldowns a 429's named wait started. */
  readonly cooldowns: Counter;
  /** Retries sent, by the kind of the error retried. */
  readonly retries: Counter;
  /** Retries the client wanted and the retry budget or the breaker refused. */
  readonly refusedRetries: Counter;
  /** 1 while this process sees its class's breaker open, 0 once closed. */
  readonly breakerState: Gauge | undefined;
  /** Outages started, counted by the one process that saw the breaker open. */
  readonly outages: Counter;
  /** 1 while the client's shared store decides in this process's memory, 0 while it answers. */
  readonly storeFallback: Gauge | undefined;
}

/** The buckets the conventions advise for `http.client.request.duration`, used for every duration here. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];
const SECONDS = { unit: 's', advice: { explicitBucketBoundaries: DURATION_BUCKETS } };

/** The instruments, made once per meter. */
export function createInstruments(meter: Meter): Instruments {
  return {
    requestDuration: meter.createHistogram('http.client.request.duration', {
      ...SECONDS,
      description: 'Duration of HTTP client requests.',
    }),
    callDuration: meter.createHistogram('issuer.call.duration', {
      ...SECONDS,
      description:
        'Duration of calls to an issuer, from the first attempt to the result, waits included.',
    }),
    gateWait: meter.createHistogram('issuer.gate.wait.duration', {
      ...SECONDS,
      description: "Time an attempt waited for its class's rate budget or cooldown.",
    }),
    cooldowns: meter.createCounter('issuer.gate.cooldowns', {
      unit: '{cooldown}',
      description: "Cooldowns of a rate class started by a 429's named wait.",
    }),
    retries: meter.createCounter('issuer.retries', {
      unit: '{retry}',
      description: 'Attempts sent again after a failure.',
    }),
    refusedRetries: meter.createCounter('issuer.retries.refused', {
      unit: '{retry}',
      description: 'Retries refused by the retry budget or the breaker.',
    }),
    breakerState: meter.createGauge?.('issuer.breaker.state', {
      unit: '1',
      description: "1 while this process sees the class's breaker open, 0 when closed.",
    }),
    outages: meter.createCounter('issuer.breaker.outages', {
      unit: '{outage}',
      description: 'Outages started: the breaker opened.',
    }),
    storeFallback: meter.createGauge?.('issuer.store.fallback', {
      unit: '1',
      description:
        "1 while the shared rate store decides in this process's memory, 0 while it answers.",
    }),
  };
}
