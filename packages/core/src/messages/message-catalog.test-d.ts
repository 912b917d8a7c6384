import { describe, expectTypeOf, it } from 'vitest';
import { catalogEn } from './catalog-en';
import type { MessageCatalog } from './message-catalog';
import { createUserMessage } from './user-message';

describe('MessageCatalog', () => {
  it('does not compile with a code left out', () => {
    const { credit_limit_exceeded: _left, ...codes } = catalogEn.codes;
    // @ts-expect-error: credit_limit_exceeded has no message
    const catalog: MessageCatalog = { ...catalogEn, codes };
    expectTypeOf(catalog).toEqualTypeOf<MessageCatalog>();
  });

  it('does not compile with a kind left out', () => {
    const { business_rule: _left, ...kinds } = catalogEn.kinds;
    // @ts-expect-error: business_rule has no message
    createUserMessage({ locales: { fr: { ...catalogEn, kinds } } });
  });

  it('does not take a code the taxonomy does not have', () => {
    // @ts-expect-error: not a fine code
    createUserMessage({ overrides: { es: { codes: { insufficient_funds: 'Sin fondos.' } } } });
  });
});
