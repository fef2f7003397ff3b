/**
 * The dataset's few giants: 50k-character examples whose genson schema reaches 150k characters.
 * That ratio comes from maps keyed by data (ticker symbols, dates, ids): genson gives every key
 * its own property with a full sub-schema, so the schema is about three times the body.
 */
import type { Random } from './random.ts';
import { inferSchema } from './infer-schema.ts';
import { pythonJson } from './python-json.ts';

export const MAX_BODY_CHARS = 50_000;
export const MAX_SCHEMA_CHARS = 150_000;

/** A body of up to `MAX_BODY_CHARS` whose inferred schema stays within `MAX_SCHEMA_CHARS`. */
export function hugeBody(random: Random): unknown {
  const fields = random.shuffle(['open', 'high', 'low', 'close', 'volume', 'change', 'vwap', 'trades', 'adjusted', 'currency']).slice(0, random.int(4, 6));
  const entries: Array<[string, Record<string, unknown>]> = [];
  const seen = new Set<string>();
  // A name per entry tips the balance from the schema limit to the body limit.
  const named = random.chance(0.2);
  const meta = { symbolCount: 0, updatedAt: new Date(Date.UTC(2023, random.int(0, 11), random.int(1, 28))).toISOString(), source: 'synthetic' };
  let bodySize = pythonJson(meta).length + 40;
  let schemaSize = 300;
  for (;;) {
    const symbol = uniqueSymbol(seen, random);
    const entry: Record<string, unknown> = {};
    for (const field of fields) {
      entry[field] = field === 'currency' ? random.pick(['USD', 'EUR', 'JPY']) : field === 'volume' || field === 'trades' ? random.int(0, 99_999) : random.chance(0.6) ? random.int(0, 999) : random.int(1, 99_999) / 100;
    }
    if (named) entry.name = `${symbol} ${random.pick(['Holdings', 'Inc.', 'Group', 'Corp', 'Ltd'])}`;
    const entryBody = symbol.length + 4 + pythonJson(entry).length + 2;
    const entrySchema = symbol.length + 4 + pythonJson(inferSchema(entry, { schemaUri: false })).length + 2 + symbol.length + 4;
    if (bodySize + entryBody > MAX_BODY_CHARS * 0.99 || schemaSize + entrySchema > MAX_SCHEMA_CHARS * 0.99) break;
    entries.push([symbol, entry]);
    bodySize += entryBody;
    schemaSize += entrySchema;
  }
  meta.symbolCount = entries.length;
  const body = { meta, data: Object.fromEntries(entries) };
  // The estimates are close but not exact; trim until both texts are within the limits.
  while (pythonJson(body).length > MAX_BODY_CHARS || pythonJson(inferSchema(body)).length > MAX_SCHEMA_CHARS) {
    const last = entries.pop()!;
    delete body.data[last[0]];
    meta.symbolCount = entries.length;
  }
  return body;
}

function uniqueSymbol(seen: Set<string>, random: Random): string {
  for (;;) {
    const symbol = Array.from({ length: random.int(3, 5) }, () => String.fromCharCode(65 + random.int(0, 25))).join('');
    if (!seen.has(symbol)) {
      seen.add(symbol);
      return symbol;
    }
  }
}
