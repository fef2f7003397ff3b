import { mkdir, open, rename, rm } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { dirname, basename, join } from 'node:path';

let counter = 0;

/** A temp name beside the target, unique per process, thread and call (no random bytes needed). */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}-${++counter}.tmp`);
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it: the
 * data goes to a temporary file beside the target (same filesystem), then is renamed over the
 * target. A run killed half-way leaves at most a stray `.*.tmp`, never a torn file. `durable`
 * also fsyncs before the rename (survives a power cut, at ~1 ms per file): on for manifests and
 * reports, off for the thousands of regenerable files of a build. The folder is made only when
 * the first write finds it missing.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { durable?: boolean } = {}): Promise<void> {
  const tmp = tempPath(path);
  let handle;
  try {
    handle = await open(tmp, 'w');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    handle = await open(tmp, 'w');
  }
  try {
    await handle.writeFile(data);
    if (options.durable !== false) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
