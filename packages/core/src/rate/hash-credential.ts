/**
 * A credential's name in a shared store: the first 128 bits of its SHA-256, in hex. The
 * credential itself never leaves the process. Web Crypto, so it runs wherever a client does.
 */
export async function hashCredential(credential: string | Uint8Array): Promise<string> {
  const bytes =
    typeof credential === 'string'
      ? new TextEncoder().encode(credential)
      : Uint8Array.from(credential);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
