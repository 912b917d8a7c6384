import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ky from 'ky';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaraClient } from './create-clara-client';

let directory: string;
let server: Server;
let baseUrl: string;
const pem = (name: string) => readFileSync(join(directory, name));
const tls = () => ({ cert: pem('client.crt'), key: pem('client.key'), ca: pem('ca.crt') });

const TOKEN_RESPONSE = { access_token: 'token-over-mtls', expires_in: 3600 };
/** What `/echo` answers: the headers a test wants to see arrive. */
const echoOf = (headers: IncomingHttpHeaders) => ({
  authorization: headers.authorization ?? null,
  trace: headers['x-trace'] ?? null,
});

/** A throwaway CA, server certificate for 127.0.0.1 and client certificate, made with openssl. */
function makeCertificates() {
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: directory, stdio: 'ignore' });
  const newKey = (name: string, subject: string, csr: boolean) =>
    csr
      ? openssl(
          'req',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.csr`,
          '-subj',
          subject,
        )
      : openssl(
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.crt`,
          '-days',
          '1',
          '-subj',
          subject,
        );
  const sign = (name: string, ...extra: string[]) =>
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '1',
      ...extra,
    );
  newKey('ca', '/CN=issuer-errors test CA', false);
  newKey('server', '/CN=127.0.0.1', true);
  writeFileSync(join(directory, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  sign('server', '-extfile', 'san.ext');
  newKey('client', '/CN=clara-client', true);
  sign('client');
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'clara-mtls-'));
  makeCertificates();
  server = createServer(
    {
      key: pem('server.key'),
      cert: pem('server.crt'),
      ca: pem('ca.crt'),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (request, response) => {
      const authorized = (request.socket as { authorized?: boolean }).authorized === true;
      response.writeHead(authorized ? 200 : 511, { 'content-type': 'application/json' });
      if (!authorized) response.end('{"message":"Network authentication required"}');
      else if (request.url === '/oauth/token') response.end(JSON.stringify(TOKEN_RESPONSE));
      else if (request.url === '/echo') response.end(JSON.stringify(echoOf(request.headers)));
      else response.end('{"cards":[]}');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 20_000);

afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('createClaraClient over mTLS', () => {
  it('presents the client certificate on every request', async () => {
    const client = createClaraClient({
      baseUrl,
      getAccessToken: () => 'token',
      tls: tls(),
    });
    expect((await client.get('/cards'))._unsafeUnwrap()).toEqual({ cards: [] });
  });

  it('asks for the OAuth token over the client certificate too', async () => {
    const client = createClaraClient({
      baseUrl,
      oauth: { tokenUrl: `${baseUrl}/oauth/token`, clientId: 'id', clientSecret: 'not-a-secret' },
      tls: tls(),
    });
    expect((await client.get('/echo'))._unsafeUnwrap()).toEqual({
      authorization: 'Bearer token-over-mtls',
      trace: null,
    });
  });

  it('keeps the ky options it is given, adding the certificate', async () => {
    const client = createClaraClient({
      baseUrl,
      getAccessToken: () => 'token',
      tls: tls(),
      ky: { headers: { 'x-trace': 'from-options' } },
    });
    expect((await client.get('/echo'))._unsafeUnwrap()).toEqual({
      authorization: 'Bearer token',
      trace: 'from-options',
    });
  });

  it('keeps the ky instance it is given, adding the certificate', async () => {
    const client = createClaraClient({
      baseUrl,
      getAccessToken: () => 'token',
      tls: tls(),
      ky: ky.create({ headers: { 'x-trace': 'from-instance' } }),
    });
    expect((await client.get('/echo'))._unsafeUnwrap()).toEqual({
      authorization: 'Bearer token',
      trace: 'from-instance',
    });
  });

  it('surfaces a missing certificate as the configuration error', async () => {
    const trustOnly = new Agent({ connect: { ca: pem('ca.crt') } });
    const client = createClaraClient({
      baseUrl,
      getAccessToken: () => 'token',
      ky: {
        fetch: (input: RequestInfo, init?: RequestInit) =>
          fetch(input, { ...init, dispatcher: trustOnly } as RequestInit),
      },
    });
    const error = (await client.get('/cards'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'configuration',
      code: 'client_certificate_missing',
      status: 511,
    });
  });
});
