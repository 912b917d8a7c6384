import { parseArgs } from 'node:util';
import { EXPLAINED_PROVIDERS, type ExplainedProvider } from './explain';
import type { RawHttpResponse } from './parse-transcript';

/** How to run the command. */
export const USAGE = `Usage: issuer-errors explain --provider clara|cardda [--json]
         [--status 422 [--body '{"errors":{...}}'] [--header 'Retry-After: 5']...]
         [--file response.txt]

  With --status, explains that response. Otherwise reads a raw response, as \`curl -i\` prints
  it (status line, headers, blank line, body), from --file or from standard input.
  --json  prints { error, advice, problem } as JSON, for scripts.`;

/** What the command line asks for. */
export interface ExplainRequest {
  readonly provider: ExplainedProvider;
  readonly json: boolean;
  /** The response given by flags, if any. */
  readonly response?: RawHttpResponse;
  /** A transcript file to read, if any; else standard input. */
  readonly file?: string;
}

/** Reads the command line; a problem is a message for the user. */
export function parseExplainArguments(
  argv: readonly string[],
): ExplainRequest | { readonly problem: string } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { problem: argumentProblem(error) };
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'explain' || positionals.length > 1)
    return { problem: 'The command is explain' };
  const provider = values.provider;
  if (!EXPLAINED_PROVIDERS.includes(provider as ExplainedProvider)) {
    return { problem: '--provider must be clara or cardda' };
  }
  const common = { provider: provider as ExplainedProvider, json: values.json === true };
  if (values.status === undefined) {
    if (values.body !== undefined || values.header !== undefined)
      return { problem: '--body and --header need --status' };
    return values.file === undefined ? common : { ...common, file: values.file };
  }
  if (!/^[1-5]\d\d$/.test(values.status))
    return { problem: '--status must be an HTTP status, 100 to 599' };
  if (values.file !== undefined) return { problem: 'Give either --status or --file, not both' };
  const headers: Record<string, string> = {};
  for (const header of values.header ?? []) {
    const separator = header.indexOf(':');
    if (separator <= 0) return { problem: `--header must be "Name: value", not "${header}"` };
    headers[header.slice(0, separator).trim()] = header.slice(separator + 1).trim();
  }
  return {
    ...common,
    response: { status: Number(values.status), headers, body: values.body ?? '' },
  };
}

/** The parser's complaint in the command's own words: `Unknown option --bogus`, `--provider needs a value`. */
function argumentProblem(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const option = /'(-[^'\s]*)/.exec(String(message))?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option} needs a value`;
  return 'The command line could not be read';
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      provider: { type: 'string' },
      status: { type: 'string' },
      body: { type: 'string' },
      header: { type: 'string', multiple: true },
      file: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
}
