#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { isIssuerError } from '@issuer-errors/core';
import { type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import * as z from 'zod/mini';
import { parseCliArguments, type ScriptedRoute, scriptSchema, USAGE } from './cli-arguments';
import { startFakeIssuer } from './server/start-fake-issuer';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const request = parseCliArguments(argv);
if ('problem' in request) {
  console.error(`${request.problem}\n\n${USAGE}`);
  process.exit(2);
}

const routes = request.script === undefined ? [] : await readScript(request.script);
try {
  const fake = await startFakeIssuer({
    ...request.options,
    onRequest: (logged) => console.log(`${logged.method} ${logged.path} → ${logged.answer}`),
  });
  try {
    for (const route of routes) fake.route(route.method, route.path, route.outcomes as never);
  } catch (error) {
    await fake.close();
    console.error(`The script ${request.script} is not valid: ${(error as Error).message}`);
    process.exit(2);
  }
  console.log(`Fake ${fake.provider} listening: baseUrl ${fake.baseUrl}`);
  if (fake.provider === 'clara') console.log(`Token endpoint: ${fake.tokenUrl}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(isIssuerError(error) || error instanceof Error ? error.message : String(error));
  process.exit(1);
}

async function readScript(path: string): Promise<readonly ScriptedRoute[]> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    console.error(`The script ${path} is not JSON: ${jsonSyntaxError(text ?? '')}`);
    process.exit(2);
  }
  const parsed = z.safeParse(scriptSchema, json);
  if (parsed.success) return parsed.data.routes as readonly ScriptedRoute[];
  console.error(
    text === undefined
      ? `Cannot read the script ${path}`
      : `The script ${path} is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
  );
  process.exit(2);
}

/** Where and why `text` is not JSON, as `value expected at position 12 (line 1, column 13)`. */
function jsonSyntaxError(text: string): string {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first === undefined) return 'it could not be parsed';
  const before = text.slice(0, first.offset).split('\n');
  const what = printParseErrorCode(first.error)
    .replace(/(?<=[a-z])(?=[A-Z])/g, ' ')
    .toLowerCase();
  return `${what} at position ${first.offset} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}
