import { describe, expect, it } from 'vitest';
import { telUri } from './index.js';

describe('telUri', () => {
  it('dials a number written for readers: no trunk prefix in brackets, only digits, + and hyphens', () => {
    expect(telUri('+82(0)-2-733-5681')).toBe('tel:+82-2-733-5681');
    expect(telUri('+44 (0)20 7930 8411')).toBe('tel:+442079308411');
    expect(telUri('03-5213-1722')).toBe('tel:03-5213-1722');
  });
});
