const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/;

/**
 * The client certificate as Clara sees it in the TLS handshake, its DER bytes, whatever form the
 * app read it in (PEM with LF or CRLF line ends, as text or bytes, or DER), so that every process
 * of one certificate names one budget. Of a chain, the first certificate: the client's own.
 * Anything else is kept as given.
 */
export function certificateDer(cert: string | Uint8Array): string | Uint8Array {
  const text = typeof cert === 'string' ? cert : new TextDecoder().decode(cert);
  const [, base64] = PEM_CERTIFICATE.exec(text) ?? [];
  if (base64 === undefined) return cert;
  try {
    return Uint8Array.from(atob(base64.replace(/\s/g, '')), (character) => character.charCodeAt(0));
  } catch {
    // Not base64 after all: kept as given.
    return cert;
  }
}
