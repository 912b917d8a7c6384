import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import type {
  FakeIssuerOptions,
  FakeMethod,
  FakeOutage,
  FakeOutcome,
  FakeProvider,
  ScenarioOf,
} from './server/fake-issuer-types';

/** One scripted route of a `--script` file. */
export interface ScriptedRoute {
  readonly method: FakeMethod;
  readonly path: string;
  readonly outcomes: readonly FakeOutcome[];
}

/** What the command line asks for. */
export interface CliRequest {
  readonly options: FakeIssuerOptions<FakeProvider>;
  /** The path of a JSON file of routes, if any. */
  readonly script?: string;
}

/** How to run the fake from a shell. */
export const USAGE = `Usage: issuer-errors-fake --provider clara|cardda [--port 4010] [--host 127.0.0.1]
                          [--rate-limit <requests>] [--refill <per second>] [--script routes.json]
                          [--allow-origin http://127.0.0.1:5173]
                          [--outage <5xx scenario> [--outage-after <ms>] [--outage-for <ms>] [--outage-share <0-1>]]

  --rate-limit  a token bucket of this many requests (Clara: one for reads, one for writes)
  --refill      requests added back per second (default: the --rate-limit value)
  --allow-origin  lets pages of this origin (or *) call the fake from a browser (CORS)
  --outage      answers every API request with this documented 500/502/503/504 scenario
                (service-unavailable-empty, internal-server-error…), from --outage-after ms
                (default 0) for --outage-for ms (default: for ever); --outage-share 0.2 fails
                a fifth of requests at random instead (a degraded issuer)
  --script      {"routes": [{"method": "POST", "path": "/cards", "outcomes": ["b013-threshold-exceeds-company-limit", {"json": {"id": "card_1"}, "status": 201}]}]}`;

const outcomeSchema = z.union([
  z.string(),
  z.object({
    error: z.string(),
    retryAfter: z.optional(z.number()),
    requestId: z.optional(z.string()),
    delayMs: z.optional(z.number()),
  }),
  z.object({
    json: z.unknown(),
    status: z.optional(z.int().check(z.gte(200), z.lte(599))),
    headers: z.optional(z.record(z.string(), z.string())),
    delayMs: z.optional(z.number()),
    chunkDelayMs: z.optional(z.number()),
  }),
  z.object({ stall: z.literal(true) }),
  z.object({ reset: z.enum(['before-response', 'mid-body']), delayMs: z.optional(z.number()) }),
]);

/** The schema of a `--script` file. */
export const scriptSchema = z.object({
  routes: z.array(
    z.object({
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      path: z.string().check(z.startsWith('/')),
      outcomes: z.array(outcomeSchema).check(z.minLength(1)),
    }),
  ),
});

/** Reads the command line; a problem is a message for the user. */
export function parseCliArguments(
  argv: readonly string[],
): CliRequest | { readonly problem: string } {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        provider: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'rate-limit': { type: 'string' },
        refill: { type: 'string' },
        script: { type: 'string' },
        'allow-origin': { type: 'string' },
        outage: { type: 'string' },
        'outage-after': { type: 'string' },
        'outage-for': { type: 'string' },
        'outage-share': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return { problem: argumentProblem(error) };
  }
  const provider = values.provider;
  if (provider !== 'clara' && provider !== 'cardda')
    return { problem: '--provider must be clara or cardda' };
  const port = wholeNumber(values.port ?? '0');
  if (port === undefined || port > 65_535)
    return { problem: '--port must be a whole number from 0 to 65535' };
  const burst = values['rate-limit'] === undefined ? undefined : wholeNumber(values['rate-limit']);
  const requestsPerSecond = wholeNumber(values.refill ?? values['rate-limit'] ?? '1');
  if (
    burst === 0 ||
    requestsPerSecond === undefined ||
    requestsPerSecond === 0 ||
    (values['rate-limit'] !== undefined && burst === undefined)
  ) {
    return { problem: '--rate-limit and --refill must be whole numbers above 0' };
  }
  const outage = outageOf(values);
  if (typeof outage === 'string') return { problem: outage };
  return {
    options: {
      provider,
      port,
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(burst === undefined ? {} : { rateLimit: { burst, requestsPerSecond } }),
      ...(values['allow-origin'] === undefined ? {} : { allowOrigin: values['allow-origin'] }),
      // The fake checks the scenario when it starts: an unknown one is a message, not a crash.
      ...(outage === undefined ? {} : { outage: outage as FakeOutage<ScenarioOf<FakeProvider>> }),
    },
    ...(values.script === undefined ? {} : { script: values.script }),
  };
}

/** The `--outage` flags as an outage; a problem in words; `undefined` without `--outage`. */
function outageOf(values: Record<string, string | undefined>): FakeOutage | string | undefined {
  const error = values.outage;
  const timing = ['outage-after', 'outage-for', 'outage-share'].filter(
    (name) => values[name] !== undefined,
  );
  if (error === undefined) {
    return timing.length === 0 ? undefined : `--${timing[0]} needs --outage <scenario>`;
  }
  const afterMs =
    values['outage-after'] === undefined ? undefined : wholeNumber(values['outage-after']);
  const forMs = values['outage-for'] === undefined ? undefined : wholeNumber(values['outage-for']);
  const share = values['outage-share'] === undefined ? undefined : Number(values['outage-share']);
  if (
    (values['outage-after'] !== undefined && afterMs === undefined) ||
    forMs === 0 ||
    (values['outage-for'] !== undefined && forMs === undefined)
  ) {
    return '--outage-after and --outage-for must be whole numbers of ms (--outage-for above 0)';
  }
  if (share !== undefined && !(share > 0 && share <= 1)) {
    return '--outage-share must be a number above 0, at most 1';
  }
  return {
    error,
    ...(afterMs === undefined ? {} : { afterMs }),
    ...(forMs === undefined ? {} : { forMs }),
    ...(share === undefined ? {} : { share }),
  };
}

/** The parser's complaint in the command's own words: `Unknown option --bogus`, `--port needs a value`. */
function argumentProblem(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const option = /'(-[^'\s]*)/.exec(String(message))?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option} needs a value`;
  return code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `Unknown option ${option}` : String(message);
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined;
}
