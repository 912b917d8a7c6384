import { describe, expect, it } from 'vitest';
import { startRedisServer } from './start-redis-server';

describe('startRedisServer', () => {
  it('says how to install redis-server when the command is missing', async () => {
    const started = startRedisServer({ command: 'redis-server-that-is-not-installed' });
    await expect(started).rejects.toMatchObject({
      code: 'invalid_client_setup',
      message:
        'redis-server could not be started: install it (Debian: apt-get install redis-server)',
    });
  });
});
