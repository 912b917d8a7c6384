import { type IssuerAdapter, IssuerError } from '@issuer-errors/core';
import fc from 'fast-check';
import { formattedCardNumber, pemKey, secretValue } from './seeded-secrets';

/** What was planted, to look for afterwards. */
export interface Planted {
  readonly secrets: readonly string[];
  readonly cards: readonly { digits: string; written: string }[];
  readonly cvv?: string;
}

/** One way an error comes to exist with a secret around it. */
export interface Carrier {
  readonly planted: Planted;
  make(adapter: IssuerAdapter): IssuerError;
}

const planted = fc.record({
  token: secretValue,
  apiKey: secretValue,
  clientSecret: secretValue,
  refreshToken: secretValue,
  cookie: secretValue,
  userName: secretValue,
  password: secretValue,
  pem: pemKey,
  card: formattedCardNumber,
  cvv: fc.stringMatching(/^[0-9]{3,4}$/),
});

type Seeds = typeof planted extends fc.Arbitrary<infer T> ? T : never;

const plantedOf = (seeds: Seeds): Planted => ({
  secrets: [
    seeds.token,
    seeds.apiKey,
    seeds.clientSecret,
    seeds.refreshToken,
    seeds.cookie,
    seeds.userName,
    seeds.password,
    seeds.pem.split('\n')[2] ?? seeds.pem, // the key material's own line
  ],
  cards: [seeds.card],
  cvv: seeds.cvv,
});

const requestHeaders = (seeds: Seeds) => ({
  Authorization: `Bearer ${seeds.token}`,
  'Proxy-Authorization': `Basic ${Buffer.from(`user:${seeds.clientSecret}`).toString('base64')}`,
  Cookie: `session=${seeds.cookie}; theme=dark`,
  'X-Api-Key': seeds.apiKey,
});

/** A URL carrying secrets in secret-named query parameters: one a `Request` can be made of. */
const requestUrl = (seeds: Seeds) =>
  `https://api.example.test/v1/cards?api_key=${seeds.apiKey}&access_token=${seeds.token}&client_secret=${seeds.clientSecret}&refresh_token=${seeds.refreshToken}&token=${seeds.token}`;

/** A URL carrying every secret a URL can: user info too (fetch refuses to send it). */
const url = (seeds: Seeds) =>
  requestUrl(seeds).replace('https://', `https://${seeds.userName}:${seeds.password}@`);

/** A provider response echoing credentials in headers, body keys, free text and URLs. */
const echoingResponse = (seeds: Seeds): Carrier => ({
  planted: plantedOf(seeds),
  make: (adapter) =>
    adapter.normalize({
      status: 400,
      headers: {
        ...requestHeaders(seeds),
        'Set-Cookie': `sid=${seeds.cookie}; HttpOnly`,
        'X-Request-Id': `req access_token=${seeds.token}`,
      },
      body: JSON.stringify({
        code: `VALIDATION_ERROR token=${seeds.token}`,
        message: `Card ${seeds.card.written} declined for ${url(seeds)} with Bearer ${seeds.token}`,
        apiKey: seeds.apiKey,
        client_secret: seeds.clientSecret,
        access_token: seeds.token,
        refresh_token: seeds.refreshToken,
        cvv: seeds.cvv,
        card: { number: seeds.card.written, cvc: seeds.cvv, security_code: seeds.cvv },
        details: [{ field: 'card_number', message: `${seeds.card.written} is invalid` }],
        errors: { pan: [`${seeds.card.digits} rejected`], key: [seeds.pem] },
        debug: `${seeds.pem} cookie: session=${seeds.cookie}`,
      }),
    }),
});

/** ky's `HTTPError`: it holds the request, its headers and its URL. */
const kyHttpError = (seeds: Seeds): Carrier => ({
  planted: plantedOf(seeds),
  make: (adapter) => {
    const request = new Request(requestUrl(seeds), {
      method: 'POST',
      headers: requestHeaders(seeds),
    });
    const response = new Response(`{"message":"card ${seeds.card.written}"}`, { status: 500 });
    const error = Object.assign(
      new Error(`Request failed with status code 500: POST ${url(seeds)}`),
      {
        name: 'HTTPError',
        request,
        response,
        options: {
          headers: requestHeaders(seeds),
          json: { cvv: seeds.cvv, number: seeds.card.digits },
        },
      },
    );
    return adapter.fromThrown(error);
  },
});

/** undici's `fetch failed`, its cause naming the URL, and a TLS failure naming the key. */
const fetchFailure = (seeds: Seeds): Carrier => ({
  planted: plantedOf(seeds),
  make: (adapter) => {
    const tls = Object.assign(new Error(`bad key ${seeds.pem} for ${url(seeds)}`), {
      code: 'ERR_OSSL_PEM_BAD_BASE64_DECODE',
      key: seeds.pem,
      headers: requestHeaders(seeds),
    });
    const socket = Object.assign(new Error(`connect ECONNREFUSED ${url(seeds)}`, { cause: tls }), {
      code: 'ECONNREFUSED',
      config: { headers: requestHeaders(seeds) },
    });
    return adapter.fromThrown(new TypeError('fetch failed', { cause: socket }));
  },
});

/** fetch refusing a URL with credentials in it, before anything is sent: its message names the URL. */
const refusedUrl = (seeds: Seeds): Carrier => ({
  planted: plantedOf(seeds),
  make: (adapter) =>
    adapter.fromThrown(
      new TypeError('fetch failed', {
        cause: new TypeError(
          `Request cannot be constructed from a URL that includes credentials: ${url(seeds)}`,
        ),
      }),
    ),
});

/** An app building its own error from what it has at hand. */
const constructed = (seeds: Seeds): Carrier => ({
  planted: plantedOf(seeds),
  make: (adapter) =>
    new IssuerError({
      provider: adapter.name,
      code: 'invalid_field',
      message: `card ${seeds.card.written}, Authorization: Bearer ${seeds.token}, ${url(seeds)}`,
      fieldErrors: { card_number: [`${seeds.card.written} is not valid`], token: [seeds.pem] },
      requestId: `x password=${seeds.clientSecret}`,
      raw: {
        status: 422,
        headers: requestHeaders(seeds),
        body: { access_token: seeds.token, cvv: seeds.cvv },
      },
      cause: Object.assign(new Error(`client_secret=${seeds.clientSecret}`), {
        request: { headers: requestHeaders(seeds) },
      }),
    }).with({ attempts: 2 }),
});

/** Every way a secret can sit next to an error. */
export const anyCarrier = planted.chain((seeds) =>
  fc.constantFrom(
    echoingResponse(seeds),
    kyHttpError(seeds),
    fetchFailure(seeds),
    refusedUrl(seeds),
    constructed(seeds),
  ),
);
