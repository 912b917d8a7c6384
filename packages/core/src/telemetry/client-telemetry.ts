import type * as OpenTelemetry from '@opentelemetry/api';
import type { Attributes, Meter, Span, Tracer } from '@opentelemetry/api';
import type { OutageReport } from '../client/outage-report';
import type { RateClass, RateStore } from '../rate/rate-types';
import { toSafeIdentifier, toSafeLine } from '../safety/safe-text';
import { type CallStart, CallTelemetry } from './call-telemetry';
import { createInstruments, type Instruments } from './instruments';
import { loadOpenTelemetry } from './opentelemetry-node';
import { quietly } from './quietly';
import type { TelemetryOptions } from './telemetry-types';

/** The name of the tracer and meter a client takes from the global providers. */
export const INSTRUMENTATION_SCOPE = '@issuer-errors/core';

/**
 * A client's telemetry: a span per call with a child span per attempt, as OpenTelemetry's HTTP
 * client conventions name them, and the metrics of {@link Instruments}. `undefined` when it is
 * off: `false`, no `@opentelemetry/api` to load, or a meter that fails.
 */
export function createClientTelemetry(
  provider: string,
  options: TelemetryOptions | false | undefined,
  store?: RateStore,
): ClientTelemetry | undefined {
  if (options === false) return undefined;
  const api = loadOpenTelemetry();
  if (api === undefined) return undefined;
  return quietly(() => {
    const tracer =
      (options?.tracer as Tracer | undefined) ?? api.trace.getTracer(INSTRUMENTATION_SCOPE);
    const meter =
      (options?.meter as Meter | undefined) ?? api.metrics.getMeter(INSTRUMENTATION_SCOPE);
    return new ClientTelemetry(api, tracer, createInstruments(meter), provider, store);
  });
}

/** What a client tells its telemetry: its calls, its outages, and its breakers' state. */
export class ClientTelemetry {
  readonly api: typeof OpenTelemetry;
  readonly tracer: Tracer;
  readonly instruments: Instruments;
  readonly provider: string;
  readonly #store: RateStore | undefined;
  /** Whether the meter records: the global meter with no SDK registered is a no-op. */
  readonly #metered: boolean;
  /** The store's fallback state when last seen. */
  #storeInFallback = false;

  constructor(
    api: typeof OpenTelemetry,
    tracer: Tracer,
    instruments: Instruments,
    provider: string,
    store?: RateStore,
  ) {
    this.api = api;
    this.tracer = tracer;
    this.instruments = instruments;
    this.provider = provider;
    this.#store = store;
    // A no-op meter makes every histogram the same one no-op instance.
    this.#metered = instruments.requestDuration !== api.createNoopMeter().createHistogram('');
  }

  /**
   * After a call: records whether the shared store decides in memory, and puts an event on the
   * call's span when that changed since the last call, so the trace shows where it began and ended.
   */
  observeStore(span: Span): void {
    if (typeof this.#store?.isInFallback !== 'function') return;
    const inFallback = this.#store.isInFallback() === true;
    this.instruments.storeFallback?.record(inFallback ? 1 : 0, {
      'issuer.provider': this.provider,
    });
    if (inFallback === this.#storeInFallback) return;
    this.#storeInFallback = inFallback;
    span.addEvent(inFallback ? 'issuer.store.fallback_started' : 'issuer.store.fallback_ended');
  }

  /**
   * Starts a call's span, a child of the active span. `undefined` when nothing would be recorded
   * (no SDK registered: the span does not record and the meter is a no-op), so the call then
   * costs what it costs without telemetry, or when the tracer fails.
   */
  startCall(start: CallStart): CallTelemetry | undefined {
    return quietly(() => {
      const { api } = this;
      const parent = api.context.active();
      // Named by its method only until its template is read: an unsampled call never reads it.
      const span = this.tracer.startSpan(
        `${this.provider} ${start.method}`,
        { kind: api.SpanKind.INTERNAL },
        parent,
      );
      if (span.isRecording() || this.#metered) return new CallTelemetry(this, start, span, parent);
      span.end();
      return undefined;
    });
  }

  /** The breaker of `rateClass` opened or closed, as this process sees it. */
  breakerChanged(rateClass: RateClass, open: boolean): void {
    quietly(() =>
      this.instruments.breakerState?.record(open ? 1 : 0, this.classAttributes(rateClass)),
    );
  }

  /** An outage started or ended: a span of its own holds it as an event, beside the calls in the trace backend. */
  outage(report: OutageReport): void {
    quietly(() => {
      const attributes = this.classAttributes(report.rateClass);
      if (report.state === 'started') this.instruments.outages.add(1, attributes);
      const span = this.tracer.startSpan(`${this.provider} outage`, { attributes });
      span.addEvent(`issuer.outage.${report.state}`, outageAttributes(report));
      span.end();
    });
  }

  /** The provider's attributes, and the rate class's when known. */
  classAttributes(rateClass: RateClass | undefined): Attributes {
    return rateClass === undefined
      ? { 'issuer.provider': this.provider }
      : { 'issuer.provider': this.provider, 'issuer.rate_class': rateClass };
  }
}

function outageAttributes(report: OutageReport): Attributes {
  const attributes: Attributes = {
    'issuer.outage.started_at': new Date(report.startedAt).toISOString(),
    'issuer.outage.failed_attempts': report.failedAttempts,
    'issuer.outage.failed_calls': report.failedCalls,
    'issuer.outage.failures': report.failures.map(
      ({ status, code, attempts }) =>
        `${status ?? 'no response'} ${toSafeIdentifier(code)} ×${attempts}`,
    ),
    'issuer.outage.request_ids': report.requestIds.map((id) => toSafeIdentifier(id)),
    'issuer.outage.advice': toSafeLine(report.advice),
  };
  if (report.endedAt !== undefined) {
    attributes['issuer.outage.ended_at'] = new Date(report.endedAt).toISOString();
  }
  return attributes;
}
