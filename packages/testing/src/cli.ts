#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { isIssuerError } from '@issuer-errors/core';
import * as z from 'zod/mini';
import { parseCliArguments, type ScriptedRoute, scriptSchema, USAGE } from './cli-arguments';
import { startFakeIssuer } from './server/start-fake-issuer';

const request = parseCliArguments(process.argv.slice(2));
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
  for (const route of routes) fake.route(route.method, route.path, route.outcomes as never);
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
  } catch {}
  const parsed = z.safeParse(scriptSchema, json);
  if (parsed.success) return parsed.data.routes as readonly ScriptedRoute[];
  console.error(
    text === undefined
      ? `Cannot read the script ${path}`
      : `The script ${path} is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
  );
  process.exit(2);
}
