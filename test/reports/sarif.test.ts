import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.ts';
import { renderSarif, SARIF_FINGERPRINT_KEY } from '../../src/reports/index.ts';
import { RULES } from '../../src/rules/index.ts';
import { fixtureInput } from './fixture.ts';

// The official schema is draft-04; its keywords are read alike by ajv's default draft, once the
// draft-04 `id` is spelled `$id` and the meta-schema reference is left out.
const { $schema: _draft04, id, ...official } = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof import('ajv-formats').default;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile({ $id: id as string, ...official });

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string; help: { text: string }; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[];
}

const render = (findings?: Finding[]) => JSON.parse(renderSarif(fixtureInput({ rules: RULES, ...(findings ? { findings } : {}) }))) as SarifLog;

describe('renderSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = render();
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toHaveLength(30);
    // The schema is no rubber stamp: a result without a message is refused.
    const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validateSarif(broken)).toBe(false);
  });

  it('has one reportingDescriptor per registry rule, with help text and the default level', () => {
    const rules = render().runs[0]!.tool.driver.rules;
    // Plus one by id for a finding whose rule the registry lacks (the fixture has one).
    const unknown = [...new Set(fixtureInput().findings.map((f) => f.ruleId).filter((id) => !RULES.some((r) => r.id === id)))];
    expect(unknown).toEqual(['api/no-error-responses']);
    expect(rules.map((r) => r.id).sort()).toEqual([...RULES.map((r) => r.id), ...unknown].sort());
    for (const rule of rules) {
      const definition = RULES.find((r) => r.id === rule.id);
      if (!definition) continue;
      expect(rule.help.text).toContain(definition.why);
      expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[definition.severity]);
    }
  });

  it('gives levels from severities and points each result at its rule', () => {
    const log = render();
    const rules = log.runs[0]!.tool.driver.rules;
    const levels = new Set(log.runs[0]!.results.map((r) => r.level));
    expect([...levels].sort()).toEqual(['error', 'note', 'warning']);
    for (const result of log.runs[0]!.results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('locates catalogue findings at file:line and the others at the generated schema file', () => {
    const [row, endpoint, api]: [Finding, Finding, Finding] = [
      { ruleId: 'example/violates-schema', severity: 'error', api: 'enode-api', endpoint: 'get-vehicles', status: 200, pointer: '/0/lastSeen', message: 'bad', source: { file: 'data/catalogue.csv', line: 93 } },
      { ruleId: 'status/validation-error-not-422', severity: 'warning', api: 'd7sms', endpoint: 'send-viber-message', status: 402, message: 'use 422' },
      { ruleId: 'status/inconsistent-within-api', severity: 'info', api: 'd7sms', endpoint: '', message: 'two kinds' },
    ];
    const results = render([row, endpoint, api]).runs[0]!.results;
    const at = (f: Finding) => results.find((r) => r.ruleId === f.ruleId)!.locations[0]!.physicalLocation;
    expect(at(row)).toEqual({ artifactLocation: { uri: 'data/catalogue.csv' }, region: { startLine: 93 } });
    expect(at(endpoint)).toEqual({ artifactLocation: { uri: 'generated/schemas/d7sms/send-viber-message.schema.json' } });
    expect(at(api)).toEqual({ artifactLocation: { uri: 'data/catalogue.csv' } });
  });

  it('keeps a finding’s fingerprint when its row moves or its message is reworded, and tells findings apart', () => {
    const base: Finding = { ruleId: 'example/violates-schema', severity: 'error', api: 'enode-api', endpoint: 'get-vehicles', status: 200, example: 0, pointer: '/0/lastSeen', message: 'must match format', source: { file: 'data/catalogue.csv', line: 93 } };
    const fingerprint = (f: Finding) => render([f]).runs[0]!.results[0]!.partialFingerprints[SARIF_FINGERPRINT_KEY]!;
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ ...base, source: { file: 'data/catalogue.csv', line: 120 }, message: 'reworded' })).toBe(fingerprint(base));
    expect(fingerprint({ ...base, pointer: '/1/lastSeen' })).not.toBe(fingerprint(base));
    expect(fingerprint({ ...base, status: 201 })).not.toBe(fingerprint(base));
    const all = render().runs[0]!.results.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY]);
    expect(all.every((f) => typeof f === 'string')).toBe(true);
  });

  it('is byte-identical whatever the order of the findings', () => {
    const input = fixtureInput({ rules: RULES });
    expect(renderSarif({ ...input, findings: [...input.findings].reverse() })).toBe(renderSarif(input));
  });
});
