import { describe, expect, it } from 'vitest';
import { connectMatches } from '@/utils/content-registration';

describe('connectMatches', () => {
  it('always covers Nango Connect and adds extra origins once', () => {
    expect(connectMatches()).toEqual(['https://connect.nango.dev/*']);
    expect(connectMatches(['https://connect.example.com', 'https://connect.example.com'])).toEqual([
      'https://connect.nango.dev/*',
      'https://connect.example.com/*',
    ]);
  });
});
