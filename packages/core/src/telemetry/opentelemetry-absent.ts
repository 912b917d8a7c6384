import type * as OpenTelemetry from '@opentelemetry/api';

/**
 * Where a bundler resolves `#opentelemetry` (the `module` and `default` conditions): a bundle
 * cannot load an optional package that may be absent, so a client there has no telemetry.
 */
export function loadOpenTelemetry(): typeof OpenTelemetry | undefined {
  return undefined;
}
