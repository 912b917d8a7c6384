import { IssuerError } from '@issuer-errors/core';

/** The client certificate Clara's mTLS requires (PEM strings or buffers). */
export interface ClaraTlsOptions {
  /** The client certificate, PEM. */
  readonly cert: string | Uint8Array;
  /** Its private key, PEM; never kept on an error. */
  readonly key: string | Uint8Array;
  /** Extra CA certificates to trust, if Clara's chain is not in the default store. */
  readonly ca?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
}

// A name, not a literal, so that an app's bundler (esbuild, Vite, webpack) leaves the Node-only
// transport out of a browser bundle instead of failing on its `node:` imports.
const UNDICI: string = 'undici';

/**
 * A `fetch` that presents the client certificate on every connection, through
 * an undici dispatcher (Node only; `undici` is loaded on first use). Without undici
 * it throws an `invalid_client_setup` error that says to install it, and sends nothing.
 */
export function createMtlsFetch(tls: ClaraTlsOptions): typeof fetch {
  let dispatcher: Promise<unknown> | undefined;
  return async (input, init) => {
    dispatcher ??= (
      import(/* webpackIgnore: true */ /* @vite-ignore */ UNDICI) as Promise<
        typeof import('undici')
      >
    ).then(
      ({ Agent }) => new Agent({ connect: { ...tls } as never }),
      (cause: unknown) => {
        throw new IssuerError({
          provider: 'clara',
          code: 'invalid_client_setup',
          message: 'Clara: tls needs undici (npm install undici)',
          cause,
        });
      },
    );
    return globalThis.fetch(input, { ...init, dispatcher: await dispatcher } as RequestInit);
  };
}
