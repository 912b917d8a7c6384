import type * as OpenTelemetry from '@opentelemetry/api';
import type { Attributes, Meter, Tracer } from '@opentelemetry/api';
import type { OutageReport } from '../client/outage-report';
import type { RateClass } from '../rate/rate-types';
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
): ClientTelemetry | undefined {
  if (options === false) return undefined;
  const api = loadOpenTelemetry();
  if (api === undefined) return undefined;
  return quietly(() => {
    const tracer =
      (options?.tracer as Tracer | undefined) ?? api.trace.getTracer(INSTRUMENTATION_SCOPE);
    const meter =
      (options?.meter as Meter | undefined) ?? api.metrics.getMeter(INSTRUMENTATION_SCOPE);
    return new ClientTelemetry(api, tracer, createInstruments(meter), provider);
  });
}

/** What a client tells its telemetry: its calls, its outages, and its breakers' state. */
export class ClientTelemetry {
  readonly api: typeof OpenTelemetry;
  readonly tracer: Tracer;
  readonly instruments: Instruments;
  readonly provider: string;

  constructor(
    api: typeof OpenTelemetry,
    tracer: Tracer,
    instruments: Instruments,
    provider: string,
  ) {
    this.api = api;
    this.tracer = tracer;
    this.instruments = instruments;
    this.provider = provider;
  }

  /** Starts a call's span, a child of the active span; `undefined` when the tracer fails. */
  startCall(start: CallStart): CallTelemetry | undefined {
    return quietly(() => new CallTelemetry(this, start));
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
