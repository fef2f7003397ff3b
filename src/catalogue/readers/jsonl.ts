import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RawRecord } from '../types.ts';
import { recordFromObject } from './object.ts';

/** One JSON object per line (`.jsonl`, `.ndjson`); blank lines are skipped. */
export async function* readJsonl(path: string, file = path): AsyncGenerator<RawRecord> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      yield { values: {}, readerProblem: `is not valid JSON (${(error as Error).message})`, source: { file, line } };
      continue;
    }
    yield recordFromObject(value, { file, line });
  }
}
