import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readPact, type PactDocument } from '../contracts/pact-file.ts';
import { inputError } from '../util/errors.ts';

/** `--pact FILE…` (files or folders; folders contribute their `*.json`) → pact documents, sorted by path. */
export async function loadPacts(paths: readonly string[]): Promise<Array<{ file: string; pact: PactDocument }>> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw inputError(`no pact file or folder ${path} (run \`apiconform contracts\` first, or pass --pact)`, { file: path });
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith('.json')).sort();
      files.push(...names.map((name) => join(path, name)));
    } else files.push(path);
  }
  if (files.length === 0) throw inputError(`no pact files in ${paths.join(', ')} (run \`apiconform contracts\` first)`);
  const unique = [...new Set(files)].sort();
  return Promise.all(unique.map(async (file) => ({ file, pact: await readPact(file) })));
}
