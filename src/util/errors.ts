/**
 * Errors of the tool or of its input (as opposed to findings, which are data about the catalogue
 * or the API). Each carries a kind, which decides the exit code, and the context a user needs to
 * find the problem: file, line, row id, JSON pointer.
 */
export type ErrorKind = 'usage' | 'config' | 'input' | 'internal';

export interface ErrorContext {
  file?: string;
  line?: number;
  rowId?: string;
  pointer?: string;
}

export class ApiconformError extends Error {
  override readonly name = 'ApiconformError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly context: ErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** `file:line (row id): message`, the form every user-facing error is printed in. */
  describe(): string {
    const { file, line, rowId, pointer } = this.context;
    const where = [file && (line ? `${file}:${line}` : file), rowId && `row ${rowId}`, pointer && `at ${pointer}`]
      .filter(Boolean)
      .join(' ');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

export const usageError = (message: string) => new ApiconformError('usage', message);
export const inputError = (message: string, context: ErrorContext = {}, cause?: unknown) =>
  new ApiconformError('input', message, context, { cause });
export const configError = (message: string, context: ErrorContext = {}) =>
  new ApiconformError('config', message, context);

export function errorMessage(error: unknown): string {
  if (error instanceof ApiconformError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}
