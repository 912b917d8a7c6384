import { describe, expect, it } from 'vitest';
import { testAdapter } from '../adapter/__fixtures__/test-adapter';
import { stoppedError } from './call-errors';

describe('stoppedError', () => {
  it('names the provider and says the request timed out', () => {
    const error = stoppedError(testAdapter, 'timeout');
    expect(error).toMatchObject({ provider: 'test', kind: 'timeout', code: 'timeout' });
    expect(error.message).toBe('Test: the request timed out');
    expect(error.status).toBeUndefined();
  });

  it('names the provider and says the request was cancelled', () => {
    const error = stoppedError(testAdapter, 'cancelled');
    expect(error).toMatchObject({ provider: 'test', kind: 'cancelled', code: 'cancelled' });
    expect(error.message).toBe('Test: the request was cancelled');
  });
});
