import { describe, expect, it } from 'vitest';
import { certificateDer } from './clara-certificate';

const pem = (body: string, end = '\n') =>
  `-----BEGIN CERTIFICATE-----${end}${body}${end}-----END CERTIFICATE-----${end}`;

describe('certificateDer', () => {
  it('decodes the body of the first certificate, whatever its line ends, as text or bytes', () => {
    const expected = Uint8Array.from([0x30, 0x82, 0x01, 0x0a, 0xff]);
    const body = 'MIIBCv8=';
    for (const form of [pem(body), pem(body, '\r\n'), new TextEncoder().encode(pem(body))]) {
      expect(certificateDer(form)).toEqual(expected);
    }
    expect(certificateDer(`${pem(body)}${pem('AAAA')}`)).toEqual(expected);
    expect(certificateDer(pem('MIIB\nCv8='))).toEqual(expected);
  });

  it('keeps as given what holds no certificate, DER bytes among them, or a body that is not base64', () => {
    const der = Uint8Array.from([0x30, 0x82, 0x01, 0x0a]);
    expect(certificateDer(der)).toBe(der);
    expect(certificateDer('CERT-PEM')).toBe('CERT-PEM');
    const broken = pem('MIIBx');
    expect(certificateDer(broken)).toBe(broken);
  });
});
