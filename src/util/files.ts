import { stat } from 'node:fs/promises';
import { inputError } from './errors.ts';

/** Fails with a clear input error unless `file` is an existing regular file. */
export async function assertReadable(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw inputError('catalogue is not a file', { file });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw inputError('catalogue not found', { file });
    throw error;
  }
}
