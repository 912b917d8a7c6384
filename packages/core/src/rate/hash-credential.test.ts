import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashCredential } from './hash-credential';

describe('hashCredential', () => {
  it('is the first 128 bits of the SHA-256, in hex, for text and bytes alike', async () => {
    const sha256 = createHash('sha256').update('sk_live_abc').digest('hex');
    expect(await hashCredential('sk_live_abc')).toBe(sha256.slice(0, 32));
    expect(await hashCredential(new TextEncoder().encode('sk_live_abc'))).toBe(sha256.slice(0, 32));
  });
});
