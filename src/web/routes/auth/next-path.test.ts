import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

const ORIGIN = 'https://sanad.example.org';

describe('safeNextPath', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeNextPath('/admin/users?active=true#top', ORIGIN)).toBe('/admin/users?active=true#top');
    expect(safeNextPath('/account', ORIGIN)).toBe('/account');
  });

  it('goes home without a next, or with one that would leave the site', () => {
    for (const next of [null, '', 'account', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\t/evil.example', ' /account']) {
      expect(safeNextPath(next, ORIGIN), String(next)).toBe('/');
    }
  });

  it('never sends the user back to the login page', () => {
    expect(safeNextPath('/login?next=%2Faccount', ORIGIN)).toBe('/');
  });
});
