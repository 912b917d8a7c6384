import { type Attributes, metrics, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import * as semanticConventions from '@opentelemetry/semantic-conventions';
import * as incubatingConventions from '@opentelemetry/semantic-conventions/incubating';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRateStore } from '../rate/memory-rate-store';
import { type RecordingSdk, startRecordingSdk } from '../telemetry/__fixtures__/recording-sdk';
import { ORIGIN, testClient, useNock } from './__fixtures__/test-client';
import type { IssuerClientOptions } from './client-types';

useNock();

let sdk: RecordingSdk;
beforeEach(() => {
  sdk = startRecordingSdk();
});
afterEach(() => sdk.shutdown());

/** A test client whose spans and metrics go to the SDK. */
const observedClient = (overrides: Partial<IssuerClientOptions> = {}) =>
  testClient({ telemetry: { tracer: sdk.tracer, meter: sdk.meter }, ...overrides });

const SPAN_KIND_INTERNAL = 0;
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

const attemptSpans = () => sdk.spans().filter((span) => span.kind === SPAN_KIND_CLIENT);
const callSpans = () =>
  sdk.spans().filter((span) => span.kind === SPAN_KIND_INTERNAL && !span.name.endsWith(' outage'));
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('client telemetry: spans', () => {
  it('a success: one call span, one attempt span under it, named and attributed by the HTTP conventions', async () => {
    nock(ORIGIN).get('/v1/cards/81').query({ page: '2' }).reply(200, { id: 81 });
    const result = await observedClient().get('/cards/81?page=2');
    expect(result.isOk()).toBe(true);

    const [call] = callSpans();
    const [attempt] = attemptSpans();
    expect(sdk.spans()).toHaveLength(2);
    expect(call?.name).toBe('test GET /v1/cards/{id}');
    expect(attempt?.name).toBe('GET /v1/cards/{id}');
    expect(parentOf(attempt as ReadableSpan)).toBe(call?.spanContext().spanId);
    expect(attempt?.attributes).toEqual({
      'http.request.method': 'GET',
      'server.address': 'issuer.test',
      'server.port': 443,
      'url.full': 'https://issuer.test/v1/cards/81?page=REDACTED',
      'url.template': '/v1/cards/{id}',
      'http.response.status_code': 200,
      'issuer.gate.wait_ms': expect.any(Number),
    });
    // The gate is open: the wait is the event loop's turn, 0 or 1 ms, more on a loaded machine.
    expect(attempt?.attributes['issuer.gate.wait_ms']).toBeGreaterThanOrEqual(0);
    expect(attempt?.attributes['issuer.gate.wait_ms']).toBeLessThan(1_000);
    expect(call?.attributes).toMatchObject({
      'issuer.provider': 'test',
      'issuer.rate_class': 'all',
      'issuer.attempts': 1,
    });
    expect(call?.status.code).not.toBe(STATUS_ERROR);
  });

  it('uses the global providers when given no tracer or meter', async () => {
    trace.setGlobalTracerProvider(sdk.tracerProvider);
    metrics.setGlobalMeterProvider(sdk.meterProvider);
    try {
      nock(ORIGIN).get('/v1/x').reply(200, {});
      await testClient().get('/x');
      expect(sdk.spans().map((span) => span.instrumentationScope.name)).toEqual([
        '@issuer-errors/core',
        '@issuer-errors/core',
      ]);
      expect((await sdk.metrics()).has('http.client.request.duration')).toBe(true);
    } finally {
      trace.disable();
      metrics.disable();
    }
  });

  it('records metrics with a meter alone, the global tracer having no SDK', async () => {
    nock(ORIGIN).get('/v1/x').reply(200, {});
    await testClient({ telemetry: { meter: sdk.meter } }).get('/x');
    expect(sdk.spans()).toHaveLength(0);
    expect(count((await sdk.metrics()).get('issuer.call.duration')?.points[0]?.value)).toBe(1);
  });

  it("takes the request's urlTemplate over the one read from the path", async () => {
    nock(ORIGIN).get('/v1/users/ana').reply(200, {});
    await observedClient().get('/users/ana', { urlTemplate: '/users/{user_id}' });
    expect(attemptSpans()[0]?.attributes['url.template']).toBe('/v1/users/{user_id}');
  });

  it('a retried 503: two attempt spans, the second with resend_count 1; the first holds the error', async () => {
    nock(ORIGIN)
      .get('/v1/x')
      .reply(503, {}, { 'x-request-id': 'req-1' })
      .get('/v1/x')
      .reply(200, {});
    expect((await observedClient().get('/x')).isOk()).toBe(true);

    const [first, second] = attemptSpans();
    expect(attemptSpans()).toHaveLength(2);
    expect(first?.attributes).toMatchObject({
      'error.type': 'unavailable',
      'issuer.code': 'upstream_unavailable',
      'issuer.request_id': 'req-1',
      'issuer.outcome': 'unknown',
      'http.response.status_code': 503,
    });
    expect(first?.attributes['http.request.resend_count']).toBeUndefined();
    expect(first?.status).toEqual({ code: STATUS_ERROR, message: 'upstream_unavailable' });
    expect(second?.attributes['http.request.resend_count']).toBe(1);
    expect(second?.attributes['http.response.status_code']).toBe(200);
    expect(callSpans()[0]?.attributes['issuer.attempts']).toBe(2);
  });

  it('a refreshed 401: two attempt spans, the first an authentication error', async () => {
    const tokens = ['stale', 'fresh'];
    nock(ORIGIN).get('/v1/x').reply(401).get('/v1/x').reply(200, {});
    const client = observedClient({ getAccessToken: () => tokens.shift() ?? 'fresh' });
    expect((await client.get('/x')).isOk()).toBe(true);
    expect(attemptSpans().map((span) => span.attributes['error.type'])).toEqual([
      'authentication',
      undefined,
    ]);
  });

  it('a call cancelled during its attempt: the one attempt span ends cancelled', async () => {
    nock(ORIGIN).get('/v1/x').delay(5_000).reply(200, {});
    const controller = new AbortController();
    const call = observedClient().get('/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await call)._unsafeUnwrapErr().kind).toBe('cancelled');
    expect(attemptSpans()).toHaveLength(1);
    expect(attemptSpans()[0]?.attributes['error.type']).toBe('cancelled');
    expect(callSpans()[0]?.attributes).toMatchObject({
      'error.type': 'cancelled',
      'issuer.attempts': 1,
    });
  });

  it('a call that never left has a call span that says so, and no attempt span', async () => {
    const controller = new AbortController();
    controller.abort();
    await observedClient().get('/x', { signal: controller.signal });
    await observedClient({ baseUrl: 'not a url' }).get('/x');
    expect(attemptSpans()).toHaveLength(0);
    expect(callSpans().map((span) => span.attributes)).toEqual([
      expect.objectContaining({ 'issuer.attempts': 0, 'issuer.code': 'cancelled' }),
      expect.objectContaining({ 'issuer.attempts': 0, 'issuer.code': 'invalid_client_setup' }),
    ]);
  });

  it('a 429: the wait it named on the attempt span, and a cooldown counted', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '0' }).get('/v1/x').reply(200, {});
    await observedClient().get('/x');
    expect(attemptSpans()[0]?.attributes['issuer.retry_after_ms']).toBe(0);
    const metrics = await sdk.metrics();
    expect(metrics.get('issuer.gate.cooldowns')?.points).toEqual([
      { attributes: { 'issuer.provider': 'test', 'issuer.rate_class': 'all' }, value: 1 },
    ]);
  });

  it('is off with telemetry: false, and a tracer that throws never changes a call', async () => {
    nock(ORIGIN).get('/v1/x').twice().reply(200, { ok: true });
    expect((await observedClient({ telemetry: false }).get('/x'))._unsafeUnwrap()).toEqual({
      ok: true,
    });
    const throwing = {
      startSpan: () => {
        throw new Error('tracer down');
      },
    };
    const result = await observedClient({ telemetry: { tracer: throwing, meter: sdk.meter } }).get(
      '/x',
    );
    expect(result._unsafeUnwrap()).toEqual({ ok: true });
    expect(sdk.spans()).toHaveLength(0);
  });
});

describe('client telemetry: metrics', () => {
  it('http.client.request.duration per attempt and issuer.call.duration per call, low-cardinality', async () => {
    nock(ORIGIN).get('/v1/cards/81').reply(503).get('/v1/cards/81').reply(200, {});
    nock(ORIGIN).post('/v1/cards').reply(404, { error: 'missing' });
    const client = observedClient();
    await client.get('/cards/81');
    await client.post('/cards', { json: {} });
    const metrics = await sdk.metrics();

    const requests = metrics.get('http.client.request.duration');
    expect(requests?.unit).toBe('s');
    expect(requests?.points.map((point) => [point.attributes, count(point.value)])).toEqual([
      [httpAttributes('GET', { 'http.response.status_code': 503, 'error.type': 'unavailable' }), 1],
      [httpAttributes('GET', { 'http.response.status_code': 200 }), 1],
      [httpAttributes('POST', { 'http.response.status_code': 404, 'error.type': 'not_found' }), 1],
    ]);
    const calls = metrics.get('issuer.call.duration');
    expect(calls?.points.map((point) => [point.attributes, count(point.value)])).toEqual([
      [{ 'issuer.provider': 'test', 'issuer.rate_class': 'all', 'http.request.method': 'GET' }, 1],
      [
        {
          'issuer.provider': 'test',
          'issuer.rate_class': 'all',
          'http.request.method': 'POST',
          'error.type': 'not_found',
          'issuer.code': 'not_found',
          'issuer.outcome': 'rejected',
        },
        1,
      ],
    ]);
    expect(metrics.get('issuer.retries')?.points).toEqual([
      {
        attributes: {
          'issuer.provider': 'test',
          'issuer.rate_class': 'all',
          'error.type': 'unavailable',
        },
        value: 1,
      },
    ]);
    expect(count(metrics.get('issuer.gate.wait.duration')?.points[0]?.value)).toBe(3);
  });

  it('every attribute name is in the semantic conventions registry or under issuer.', async () => {
    nock(ORIGIN).get('/v1/x').reply(429, {}, { 'Retry-After': '0' }).get('/v1/x').reply(200, {});
    nock(ORIGIN).post('/v1/x').reply(422, { error: 'invalid' });
    const client = observedClient();
    await client.get('/x');
    await client.post('/x', { json: {} });
    const registry = new Set<unknown>(
      [...Object.values(semanticConventions), ...Object.values(incubatingConventions)].filter(
        (value) => typeof value === 'string',
      ),
    );
    const names = new Set<string>();
    for (const span of sdk.spans()) {
      for (const name of Object.keys(span.attributes)) names.add(name);
      for (const event of span.events)
        for (const name of Object.keys(event.attributes ?? {})) names.add(name);
    }
    for (const metric of (await sdk.metrics()).values()) {
      for (const point of metric.points)
        for (const name of Object.keys(point.attributes)) names.add(name);
    }
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((name) => !name.startsWith('issuer.') && !registry.has(name))).toEqual(
      [],
    );
    expect(registry.has('http.request.resend_count')).toBe(true);
  });
});

function httpAttributes(method: string, more: Attributes): Attributes {
  return {
    'issuer.provider': 'test',
    'http.request.method': method,
    'server.address': 'issuer.test',
    'server.port': 443,
    ...more,
  };
}

function count(value: unknown): number | undefined {
  return (value as { count?: number } | undefined)?.count;
}

describe('client telemetry: the shared store', () => {
  it("records the store's fallback state after each call, and marks the calls where it changed", async () => {
    let inFallback = false;
    const store = { ...createMemoryRateStore(), isInFallback: () => inFallback };
    const client = observedClient({ rateStore: store, rateKey: 'acme' });
    nock(ORIGIN).get('/v1/x').times(4).reply(200, {});
    const fallbackPoints: unknown[] = [];
    for (const state of [false, true, true, false]) {
      inFallback = state;
      await client.get('/x');
      fallbackPoints.push((await sdk.metrics()).get('issuer.store.fallback')?.points[0]?.value);
    }
    expect(fallbackPoints).toEqual([0, 1, 1, 0]);
    expect(callSpans().map((span) => span.events.map((event) => event.name))).toEqual([
      [],
      ['issuer.store.fallback_started'],
      [],
      ['issuer.store.fallback_ended'],
    ]);
  });
});

describe('client telemetry: an outage', () => {
  it('the breaker state as a gauge, one outage counted, and the reports as span events', async () => {
    const quickProbe = { probeAfterMs: { min: 30, max: 30 } };
    const reports: string[] = [];
    const client = observedClient({
      maxAttempts: 1,
      health: quickProbe,
      onOutage: (report) => reports.push(report.state),
    });
    let index = 0;
    nock(ORIGIN)
      .get('/v1/x')
      .times(10)
      .reply(() => [503, {}, { 'x-request-id': `req-${index++}` }]);
    for (let call = 0; call < 10; call += 1) await client.get('/x');
    const refused = await client.get('/x');
    expect(refused._unsafeUnwrapErr().code).toBe('breaker_open');
    expect((await sdk.metrics()).get('issuer.breaker.state')?.points).toEqual([
      { attributes: { 'issuer.provider': 'test', 'issuer.rate_class': 'all' }, value: 1 },
    ]);

    // Real time: the probe may go 30 ms after the breaker opened.
    await new Promise((resolve) => setTimeout(resolve, 60));
    nock(ORIGIN).get('/v1/x').reply(200, {});
    expect((await client.get('/x')).isOk()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));

    expect(reports).toEqual(['started', 'ended']);
    const metrics = await sdk.metrics();
    expect(metrics.get('issuer.breaker.state')?.points[0]?.value).toBe(0);
    expect(metrics.get('issuer.breaker.outages')?.points[0]?.value).toBe(1);
    const outageEvents = sdk
      .spans()
      .filter((span) => span.name === 'test outage')
      .flatMap((span) => span.events);
    expect(outageEvents.map((event) => event.name)).toEqual([
      'issuer.outage.started',
      'issuer.outage.ended',
    ]);
    expect(outageEvents[0]?.attributes).toMatchObject({
      'issuer.outage.failed_attempts': 10,
      'issuer.outage.failures': ['503 upstream_unavailable ×10'],
      'issuer.outage.request_ids': Array.from({ length: 10 }, (_, id) => `req-${id}`),
      'issuer.outage.advice': "Contact Test's support with the request ids.",
    });
    const refusedSpan = callSpans()[10];
    expect(refusedSpan?.attributes).toMatchObject({
      'issuer.attempts': 0,
      'issuer.code': 'breaker_open',
    });
  });

  it('retries refused by the retry budget, counted by who refused them', async () => {
    nock(ORIGIN).get('/v1/x').times(40).reply(503);
    const client = observedClient({
      health: { retryRatio: 0, minRetries: 1, consecutiveFailures: 1_000, minimumAttempts: 1_000 },
    });
    const results = await Promise.all(Array.from({ length: 3 }, () => client.get('/x')));
    const refused = results.filter(
      (result) => result._unsafeUnwrapErr().retryRefusedBy === 'retry_budget',
    );
    expect(refused.length).toBeGreaterThan(0);
    expect((await sdk.metrics()).get('issuer.retries.refused')?.points).toEqual([
      {
        attributes: {
          'issuer.provider': 'test',
          'issuer.rate_class': 'all',
          'issuer.retry_refused_by': 'retry_budget',
        },
        value: refused.length,
      },
    ]);
  });
});
