import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

describe('generated TypeScript', () => {
  it('every generated file compiles with tsc --strict --noEmit', () => {
    const files = readdirSync(join(ROOT, 'generated/types'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(ROOT, 'generated/types', f));
    expect(files.length).toBe(76 + 16 + 1); // endpoint files, one index per API, the root index
    const tsc = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', ...files],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('the index exposes each API as a namespace with a status-discriminated union per endpoint', async () => {
    const { readFile } = await import('node:fs/promises');
    const index = await readFile(join(ROOT, 'generated/types/index.ts'), 'utf8');
    expect(index).toContain("export * as D7SMS from './d7sms/index.js';");
    const viber = await readFile(join(ROOT, 'generated/types/d7sms/send-viber-message.ts'), 'utf8');
    expect(viber).toContain('export interface SendViberMessageResponse402 {');
    expect(viber).toContain('| { status: 402; body: SendViberMessageResponse402 }');
    // single-example schemas are closed types: no index-signature noise
    expect(viber).not.toContain('[k: string]: unknown');
  });
});
