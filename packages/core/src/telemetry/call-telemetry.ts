import type { Attributes, Context, Span } from '@opentelemetry/api';
import type { IssuerError } from '../error/issuer-error';
import type { Result } from '../error/result';
import type { RateClass } from '../rate/rate-types';
import { AttemptTelemetry, errorAttributes } from './attempt-telemetry';
import type { ClientTelemetry } from './client-telemetry';
import { quietly } from './quietly';
import { type RequestAttributes, requestAttributes } from './request-attributes';

/** One call as a client starts it. */
export interface CallStart {
  readonly method: string;
  readonly url: string;
  readonly baseUrl: string;
  readonly urlTemplate: string | undefined;
  /** `undefined` for a call refused before its class was known (a setup mistake). */
  readonly rateClass: RateClass | undefined;
}

/** One call's span, the parent of its attempts' spans, and what it counts across them. */
export class CallTelemetry {
  readonly #client: ClientTelemetry;
  readonly #span: Span;
  readonly #context: Context;
  readonly #request: RequestAttributes | undefined;
  readonly #class: Attributes;
  readonly #started = performance.now();
  #attempts = 0;
  #gateWaitMs = 0;
  /** The gate's wait before the next attempt. */
  #pendingGateWaitMs: number | undefined;
  /** The error of the last attempt, which a next attempt retries. */
  #lastError: IssuerError | undefined;

  /** Names and attributes the call's `span`, started in `parent`. Throws what the tracer throws. */
  constructor(client: ClientTelemetry, start: CallStart, span: Span, parent: Context) {
    this.#client = client;
    this.#request = requestAttributes(start.method, start.url, start.baseUrl, start.urlTemplate);
    this.#class = client.classAttributes(start.rateClass);
    this.#span = span;
    this.#context = client.api.trace.setSpan(parent, span);
    const template = this.#request?.['url.template'];
    if (span.isRecording() && template !== undefined) {
      span.updateName(`${client.provider} ${start.method} ${template}`);
    }
    span.setAttributes({ ...this.#request, ...this.#class });
  }

  /** An attempt passed its class's gate after waiting `waitedMs`. */
  passedGate(waitedMs: number): void {
    this.#pendingGateWaitMs = waitedMs;
    this.#gateWaitMs += waitedMs;
    quietly(() => this.#client.instruments.gateWait.record(waitedMs / 1000, this.#class));
  }

  /** An attempt leaves: its span; `undefined` when the tracer fails. */
  startAttempt(): AttemptTelemetry | undefined {
    this.#attempts += 1;
    const gateWaitMs = this.#pendingGateWaitMs;
    this.#pendingGateWaitMs = undefined;
    return quietly(() => this.#startAttempt(gateWaitMs));
  }

  #startAttempt(gateWaitMs: number | undefined): AttemptTelemetry {
    const { api, instruments, tracer } = this.#client;
    const attributes: Attributes = { ...this.#request };
    if (this.#attempts > 1) {
      attributes['http.request.resend_count'] = this.#attempts - 1;
      instruments.retries.add(1, {
        ...this.#class,
        'error.type': this.#lastError?.kind ?? 'unknown',
      });
    }
    if (gateWaitMs !== undefined) attributes['issuer.gate.wait_ms'] = Math.round(gateWaitMs);
    const method = this.#request?.['http.request.method'] ?? 'HTTP';
    const template = this.#request?.['url.template'];
    const span = tracer.startSpan(
      template === undefined ? method : `${method} ${template}`,
      { kind: api.SpanKind.CLIENT, attributes },
      this.#context,
    );
    return new AttemptTelemetry(this.#client, span, {
      request: this.#request,
      class: this.#class,
      ended: (error) => {
        this.#lastError = error;
      },
    });
  }

  /** The call's result: ends its span and records its duration. */
  end(result: Result<unknown, IssuerError>): void {
    quietly(() => this.#end(result.isErr() ? result.error : undefined));
  }

  #end(error: IssuerError | undefined): void {
    const { api, instruments } = this.#client;
    const metric: Attributes = { ...this.#class };
    const method = this.#request?.['http.request.method'];
    if (method !== undefined) metric['http.request.method'] = method;
    if (error !== undefined) {
      metric['error.type'] = error.kind;
      metric['issuer.code'] = error.code;
      metric['issuer.outcome'] = error.outcome;
      this.#span.setAttributes(errorAttributes(error));
      this.#span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.code });
      if (error.retryRefusedBy !== undefined) {
        this.#span.setAttribute('issuer.retry_refused_by', error.retryRefusedBy);
        instruments.refusedRetries.add(1, {
          ...this.#class,
          'issuer.retry_refused_by': error.retryRefusedBy,
        });
      }
    }
    // Attempts sent: 0 says the call never left (a cooldown, an open breaker, a setup mistake).
    this.#span.setAttributes({
      'issuer.attempts': this.#attempts,
      'issuer.gate.wait_ms': Math.round(this.#gateWaitMs),
    });
    instruments.callDuration.record((performance.now() - this.#started) / 1000, metric);
    this.#client.observeStore(this.#span);
    this.#span.end();
  }
}
