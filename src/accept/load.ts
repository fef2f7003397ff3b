import { readFile } from 'node:fs/promises';
import type { Finding } from '../findings/types.ts';
import { configError, inputError } from '../util/errors.ts';
import type { IgnoreEntry, IgnoreFile } from './accept.ts';

/** The default ignore file, read from the project root when it exists. */
export const IGNORE_FILE = 'apiconform.ignore.yaml';

const ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['rule', 'api', 'endpoint', 'reason'],
  properties: {
    rule: { type: 'string', minLength: 1 },
    api: { type: 'string', minLength: 1 },
    endpoint: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    pointer: { type: 'string', pattern: '^(/.*)?$' },
    reason: { type: 'string', minLength: 3 },
    expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
} as const;

/** `apiconform.ignore.yaml`: a list of entries, or `{ accepted: [...] }`. Every problem names the entry. */
export async function loadIgnoreFile(file: string): Promise<IgnoreFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw configError(`cannot read ignore file: ${(error as Error).message}`, { file });
  }
  const { parseDocument, isMap, isSeq } = await import('yaml');
  const document = parseDocument(text);
  if (document.errors.length > 0) throw configError(`ignore file is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`, { file });
  const value: unknown = document.toJS();
  const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : (value as { accepted?: unknown }).accepted;
  // the line of each entry, so that a warning about it points there
  const seq = isSeq(document.contents) ? document.contents : isMap(document.contents) ? document.contents.get('accepted', true) : undefined;
  const lines = isSeq(seq) ? seq.items.map((item) => lineOf(text, (item as unknown as { range?: readonly number[] }).range?.[0] ?? 0)) : [];
  if (!Array.isArray(list)) throw configError('ignore file must be a list of entries (or have an `accepted:` list)', { file });
  const { createAjv } = await import('../validators/ajv.ts');
  const validate = createAjv({ allErrors: true }).compile(ENTRY_SCHEMA);
  const problems: string[] = [];
  list.forEach((entry, i) => {
    if (!validate(entry)) {
      for (const e of validate.errors ?? []) {
        const what = e.keyword === 'additionalProperties' ? `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"` : `${e.instancePath || ''} ${e.message}`.trim();
        problems.push(`entry ${i + 1}: ${what}`);
      }
    }
  });
  if (problems.length > 0) throw configError(`invalid ignore file (entries need rule, api, endpoint, reason; status, pointer, expires are optional):\n  ${problems.join('\n  ')}`, { file });
  return { file, entries: (list as IgnoreEntry[]).map((entry, i) => ({ ...entry, line: lines[i] ?? 1 })) };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A baseline is a `findings.json` (of any command); only its findings are used. */
export async function loadBaseline(file: string): Promise<{ file: string; findings: Finding[] }> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw inputError(`cannot read baseline: ${(error as Error).message.split('\n')[0]}`, { file });
  }
  const findings = (value as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings)) throw inputError('baseline is not a findings.json (no "findings" list); write one with `apiconform baseline`', { file });
  return { file, findings: findings as Finding[] };
}
