/**
 * Two versions of the bundled catalogue for trying the breaking-change gate (README "Gate a
 * catalogue change"): v1 marks D7SMS NumLookup's `network` as deprecated; v2 removes it and
 * Send Viber Message's required `created_at`, and adds a `cost` to NumLookup.
 *
 *   node src/cli/run-ts.js scripts/demo-gate.ts [OUT_DIR]     (default .cache/demo)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const out = process.argv[2] ?? '.cache/demo';
const rows = parse(await readFile('data/catalogue.csv', 'utf8')) as string[][];
const [header] = rows;
const column = (name: string) => header!.indexOf(name);
const [endpoint, status, schemaColumn] = [column('endpoint_name'), column('response_status_code'), column('response_json_schema')];

type Schema = { properties: Record<string, Record<string, unknown>>; required?: string[] };
function version(edit: (schemaOf: (endpointName: string, code: string) => Schema) => void): string {
  const copy = rows.map((row) => [...row]);
  const edited = new Map<string[], Schema>();
  edit((endpointName, code) => {
    const row = copy.find((r) => r[endpoint] === endpointName && r[status] === code)!;
    const schema = edited.get(row) ?? (JSON.parse(row[schemaColumn]!) as Schema);
    edited.set(row, schema);
    return schema;
  });
  for (const [row, schema] of edited) row[schemaColumn] = JSON.stringify(schema);
  return stringify(copy, { record_delimiter: 'unix' });
}

const v1 = version((schemaOf) => {
  const lookup = schemaOf('NumLookup', '200');
  lookup.properties.network = { ...lookup.properties.network, deprecated: true };
});
const v2 = version((schemaOf) => {
  const lookup = schemaOf('NumLookup', '200');
  delete lookup.properties.network;
  lookup.required = lookup.required?.filter((name) => name !== 'network');
  lookup.properties.cost = { type: 'number' };
  const viber = schemaOf('Send Viber Message', '200');
  delete viber.properties.created_at;
  viber.required = viber.required?.filter((name) => name !== 'created_at');
});
await mkdir(out, { recursive: true });
await writeFile(join(out, 'v1.csv'), v1);
await writeFile(join(out, 'v2.csv'), v2);
console.log(`wrote ${join(out, 'v1.csv')} and ${join(out, 'v2.csv')}`);
