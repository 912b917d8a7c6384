import type { IssuerResultAsync } from '@issuer-errors/core';
import type { IssuerClient } from '@issuer-errors/core/ky';
import type { FakeIssuer, FakeProvider } from '@issuer-errors/testing/server';

/** The Clara clients of the demo: a working one, and one with a wrong client secret. */
export interface ClaraClients {
  readonly clara: IssuerClient;
  readonly wrongSecret: IssuerClient;
}

/** The Cardda clients of the demo: a working one, and three set up wrong. */
export interface CarddaClients {
  readonly cardda: IssuerClient;
  readonly withoutCompanyId: IssuerClient;
  readonly revokedKey: IssuerClient;
  readonly otherCompany: IssuerClient;
}

/** The clients of a provider. */
export type ClientsOf<Provider extends FakeProvider> = Provider extends 'clara'
  ? ClaraClients
  : CarddaClients;

/** One thing the app does, and how the fake issuer is set up to answer it. */
export interface Scenario<Provider extends FakeProvider = FakeProvider> {
  readonly title: string;
  readonly provider: Provider;
  /** A read, safe to run against the real API too. */
  readonly live?: true;
  /** Scripts the fake for this call (skipped against the real API). */
  readonly prepare?: (fake: FakeIssuer<Provider>) => void;
  /** How many requests `call` makes before any retry (default 1). */
  readonly calls?: number;
  readonly call: (clients: ClientsOf<Provider>) => IssuerResultAsync<unknown>;
}
