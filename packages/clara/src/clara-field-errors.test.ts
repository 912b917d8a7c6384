import { describe, expect, it } from 'vitest';
import { clara } from './clara';

// Clara's docs: "Some endpoints return additional context in a details array".
describe('clara: field errors from the details array', () => {
  it('reads each detail naming a field as that field’s error', () => {
    const error = clara.normalize({
      status: 400,
      body: {
        code: 'VALIDATION_ERROR',
        message: 'Request validation failed',
        details: [
          { field: 'email', message: 'must be a valid email' },
          { field: 'phone', message: 'is required' },
        ],
      },
    });
    expect(error.fieldErrors).toEqual({
      email: ['must be a valid email'],
      phone: ['is required'],
    });
  });
});
