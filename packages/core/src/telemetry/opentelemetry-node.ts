import { createRequire } from 'node:module';
import type * as OpenTelemetry from '@opentelemetry/api';

/** `@opentelemetry/api`, once loaded; `null` when it is not installed. */
let loaded: typeof OpenTelemetry | null | undefined;

/*
 * `@opentelemetry/api` is an optional peer: Node loads it with `require` on the first client
 * that wants telemetry, the one module instance an app's own import gets (its global providers
 * live there). `package.json` `imports` sends `#opentelemetry` here under the `node` condition
 * only; bundlers take `module` first and get `opentelemetry-absent.ts`.
 */

/** `@opentelemetry/api` when it is installed, else `undefined`. */
export function loadOpenTelemetry(): typeof OpenTelemetry | undefined {
  if (loaded === undefined) {
    try {
      loaded = createRequire(import.meta.url)('@opentelemetry/api') as typeof OpenTelemetry;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}
