import type { FakeIssuer } from '@issuer-errors/testing/server';

/** The documented errors (fixture ids) a fake never answered with. */
export function unmetScenarios(fake: FakeIssuer, documented: readonly { id: string }[]): string[] {
  const met = new Set(fake.requests.map((request) => request.answer.split(' ')[0]));
  return documented.map((fixture) => fixture.id).filter((id) => !met.has(id));
}
