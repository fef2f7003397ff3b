import { fork } from 'node:child_process';
import { ApiconformError } from '../util/errors.ts';

export interface PactProcessOptions {
  /** Kill the process and fail after this long (Pact's native code must never hang the tool). */
  timeoutMs: number;
  /** Strings to blank out of anything the process printed before it is shown in an error. */
  redact?: (text: string) => string;
}

/**
 * Runs a Pact job (a small `.js` entry next to this file) in a child process and returns its one
 * reply. Pact's native library prints its own output (verification reports, mock-server errors
 * such as "response has 1xx status") straight to the process's stdout/stderr; in a child that
 * output is captured instead of mixed into apiconform's, and a hung native call is killed at the
 * deadline. The job travels over IPC, so nothing in it lands on a command line or in a file.
 */
export function runPactProcess<Reply>(entry: URL, job: unknown, options: PactProcessOptions): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const child = fork(entry, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-16_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let reply: { ok: true; value: Reply } | { ok: false; message: string } | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('message', (message) => {
      reply = message as typeof reply;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ApiconformError('internal', `cannot start the Pact process: ${error.message}`, {}, { cause: error }));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const printed = (options.redact ?? ((t: string) => t))(output.trim());
      const tail = printed ? `\n${printed.split('\n').slice(-20).join('\n')}` : '';
      if (timedOut) return reject(new ApiconformError('internal', `the Pact process did not finish within ${options.timeoutMs} ms and was stopped${tail}`));
      if (reply?.ok) return resolve(reply.value);
      if (reply && !reply.ok) return reject(new ApiconformError('internal', `Pact failed: ${(options.redact ?? ((t: string) => t))(reply.message)}${tail}`));
      reject(new ApiconformError('internal', `the Pact process exited (${signal ?? `code ${code}`}) without an answer${tail}`));
    });
    child.send(job as never);
  });
}
