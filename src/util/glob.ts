/** A name pattern where `*` matches any run of characters and everything else is literal. */
export function globMatcher(pattern: string): (value: string) => boolean {
  if (pattern === '*') return () => true;
  if (!pattern.includes('*')) return (value) => value === pattern;
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (value) => regex.test(value);
}

/**
 * `--match` / `--exclude` over `api/endpoint` slugs: a pattern without `/` names APIs
 * (`d7sms`, `sms*`), one with `/` names endpoints (`d7sms/num-*`, `*\/send-*`). Nothing to
 * match means everything matches.
 */
export function endpointFilter(match: readonly string[] = [], exclude: readonly string[] = []): (item: { api: string; endpoint: string }) => boolean {
  const compile = (pattern: string) => {
    const [api, endpoint] = pattern.includes('/') ? [pattern.slice(0, pattern.indexOf('/')), pattern.slice(pattern.indexOf('/') + 1)] : [pattern, '*'];
    const [apiMatches, endpointMatches] = [globMatcher(api), globMatcher(endpoint)];
    return (item: { api: string; endpoint: string }) => apiMatches(item.api) && (item.endpoint === '' ? endpoint === '*' : endpointMatches(item.endpoint));
  };
  const included = match.map(compile);
  const excluded = exclude.map(compile);
  return (item) => (included.length === 0 || included.some((m) => m(item))) && !excluded.some((m) => m(item));
}
