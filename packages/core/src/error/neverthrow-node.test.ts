import * as neverthrow from 'neverthrow';
import { describe, expect, it } from 'vitest';
import * as loaded from './neverthrow-node';

describe('neverthrow as core loads it on Node', () => {
  it('is the one neverthrow module of the process, the one an app imports', () => {
    expect(loaded.ok).toBe(neverthrow.ok);
    expect(loaded.err).toBe(neverthrow.err);
    expect(loaded.errAsync).toBe(neverthrow.errAsync);
    expect(loaded.ResultAsync).toBe(neverthrow.ResultAsync);
    expect(loaded.ok(1)).toBeInstanceOf(neverthrow.Ok);
  });
});
