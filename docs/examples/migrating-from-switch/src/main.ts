import assert from 'node:assert/strict';
import { carddaFixtures } from '@issuer-errors/testing';
import { handleAfter } from './after.js';
import { HttpError, handleBefore } from './before.js';

const toResponse = ({ response }: (typeof carddaFixtures)[number]) =>
  new Response(response.status === 204 ? null : response.body, response);

const rows: { id: string; before: string; after: string }[] = [];
for (const fixture of carddaFixtures) {
  const before = await handleBefore(toResponse(fixture)).catch((error: HttpError) => error);
  const after = await handleAfter(toResponse(fixture));
  rows.push({ id: fixture.id, before: describeBefore(before), after });
}
console.table(rows);

const row = (id: string) => rows.find((candidate) => candidate.id === id);
// A missing company-id is our bug, not the user's session.
assert.deepEqual(row('missing-company-id'), {
  id: 'missing-company-id',
  before: 'auth',
  after: 'fix our setup: missing_company_id',
});
// The body's retry_after is honoured: 3 s, not the 1 s default.
assert.equal(row('rate-limited-body-hint')?.before, 'rate-limit 1 s');
assert.equal(row('rate-limited-body-hint')?.after, 'retry in 3000 ms');
// A 500 means "check before resending", never "retry the payment".
assert.equal(row('internal-error-traced')?.before.startsWith('transient'), true);
assert.match(row('internal-error-traced')?.after ?? '', /^check, then resend \(request \S+\)$/);
// A 400 keeps its kind and fields instead of falling into "other".
assert.equal(row('bad-request')?.before, 'other');
assert.equal(row('bad-request')?.after.startsWith('fix'), true);
assert.deepEqual([row('conflict')?.before, row('conflict')?.after], ['other', 'already exists']);

// A 20 MiB error page: the switch reads it all; fromResponse stops after 64 KiB.
const pulled = { before: 0, after: 0 };
const hugePage = (counter: 'before' | 'after') => {
  const chunk = new TextEncoder().encode('<html>'.padEnd(64 * 1024, 'x'));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 20 * 1024 * 1024) return controller.close();
      sent += chunk.byteLength;
      pulled[counter] += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Response(body, { status: 502, headers: { 'content-type': 'text/html' } });
};
await handleBefore(hugePage('before')).catch(() => undefined);
assert.equal(await handleAfter(hugePage('after')), 'check, then resend');
assert.equal(pulled.before, 20 * 1024 * 1024);
assert.ok(pulled.after <= 128 * 1024, `read ${pulled.after} bytes`);
console.log(
  `a 20 MiB error page: the switch read ${pulled.before / 1024} KiB, fromResponse ${pulled.after / 1024} KiB`,
);
console.log(`migrating-from-switch: ${rows.length} documented Cardda errors, before and after`);

function describeBefore(error: unknown): string {
  if (!(error instanceof HttpError)) return 'threw something else';
  const wait = error.details.retryAfterSeconds;
  return wait === undefined ? error.category : `${error.category} ${wait} s`;
}
