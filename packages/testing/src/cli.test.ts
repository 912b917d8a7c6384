import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

/** The installed command, which runs the build (`pnpm test` builds this package first). */
const COMMAND = new URL('../bin/issuer-errors-fake.js', import.meta.url).pathname;
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, [COMMAND, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
  return { child, nextLine: async () => (await lines.next()).value as string, exited };
}

// Each case starts a Node process: well under a second alone, seconds on a loaded 2-core machine.
describe('issuer-errors-fake', { timeout: 30_000 }, () => {
  it('serves a scripted Cardda on loopback, with CORS, logs each request, and stops cleanly on SIGTERM', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fake-cli-'));
    const script = join(folder, 'routes.json');
    await writeFile(
      script,
      JSON.stringify({
        routes: [
          {
            method: 'POST',
            path: '/banking/bank_recipients',
            outcomes: ['validation-error-on-create'],
          },
        ],
      }),
    );
    const page = 'http://127.0.0.1:5173';
    const cli = runCli(['--provider', 'cardda', '--script', script, '--allow-origin', page]);
    const banner = await cli.nextLine();
    const baseUrl = /baseUrl (http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(banner)?.[1];
    expect(baseUrl).toBeDefined();
    const response = await fetch(`${baseUrl}/banking/bank_recipients`, {
      method: 'POST',
      headers: { authorization: 'Bearer key', 'company-id': 'acme', origin: page },
      body: '{"name":"Acme Vendor"}',
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('access-control-allow-origin')).toBe(page);
    expect(await response.json()).toMatchObject({
      errors: { rut: ["can't be blank", 'is invalid'] },
    });
    expect(await cli.nextLine()).toBe(
      'POST /banking/bank_recipients → validation-error-on-create 422',
    );
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  });

  it('plays an outage from the command line: the documented 503 for every API request, logged as such', async () => {
    const cli = runCli([
      '--provider',
      'cardda',
      '--outage',
      'service-unavailable-empty',
      '--outage-for',
      '60000',
    ]);
    const baseUrl = /baseUrl (http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(await cli.nextLine())?.[1];
    const response = await fetch(`${baseUrl}/banking/bank_transactions`, {
      headers: { authorization: 'Bearer key', 'company-id': 'acme' },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await cli.nextLine()).toBe(
      'GET /banking/bank_transactions → outage service-unavailable-empty 503',
    );
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  });

  it.each([
    [['--outage-for', '1000'], 2, '--outage-for needs --outage <scenario>'],
    [
      ['--outage', 'internal-error-traced', '--outage-share', '2'],
      2,
      '--outage-share must be a number above 0, at most 1',
    ],
    [['--outage', 'rate-limited'], 1, '"rate-limited" is not one'],
  ])('explains a bad outage %j, and exits %i', async (flags, exitCode, message) => {
    const { code, stderr } = await runCli(['--provider', 'cardda', ...flags]).exited;
    expect(code).toBe(exitCode);
    expect(stderr).toContain(message);
  });

  it('explains a bad command line and exits 2', async () => {
    const { code, stderr } = await runCli(['--provider', 'visa']).exited;
    expect(code).toBe(2);
    expect(stderr).toContain('--provider must be clara or cardda');
    expect(stderr).toContain('Usage: issuer-errors-fake');
  });

  it('names the bad entries of an invalid script and exits 2', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fake-cli-'));
    const script = join(folder, 'routes.json');
    await writeFile(
      script,
      JSON.stringify({ routes: [{ method: 'GET', path: 'cards', outcomes: [] }] }),
    );
    const { code, stderr } = await runCli(['--provider', 'clara', '--script', script]).exited;
    expect(code).toBe(2);
    expect(stderr).toContain('routes.0.path');
    expect(stderr).toContain('routes.0.outcomes');
  });

  it('names an unknown scenario in the script, and exits 2', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fake-cli-'));
    const script = join(folder, 'routes.json');
    await writeFile(
      script,
      JSON.stringify({ routes: [{ method: 'GET', path: '/cards', outcomes: ['no-such-error'] }] }),
    );
    const { code, stderr } = await runCli(['--provider', 'clara', '--script', script]).exited;
    expect(code).toBe(2);
    expect(stderr).toContain(`The script ${script} is not valid: Unknown scenario "no-such-error"`);
  });

  it('reports a script that is not JSON with the syntax error and its position, and exits 2', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fake-cli-'));
    const script = join(folder, 'routes.json');
    await writeFile(script, '{"routes": [}');
    const { code, stderr } = await runCli(['--provider', 'clara', '--script', script]).exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^The script ${script} is not JSON: .+ at position 12`));
    expect(stderr).not.toContain('(root)');
  });

  it.each([['--help'], ['-h']])(
    'prints the usage for %s on standard output, and exits 0',
    async (flag) => {
      const cli = runCli([flag]);
      const usage = await cli.nextLine();
      const { code, stderr } = await cli.exited;
      expect({ code, stderr, usage }).toEqual({
        code: 0,
        stderr: '',
        usage: expect.stringMatching(/^Usage: issuer-errors-fake --provider clara\|cardda/),
      });
    },
  );

  it('names an unknown option in its own words, and exits 2', async () => {
    const { code, stderr } = await runCli(['--provider', 'clara', '--bogus']).exited;
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Unknown option --bogus\n/);
  });

  it('refuses a host beyond loopback and exits 1', async () => {
    const { code, stderr } = await runCli(['--provider', 'clara', '--host', '0.0.0.0']).exited;
    expect(code).toBe(1);
    expect(stderr).toContain('loopback only');
  });

  it('says to build first when the command runs before the build, and exits 1', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fake-cli-'));
    await mkdir(join(folder, 'bin'));
    await copyFile(COMMAND, join(folder, 'bin', 'issuer-errors-fake.js'));
    const child = spawn(process.execPath, [join(folder, 'bin', 'issuer-errors-fake.js')]);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe(
      'issuer-errors-fake: dist/cli.js is missing; run `pnpm build` in the repository first\n',
    );
  });
});
