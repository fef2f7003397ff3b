import { describe, expect, it } from 'vitest';
import { assignSlugs, pascalCase, slugify, MAX_SLUG_LENGTH } from '../../src/util/slug.ts';

describe('slugify', () => {
  it.each([
    ['D7API - Check Balance', 'd7api-check-balance'],
    ['Compensate GHG/CO2', 'compensate-ghg-co2'],
    ['getVehicles', 'get-vehicles'],
    ['D7SMS', 'd7sms'],
    ['Café Crème', 'cafe-creme'],
    ['../../x', 'x'],
    ['..', 'fallback'],
    ['.', 'fallback'],
    ['', 'fallback'],
    ['日本語', 'fallback'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name, 'fallback')).toBe(slug);
  });

  it('is at most 64 characters and ends on a word', () => {
    const slug = slugify('word '.repeat(40), 'f');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('assignSlugs', () => {
  const a = { id: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Get User' };
  const b = { id: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'get user' };
  const c = { id: 'cccccccc-0000-4000-8000-000000000003', name: 'List Users' };

  it('keeps unique names readable and settles clashes with a uuid suffix on every clashing item', () => {
    const slugs = assignSlugs([a, b, c], 'endpoint');
    expect(slugs.get(c.id)).toBe('list-users');
    expect(slugs.get(a.id)).toBe('get-user-aaaaaaaa');
    expect(slugs.get(b.id)).toBe('get-user-bbbbbbbb');
  });

  it('does not depend on order, and adding an unrelated endpoint renames nothing', () => {
    const before = assignSlugs([a, b, c], 'endpoint');
    const after = assignSlugs([c, { id: 'dddddddd-0000-4000-8000-000000000004', name: 'Delete User' }, b, a], 'endpoint');
    for (const item of [a, b, c]) expect(after.get(item.id)).toBe(before.get(item.id));
  });

  it('gives names that slug to nothing a fallback from their uuid', () => {
    expect(assignSlugs([{ id: a.id, name: '../..' }], 'api').get(a.id)).toBe('api-aaaaaaaa');
  });
});

describe('pascalCase', () => {
  it.each([
    ['Send Viber Message', 'SendViberMessage'],
    ['getVehicles', 'GetVehicles'],
    ['D7API - Check Balance', 'D7APICheckBalance'],
    ['2fa verify', '_2faVerify'],
    ['', 'Fallback'],
  ])('%j → %j', (name, type) => {
    expect(pascalCase(name, 'Fallback')).toBe(type);
  });
});
