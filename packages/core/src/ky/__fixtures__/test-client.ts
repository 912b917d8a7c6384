import nock from 'nock';
import { afterEach, beforeAll } from 'vitest';
import { BASE_URL, testAdapter } from '../../adapter/__fixtures__/test-adapter';
import type { IssuerClientOptions } from '../client-types';
import { createIssuerClient } from '../create-issuer-client';

/** The origin nock intercepts: {@link BASE_URL} without its path. */
export const ORIGIN = 'https://issuer.test';

/** A client of the test provider with a fixed jitter draw, and any option replaced. */
export const testClient = (overrides: Partial<IssuerClientOptions> = {}) =>
  createIssuerClient({ adapter: testAdapter, baseUrl: BASE_URL, random: () => 0.5, ...overrides });

/** Lets no request of the calling test file reach the network, and clears its interceptors after each test. */
export function useNock() {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
  });
}
