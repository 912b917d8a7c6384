import { cardda, createCarddaClient } from '@issuer-errors/cardda';
import { clara } from '@issuer-errors/clara';
import type { IssuerErrorJson } from '@issuer-errors/core';
import { carddaFixtures, claraFixtures, toFixtureView } from '@issuer-errors/testing';

/** What the page found, as plain data for the test to compare with the docs' fixtures. */
export interface BrowserReport {
  readonly userAgent: string;
  readonly normalized: readonly {
    readonly provider: 'cardda' | 'clara';
    readonly id: string;
    readonly view: unknown;
  }[];
  readonly calls: {
    readonly success: unknown;
    readonly validation: IssuerErrorJson | undefined;
    readonly afterRateLimit: unknown;
    readonly retryDelaysMs: readonly number[];
  };
}

/** Normalizes every fixture and makes three client calls to the fake issuer at `baseUrl`. */
export async function runInBrowser(baseUrl: string): Promise<BrowserReport> {
  const normalized = [
    ...carddaFixtures.map((fixture) => ({
      provider: 'cardda' as const,
      id: fixture.id,
      view: toFixtureView(cardda.normalize(fixture.response)),
    })),
    ...claraFixtures.map((fixture) => ({
      provider: 'clara' as const,
      id: fixture.id,
      view: toFixtureView(clara.normalize(fixture.response)),
    })),
  ];
  const retryDelaysMs: number[] = [];
  const client = createCarddaClient({
    baseUrl,
    apiKey: 'browser-key',
    companyId: 'acme',
    maxAttempts: 2,
    onRetry: (event) => retryDelaysMs.push(event.delayMs),
  });
  const success = await client.get('/cards/c1');
  const validation = await client.post('/banking/bank_recipients', { json: { name: 'Acme' } });
  const afterRateLimit = await client.get('/balances');
  return {
    userAgent: navigator.userAgent,
    normalized,
    calls: {
      success: success.isOk() ? success.value : success.error.toJSON(),
      validation: validation.isErr() ? validation.error.toJSON() : undefined,
      afterRateLimit: afterRateLimit.isOk() ? afterRateLimit.value : afterRateLimit.error.toJSON(),
      retryDelaysMs,
    },
  };
}

declare global {
  interface Window {
    runInBrowser: typeof runInBrowser;
  }
}
window.runInBrowser = runInBrowser;
