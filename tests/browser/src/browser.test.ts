import { carddaFixtures, claraFixtures } from '@issuer-errors/testing';
import { type FakeIssuer, startFakeIssuer } from '@issuer-errors/testing/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './launch-chromium';
import type { BrowserReport } from './page/run-in-browser';
import { type ServedPage, servePage } from './serve-page';

let page: ServedPage;
let fake: FakeIssuer<'cardda'>;
let browser: Browser;
let report: BrowserReport;
const pageErrors: string[] = [];

beforeAll(async () => {
  page = await servePage();
  fake = await startFakeIssuer({ provider: 'cardda', allowOrigin: page.origin });
  fake
    .route('GET', '/cards/:id', [{ json: { id: 'c1', status: 'active' } }])
    .route('POST', '/banking/bank_recipients', [
      { error: 'validation-error-on-create', requestId: 'req-from-browser' },
    ])
    .route('GET', '/balances', [{ error: 'rate-limited', retryAfter: 1 }, { json: { total: 10 } }]);
  browser = await launchChromium();
  const tab: Page = await browser.newPage();
  tab.on('pageerror', (error) => pageErrors.push(error.message));
  await tab.goto(page.url);
  await tab.waitForFunction(() => typeof window.runInBrowser === 'function');
  report = await tab.evaluate((baseUrl) => window.runInBrowser(baseUrl), fake.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
  await page?.close();
});

describe('in headless Chromium', () => {
  it('runs in a real Chromium, with no page errors', () => {
    expect(report.userAgent).toMatch(/HeadlessChrome\/\d+/);
    expect(pageErrors).toEqual([]);
  });

  it('normalizes every documented Cardda and Clara error as the docs say', () => {
    const expected = [
      ...carddaFixtures.map((fixture) => ({
        provider: 'cardda',
        id: fixture.id,
        view: fixture.expected,
      })),
      ...claraFixtures.map((fixture) => ({
        provider: 'clara',
        id: fixture.id,
        view: fixture.expected,
      })),
    ];
    expect(report.normalized).toEqual(expected);
  });

  it('calls the fake issuer across origins and reads its JSON', () => {
    expect(report.calls.success).toEqual({ id: 'c1', status: 'active' });
    expect(fake.requests[0]?.headers).toMatchObject({
      authorization: 'Bearer browser-key',
      'company-id': 'acme',
    });
  });

  it('reads the field errors and the exposed X-Request-Id of a refused write', () => {
    expect(report.calls.validation).toMatchObject({
      kind: 'validation',
      code: 'invalid_field',
      status: 422,
      requestId: 'req-from-browser',
      fieldErrors: { rut: ["can't be blank", 'is invalid'] },
    });
  });

  it('waits out a 429’s Retry-After, then succeeds', () => {
    expect(report.calls.afterRateLimit).toEqual({ total: 10 });
    expect(report.calls.retryDelaysMs).toEqual([1000]);
    expect(fake.requests.filter((logged) => logged.path === '/balances')).toHaveLength(2);
  });
});
