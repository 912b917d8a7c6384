import type { Attributes, Span } from '@opentelemetry/api';
import type { IssuerError } from '../error/issuer-error';
import type { Result } from '../error/result';
import { toOtelAttributes } from '../observability/to-otel-attributes';
import type { ClientTelemetry } from './client-telemetry';
import { quietly } from './quietly';
import type { RequestAttributes } from './request-attributes';

/** What an attempt knows of its call: the request's attributes, and the provider's and class's. */
export interface AttemptCall {
  readonly request: RequestAttributes | undefined;
  readonly class: Attributes;
  /** Told each attempt's error (`undefined` on success): the next attempt retries it. */
  readonly ended: (error: IssuerError | undefined) => void;
}

/** One attempt's span, a child of its call's, and its `http.client.request.duration`. */
export class AttemptTelemetry {
  readonly #client: ClientTelemetry;
  readonly #span: Span;
  readonly #call: AttemptCall;
  readonly #started = performance.now();
  #status: number | undefined;

  constructor(client: ClientTelemetry, span: Span, call: AttemptCall) {
    this.#client = client;
    this.#span = span;
    this.#call = call;
  }

  /** Runs `send` with this attempt's span active, so that an app's HTTP instrumentation nests under it. */
  run<T>(send: () => T): T {
    const { api } = this.#client;
    const context = quietly(() => api.trace.setSpan(api.context.active(), this.#span));
    return context === undefined ? send() : api.context.with(context, send);
  }

  /** The response's status arrived. */
  answered(status: number): void {
    this.#status = status;
  }

  /** The attempt's result: ends its span and records its duration. */
  end(result: Result<unknown, IssuerError>): void {
    const error = result.isErr() ? result.error : undefined;
    this.#call.ended(error);
    quietly(() => this.#end(error));
  }

  #end(error: IssuerError | undefined): void {
    const { api, instruments, provider } = this.#client;
    const request = this.#call.request;
    const metric: Attributes = { 'issuer.provider': provider };
    if (request !== undefined) {
      metric['http.request.method'] = request['http.request.method'];
      metric['server.address'] = request['server.address'];
      metric['server.port'] = request['server.port'];
    }
    const status = error?.status ?? this.#status;
    if (status !== undefined) metric['http.response.status_code'] = status;
    if (error !== undefined) {
      metric['error.type'] = error.kind;
      this.#span.setAttributes(errorAttributes(error));
      this.#span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.code });
      // The client cools the class down exactly when the issuer named its wait.
      if (error.kind === 'rate_limited' && error.retryAfterMs !== undefined) {
        instruments.cooldowns.add(1, this.#call.class);
      }
    } else if (status !== undefined) {
      this.#span.setAttribute('http.response.status_code', status);
    }
    instruments.requestDuration.record((performance.now() - this.#started) / 1000, metric);
    this.#span.end();
  }
}

/** An error's attributes ({@link toOtelAttributes}) as a span takes them. */
export function errorAttributes(error: IssuerError): Attributes {
  const { 'issuer.field_names': fieldNames, ...attributes } = toOtelAttributes(error);
  return fieldNames === undefined
    ? attributes
    : { ...attributes, 'issuer.field_names': [...fieldNames] };
}
