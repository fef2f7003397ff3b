import { describe, expect, it } from 'vitest';
import { endpointFilter, globMatcher } from '../../src/util/glob.ts';

describe('globs for --match / --exclude and ignore entries', () => {
  it('* matches any run of characters, the rest is literal', () => {
    expect(globMatcher('send-*')('send-viber-message')).toBe(true);
    expect(globMatcher('send-*')('resend')).toBe(false);
    expect(globMatcher('a.b')('axb')).toBe(false);
    expect(globMatcher('*')('')).toBe(true);
  });

  it('a pattern without / names APIs, with / endpoints; exclude wins over match', () => {
    const items = [
      { api: 'd7sms', endpoint: 'num-lookup' },
      { api: 'd7sms', endpoint: 'send-viber-message' },
      { api: 'smsto', endpoint: 'get-message-by-id' },
      { api: 'smsto', endpoint: '' },
    ];
    const keep = (match: string[], exclude: string[] = []) => items.filter(endpointFilter(match, exclude)).map((i) => `${i.api}/${i.endpoint}`);
    expect(keep([])).toHaveLength(4);
    expect(keep(['d7sms'])).toEqual(['d7sms/num-lookup', 'd7sms/send-viber-message']);
    expect(keep(['*/send-*', 'smsto/get-*'])).toEqual(['d7sms/send-viber-message', 'smsto/get-message-by-id']);
    expect(keep(['smsto'])).toEqual(['smsto/get-message-by-id', 'smsto/']);
    expect(keep([], ['d7sms/num-*', 'smsto'])).toEqual(['d7sms/send-viber-message']);
  });
});
