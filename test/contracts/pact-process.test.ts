import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { runPactProcess } from '../../src/contracts/pact-process.ts';
import { redactor } from '../../src/util/secrets.ts';
import { ApiconformError } from '../../src/util/errors.ts';
import { ROOT } from '../helpers.ts';

const fixture = (name: string) => pathToFileURL(join(ROOT, 'test/fixtures/contracts', name));

describe('runPactProcess', () => {
  it('stops a Pact process that hangs, at the deadline, and shows what it printed (redacted)', async () => {
    const started = Date.now();
    const error = await runPactProcess(fixture('hanging-pact-child.js'), { secret: 'sekret-123' }, { timeoutMs: 500, redact: redactor(['sekret-123']) }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(ApiconformError);
    expect((error as Error).message).toContain('did not finish within 500 ms');
    expect((error as Error).message).toContain('stuck while holding [redacted]');
    expect((error as Error).message).not.toContain('sekret-123');
  });

  it('turns a failure reply into an error with the output that came with it', async () => {
    const error = await runPactProcess(fixture('failing-pact-child.js'), {}, { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Pact failed: Test failed for the following reasons: mismatch\nnative library says: boom$/);
  });
});
