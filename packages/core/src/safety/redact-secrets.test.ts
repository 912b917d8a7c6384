import { describe, expect, it } from 'vitest';
import { redactSecretsInText } from './redact-secrets';

describe('redactSecretsInText', () => {
  it('removes bearer tokens, key-value secrets and PEM key material', () => {
    const text = redactSecretsInText(
      'Authorization: Bearer eyJhbGciOi.abc.def access_token=s3cr3t&x=1 {"client_secret": "shh"} -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
    );
    expect(text).not.toMatch(/eyJhbGciOi|s3cr3t|shh|MIIE/);
    expect(text).toContain('x=1');
  });

  it.each([
    ['retried with Bearer eyJhbGciOi.abc.def', 'retried with Bearer [REDACTED]'],
    ['sent Basic dXNlcjpwYXNz', 'sent Basic [REDACTED]'],
    ['sent token  ab12cd34ef', 'sent token [REDACTED]'],
    ['retried with Bearer \t eyJhbGciOi.abc.def', 'retried with Bearer [REDACTED]'],
  ])('removes the credential of an authorization scheme: %j', (text, expected) => {
    expect(redactSecretsInText(text)).toBe(expected);
  });

  it.each([
    ['token=abc123&page=2', 'token=[REDACTED]&page=2'],
    ['access_token=abc123', 'access_token=[REDACTED]'],
    ['{"accessToken":"abc123"}', '{"accessToken":"[REDACTED]"}'],
    ['refresh_token=abc123', 'refresh_token=[REDACTED]'],
    ['id_token: abc123', 'id_token: [REDACTED]'],
    ['client_secret=abc123', 'client_secret=[REDACTED]'],
    ['{"clientSecret": "abc123"}', '{"clientSecret": "[REDACTED]"}'],
    ["secret='abc123'", "secret='[REDACTED]'"],
    ['password=hunter2, user=ana', 'password=[REDACTED], user=ana'],
    ['passwd=hunter2', 'passwd=[REDACTED]'],
    ['api_key=k-123', 'api_key=[REDACTED]'],
    ['apiKey=k-123', 'apiKey=[REDACTED]'],
    ['authorization=abc123', 'authorization=[REDACTED]'],
    ['cookie=abc123', 'cookie=[REDACTED]'],
    ['session=abc123; Path=/', 'session=[REDACTED]; Path=/'],
    ['sessionId=abc123', 'sessionId=[REDACTED]'],
    ['session_id=abc123', 'session_id=[REDACTED]'],
    ['API_KEY=k-123', 'API_KEY=[REDACTED]'],
    ['Client-Secret: abc123', 'Client-Secret: [REDACTED]'],
    ['PASSWD=hunter2', 'PASSWD=[REDACTED]'],
    ['Cookie: abc123', 'Cookie: [REDACTED]'],
    ['SESSION=abc123', 'SESSION=[REDACTED]'],
  ])('removes the value of a secret key-value pair: %j', (text, expected) => {
    expect(redactSecretsInText(text)).toBe(expected);
  });

  it('removes a PEM block and keeps the text around it', () => {
    expect(
      redactSecretsInText(
        'key -----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY----- was rejected',
      ),
    ).toBe('key [REDACTED] was rejected');
  });

  it('removes each of several PEM blocks', () => {
    expect(
      redactSecretsInText(
        '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE----- and -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
      ),
    ).toBe('[REDACTED] and [REDACTED]');
  });

  it('removes a PEM block cut before its end line, up to the end of the text', () => {
    expect(redactSecretsInText('key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0')).toBe(
      'key [REDACTED]',
    );
  });

  it.each([
    [
      'Request cannot be constructed from a URL that includes credentials: https://user:s3cretpass@api.cardda.com/v1/x',
      'Request cannot be constructed from a URL that includes credentials: https://[REDACTED]@api.cardda.com/v1/x',
    ],
    ['http://s3cretpass@127.0.0.1:8080/', 'http://[REDACTED]@127.0.0.1:8080/'],
    ['s3://AKIAKEY:s3cretpass@bucket/key', 's3://[REDACTED]@bucket/key'],
    ['https://:s3cretpass@host/', 'https://[REDACTED]@host/'],
    ['https://us%40er:p@ss:w0rd@host/path?q=1', 'https://[REDACTED]@host/path?q=1'],
    [
      'see HTTPS://USER:PW@HOST and https://other.test',
      'see HTTPS://[REDACTED]@HOST and https://other.test',
    ],
  ])('removes the user name and password of a URL: %j', (text, expected) => {
    expect(redactSecretsInText(text)).toBe(expected);
  });

  it.each([
    'mail support@clara.test about https://api.clara.test/v1',
    'https://api.clara.test/v1/users/a@b.test',
    'https://api.clara.test/v1?email=a@b.test',
  ])("leaves an @ that is not in a URL's user info: %j", (text) => {
    expect(redactSecretsInText(text)).toBe(text);
  });

  it('leaves text without credentials as it is', () => {
    const text = 'Threshold exceeds company limit; retry after 1 second';
    expect(redactSecretsInText(text)).toBe(text);
  });
});
