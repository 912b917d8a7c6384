#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { text } from 'node:stream/consumers';
import { parseExplainArguments, USAGE } from './cli-arguments';
import { explainResponse } from './explain';
import { formatExplanation } from './format-explanation';
import { parseHttpTranscript } from './parse-transcript';

const MAX_INPUT_BYTES = 1024 * 1024;
/** The package's version: `package.json` is one folder up from `src/` and from `dist/` alike. */
const VERSION: string = createRequire(import.meta.url)('../package.json').version;

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`@issuer-errors/cli ${VERSION}\n`);
    return 0;
  }
  const request = parseExplainArguments(argv);
  if ('problem' in request) return fail(request.problem);
  let response = request.response;
  if (response === undefined) {
    if (request.file === undefined && process.stdin.isTTY)
      return fail('Paste a response on standard input, or give --status or --file');
    let transcript: string;
    try {
      transcript =
        request.file === undefined
          ? await text(process.stdin)
          : await readFile(request.file, 'utf8');
    } catch (error) {
      return fail(
        `Could not read ${request.file ?? 'standard input'}: ${(error as Error).message}`,
      );
    }
    if (Buffer.byteLength(transcript) > MAX_INPUT_BYTES)
      return fail(
        'The response is over 1 MiB; paste the status line, headers and the start of the body',
      );
    response = parseHttpTranscript(transcript);
    if (response === undefined)
      return fail('No HTTP status line found (expected "HTTP/1.1 422 ..." as `curl -i` prints it)');
  }
  const explanation = explainResponse(request.provider, response);
  process.stdout.write(
    request.json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation),
  );
  return 0;
}

function fail(problem: string): number {
  process.stderr.write(`${problem}\n\n${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
