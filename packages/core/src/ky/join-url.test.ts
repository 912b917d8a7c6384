import { describe, expect, it } from 'vitest';
import { joinUrl } from './join-url';

describe('joinUrl', () => {
  it('puts one slash between a base URL and a path that have none', () => {
    expect(joinUrl('https://issuer.test/v1', 'cards')).toBe('https://issuer.test/v1/cards');
  });

  it('keeps one slash when both sides have slashes, however many', () => {
    expect(joinUrl('https://issuer.test/v1/', '/cards')).toBe('https://issuer.test/v1/cards');
    expect(joinUrl('https://issuer.test/v1///', '///cards')).toBe('https://issuer.test/v1/cards');
  });

  it('leaves the slashes inside the base URL and the path as they are', () => {
    expect(joinUrl('https://issuer.test/v1', 'cards/7/limits/')).toBe(
      'https://issuer.test/v1/cards/7/limits/',
    );
    expect(joinUrl('https://issuer.test//v1', '/cards//7')).toBe(
      'https://issuer.test//v1/cards//7',
    );
  });

  it('gives the base URL with one trailing slash for an empty path', () => {
    expect(joinUrl('https://issuer.test/v1//', '')).toBe('https://issuer.test/v1/');
  });
});
