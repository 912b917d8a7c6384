import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';

/** A page on loopback that loads the bundled `run-in-browser.ts` as a module. */
export interface ServedPage {
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const PAGE_HTML = `<!doctype html>
<meta charset="utf-8">
<title>issuer-errors in the browser</title>
<script type="module" src="/run-in-browser.js"></script>`;

/**
 * Bundles `run-in-browser.ts` for the browser as an app would (esbuild, browser platform,
 * minified) and serves it with its page from 127.0.0.1, on a port of its own: another origin
 * than the fake issuer's, so every call crosses origins as a real app's does.
 */
export async function servePage(): Promise<ServedPage> {
  const bundle = await build({
    entryPoints: [new URL('./page/run-in-browser.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((request, response) => {
    if (request.url === '/run-in-browser.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE_HTML);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
