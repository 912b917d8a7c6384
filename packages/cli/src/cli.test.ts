import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { carddaFixtures } from '@issuer-errors/testing';
import { describe, expect, it } from 'vitest';

/** The installed command, which runs the build (`pnpm test` builds this package first). */
const COMMAND = new URL('../bin/issuer-errors.js', import.meta.url).pathname;

function run(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [COMMAND, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const validation = carddaFixtures.find((fixture) => fixture.id === 'validation-error-on-create');
const transcript = [
  '> POST /v1/banking/bank_recipients HTTP/1.1',
  '> Authorization: Bearer sk_live_abc123',
  `< HTTP/1.1 ${validation?.response.status} Unprocessable Entity`,
  ...Object.entries(validation?.response.headers ?? {}).map(
    ([name, value]) => `< ${name}: ${value}`,
  ),
  '< Set-Cookie: session=s3cr3t-cookie',
  '<',
  validation?.response.body,
].join('\n');

// Each case starts a Node process: well under a second alone, seconds on a loaded 2-core machine.
describe('issuer-errors explain', { timeout: 30_000 }, () => {
  it('explains a pasted transcript: the error, its fields, what to do, and the problem+json', async () => {
    const { code, stdout, stderr } = await run(['explain', '--provider', 'cardda'], transcript);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('  kind          validation\n  code          invalid_field\n');
    expect(stdout).toContain("    rut: can't be blank; is invalid\n");
    expect(stdout).toContain('What to do\n  - Fix the fields listed below');
    expect(stdout).toContain('Problem+JSON\n{\n  "type"');
    expect(stdout).not.toContain('sk_live_abc123');
    expect(stdout).not.toContain('s3cr3t-cookie');
  });

  it('prints JSON for scripts, from flags', async () => {
    const { code, stdout } = await run([
      'explain',
      '--provider',
      'clara',
      '--status',
      '400',
      '--body',
      '{"code":"B013","message":"Threshold exceeds company limit"}',
      '--json',
    ]);
    expect(code).toBe(0);
    const explanation = JSON.parse(stdout);
    expect(explanation.error).toMatchObject({
      provider: 'clara',
      kind: 'business_rule',
      code: 'credit_limit_exceeded',
      providerCode: 'B013',
      outcome: 'rejected',
    });
    expect(explanation.advice[0]).toMatch(/B013/);
    expect(explanation.problem).toMatchObject({ status: 400, code: 'credit_limit_exceeded' });
  });

  it('reads a transcript from --file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'explain-'));
    const file = join(folder, 'response.txt');
    await writeFile(file, 'HTTP/2 503\r\nretry-after: 30\r\n\r\n');
    const { stdout } = await run(['explain', '--provider', 'cardda', '--file', file, '--json']);
    expect(JSON.parse(stdout).error).toMatchObject({ kind: 'unavailable', retryAfterMs: 30_000 });
  });

  it('reads a header from --header', async () => {
    const { stdout } = await run([
      'explain',
      '--provider',
      'cardda',
      '--status',
      '429',
      '--header',
      'Retry-After: 7',
      '--json',
    ]);
    expect(JSON.parse(stdout).error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
  });

  it.each([
    [['explain', '--provider', 'visa'], '--provider must be clara or cardda'],
    [['explain', '--provider', 'cardda', '--status', '42'], '--status must be an HTTP status'],
    [
      ['explain', '--provider', 'cardda', '--status', '400', '--header', 'nocolon'],
      '--header must be "Name: value"',
    ],
    [['explain', '--provider', 'cardda', '--bogus'], 'Unknown option --bogus\n'],
    [['explain', '--provider'], '--provider needs a value\n'],
    [['explain', '--provider', 'cardda'], 'No HTTP status line found'],
  ])('explains a bad command line %j and exits 2', async (args, problem) => {
    const { code, stderr } = await run(args, '{"error":"unauthorized"}');
    expect(code).toBe(2);
    expect(stderr).toContain(problem);
    expect(stderr).toContain('Usage: issuer-errors explain');
  });

  it.each([['--version'], ['-v']])(
    'prints its name and version for %s, and exits 0',
    async (flag) => {
      const { version } = JSON.parse(
        await readFile(new URL('../package.json', import.meta.url), 'utf8'),
      );
      const { code, stdout, stderr } = await run([flag]);
      expect({ code, stdout, stderr }).toEqual({
        code: 0,
        stdout: `@issuer-errors/cli ${version}\n`,
        stderr: '',
      });
    },
  );

  it('never prints the raw message of the argument parser', async () => {
    const { stderr } = await run(['explain', '--provider', 'cardda', '--bogus']);
    expect(stderr).not.toContain('To specify a positional argument');
  });
});
