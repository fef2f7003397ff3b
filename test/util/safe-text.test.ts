import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeControl, safeLine } from '../../src/util/safe-text.ts';
import { formatFindingLine } from '../../src/cli/output.ts';
import { RENDERERS } from '../../src/reports/write.ts';
import type { Finding } from '../../src/findings/types.ts';
import { fixtureInput } from '../reports/fixture.ts';
import { removeDir, runCli, tempDir } from '../helpers.ts';

// ESC [2J (clear screen), BEL, a lone CR (overwrites the line in a CI log), C1 CSI, DEL, a bidi override
const HOSTILE = 'ok\u001b[2J\u0007\rfake PASS\u009b31m\u007f\u202egnp.exe';
/** Any character a terminal or a viewer acts on, outside tab, newline and CRLF. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('control characters in provider and catalogue text', () => {
  it('are written as visible escapes; tab, newline and CRLF stay unless the text must be one line', () => {
    expect(escapeControl(HOSTILE)).toBe('ok\\u001b[2J\\u0007\\u000dfake PASS\\u009b31m\\u007f\\u202egnp.exe');
    expect(escapeControl('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    expect(escapeControl('a\tb\nc', true)).toBe('a\\u0009b\\u000ac');
  });

  it('never reach a report raw, in any format', () => {
    const finding: Finding = {
      ruleId: 'drift/undocumented-status',
      severity: 'error',
      api: 'evil',
      endpoint: 'ep',
      status: 418,
      pointer: `/${HOSTILE}`,
      message: `provider said ${HOSTILE}`,
      evidence: { body: HOSTILE, [HOSTILE]: [HOSTILE] },
    };
    const input = fixtureInput({ findings: [finding], cases: [{ api: 'evil', apiName: `Evil ${HOSTILE}`, endpoint: 'ep', endpointName: HOSTILE, status: 418 }] });
    for (const [format, render] of Object.entries(RENDERERS)) {
      // the changelog lists diff findings only: give it one
      const out = render(format === 'changelog' ? { ...input, command: 'diff', findings: [{ ...finding, ruleId: 'diff/endpoint-removed' }] } : input);
      expect(RAW_CONTROL.test(out), format).toBe(false);
      expect(out, format).toContain(format === 'changelog' ? 'u001b' : 'u001b[2J'); // Markdown text escapes the `[`
    }
  });

  it('never reach the terminal raw, in a finding line', () => {
    const coloured = formatFindingLine({ ruleId: 'drift/non-json-body', severity: 'error', api: 'evil', endpoint: `e${HOSTILE}`, message: `x\n${HOSTILE}` });
    // the line's own colours (on where the terminal or CI=true asks for them) are the only escapes left
    const line = coloured.replace(/\u001b\[\d+(;\d+)*m/g, '');
    expect(RAW_CONTROL.test(line)).toBe(false);
    expect(line).toContain('u001b[2J');
    expect(line).not.toContain('\n');
  });
});

describe('error lines', () => {
  it('are one line of at most 300 characters, then how many more there were', () => {
    expect(safeLine('short')).toBe('short');
    const line = safeLine(`found: ${'\u0000'.repeat(1_000_000)}`);
    expect(line.length).toBeLessThan(340);
    expect(line).toMatch(/^found: (\\u0000)+… 999952 more characters$/);
    expect(safeLine(`${'x'.repeat(299)}😀tail`)).toBe(`${'x'.repeat(299)}… 6 more characters`);
  });

  it('a CSV whose header is megabytes of NULs gives one short error line (exit 2)', async () => {
    const dir = await tempDir('apiconform-nul-');
    try {
      const file = join(dir, 'nul.csv');
      await writeFile(file, Buffer.alloc(2 * 1024 * 1024));
      const run = runCli(['build', file, '--out', join(dir, 'out')]);
      expect(run.code).toBe(2);
      expect(run.stderr.length).toBeLessThan(500);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/missing columns .*\\u0000.*… \d+ more characters/);
      expect(RAW_CONTROL.test(run.stderr)).toBe(false);
    } finally {
      await removeDir(dir);
    }
  }, 120_000);
});
