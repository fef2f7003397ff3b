import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/index.ts';
import { renderChangelog } from '../../src/reports/changelog.ts';
import { parseReportFormats, writeReports } from '../../src/reports/index.ts';
import { RULES } from '../../src/rules/index.ts';

const finding = (ruleId: string, severity: Finding['severity'], endpoint: string, message: string, extra: Partial<Finding> = {}): Finding => ({ ruleId, severity, api: 'd7sms', endpoint, status: 200, message, ...extra });

describe('--format changelog', () => {
  const input = {
    tool: { name: 'apiconform', version: '0' },
    command: 'diff',
    catalogue: { file: 'data/catalogue.csv', rows: 1, apis: 1, endpoints: 2, responses: 2 },
    findings: [
      finding('diff/required-property-removed', 'error', 'send-viber-message', 'D7SMS › Send Viber Message › 200: created_at: is gone from the response', { accepted: { by: 'ignore', reason: 'no client reads it' } }),
      finding('diff/enum-value-added', 'warning', 'num-lookup', 'D7SMS › NumLookup › 200: status: may now be "queued"'),
      finding('diff/property-added', 'info', 'num-lookup', 'D7SMS › NumLookup › 200: cost: is new'),
      { ruleId: 'diff/endpoint-removed', severity: 'error' as const, api: 'smsto', endpoint: 'get-message-by-id', message: 'SMSto › Get message by id is gone' },
    ],
    cases: [
      { api: 'd7sms', apiName: 'D7SMS', endpoint: 'num-lookup', endpointName: 'NumLookup', status: 200 },
      { api: 'd7sms', apiName: 'D7SMS', endpoint: 'send-viber-message', endpointName: 'Send Viber Message', status: 200 },
    ],
    rules: RULES,
    failOn: 'error' as const,
  };

  it('groups by API, then breaking / changed / added, with accepted changes marked', () => {
    expect(renderChangelog(input)).toBe(
      [
        '# Changelog: data/catalogue.csv',
        '',
        '## D7SMS (`d7sms`)',
        '',
        '### Breaking',
        '',
        '- Send Viber Message 200: created\\_at: is gone from the response (`diff/required-property-removed`) — accepted: no client reads it',
        '',
        '### Changed',
        '',
        '- NumLookup 200: status: may now be "queued" (`diff/enum-value-added`)',
        '',
        '### Added',
        '',
        '- NumLookup 200: cost: is new (`diff/property-added`)',
        '',
        '## smsto (`smsto`)',
        '',
        '### Breaking',
        '',
        '- get-message-by-id: SMSto › Get message by id is gone (`diff/endpoint-removed`)',
        '',
      ].join('\n'),
    );
  });

  it('is a format --format accepts, written as changelog.md, and not written unless asked for', async () => {
    expect(parseReportFormats('md,changelog')).toEqual(['md', 'changelog']);
    const { mkdtemp, readdir, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'apiconform-changelog-'));
    await writeReports(dir, input);
    expect((await readdir(dir)).sort()).toEqual(['findings.json', 'index.html', 'junit.xml', 'summary.md']);
    await writeReports(dir, input, ['changelog']);
    expect(await readdir(dir)).toContain('changelog.md');
    await rm(dir, { recursive: true, force: true });
  });
});
