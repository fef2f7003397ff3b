import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../src/catalogue/index.ts';
import { checkExamples, SchemaCompiler, SchemaIndex } from '../../src/checks/conformance/index.ts';
import { lint } from '../../src/checks/lint/index.ts';
import type { Finding } from '../../src/findings/types.ts';
import { buildModel, type CatalogueModel } from '../../src/model/index.ts';
import { BUNDLED_CATALOGUE } from '../helpers.ts';

const ENODE = '8a633727-9544-4879-a8c5-4b6df59e4c29';

/** The 18 Enode examples that break their own schemas (endpoint uuid / response / example). */
const BROKEN_EXAMPLES = [
  '11802fe4-e024-42e9-b0d3-017da08d3715/0/0', // Get Inverter: vendor spread, lastSeen not a date
  '333872e2-03c6-4322-8cd6-65197009cab4/0/0', // Get Vehicles: "" dates, "<boolean>"
  '391267d6-b160-4ffa-a8d1-ef4bf4d74adf/0/0', // Get Health Vehicle Vendors: 3 items, maxItems 2
  '53c1d45d-7638-4cea-932f-ed1d4aadde2d/0/0', // Get Schedule Status: changedAt ""
  '5c7777ea-3627-4f21-a984-ae1a383f8cea/0/0', // Get Vehicles Action: targetId spread
  '5f494e94-de36-4f7b-a9fe-604c370fe37d/0/0', // Get HVACs Action
  '8c59079f-581c-44df-bc4f-38885f2698b5/0/0', // Get Schedule: required properties missing
  '8dd5769a-5092-41f2-82ca-cae03646e224/0/0', // Get Vehicle
  '9469cbf2-9022-4f7c-81dd-efbaca4269d0/0/0', // Get HVAC: mode/vendor spread
  'a2992a90-d9e2-4441-a257-194560b6c61e/0/0', // Get Health Inverter Vendors
  'a86615b9-db01-4a7c-86be-2dedea6abc40/0/0', // Get Smart Charging Status
  'b2598792-1747-4958-9ba1-82456205e51e/0/0', // Vehicle End External Start
  'cc6e3999-b8a7-415d-9955-170c88823c53/0/0', // Update Smart Charging Policy: "<boolean>"
  'd89f193b-5920-4152-bc0e-732c81d32376/1/0', // Set HVAC Permanent Hold
  'da07a8a2-e56b-43aa-9694-756b4e34c4ab/0/0', // Update HVAC
  'dfd253f7-1812-4334-b0b6-f177a552f011/0/0', // Get Health Charger Vendors
  'fc38c8e9-24e9-4ee2-84d4-5bdf32a29716/0/0', // Get Statistics Production: date-time where date is declared
  'fde11313-cfbe-4805-bcbe-bd2f148fafb0/0/0', // Get Smart Charging Policy: "<boolean>"
].map((suffix) => `${ENODE}/${suffix}`);

let model: CatalogueModel;
let allRowIds: string[];
beforeAll(async () => {
  const { rows } = await readCatalogue(BUNDLED_CATALOGUE);
  model = buildModel(rows).model;
  allRowIds = rows.map((r) => r.id);
});

const rowsOf = (findings: Finding[]) => [...new Set(findings.map((f) => f.source!.rowId!))].sort();

describe('example conformance on the bundled catalogue', () => {
  let findings: Finding[];
  let compiler: SchemaCompiler;
  beforeAll(async () => {
    compiler = new SchemaCompiler();
    findings = await checkExamples(model, { compiler });
  });

  it('finds exactly the 18 Enode examples that break their schemas, and nothing in the other 82 rows', () => {
    expect(allRowIds).toHaveLength(100);
    expect(findings.every((f) => f.ruleId === 'example/violates-schema')).toBe(true);
    expect(rowsOf(findings)).toEqual([...BROKEN_EXAMPLES].sort());
    const clean = allRowIds.filter((id) => !BROKEN_EXAMPLES.includes(id));
    expect(clean).toHaveLength(82);
    expect(findings.filter((f) => clean.includes(f.source!.rowId!))).toEqual([]);
  });

  it('names the pointer, keyword, expected and found value of each violation', () => {
    const spread = findings.find((f) => f.endpoint === 'get-inverter' && f.pointer === '/vendor' && (f.evidence as { keyword: string }).keyword === 'type');
    expect(spread).toMatchObject({
      api: 'enode-api',
      status: 200,
      example: 0,
      severity: 'error',
      evidence: { keyword: 'type', schemaPath: '#/properties/vendor/allOf/0/type', expected: 'string', found: { 0: 'S', 1: 'O', 2: 'L', 3: 'I', 4: 'S' } },
      source: { file: expect.stringContaining('catalogue.csv'), line: expect.any(Number), rowId: `${ENODE}/11802fe4-e024-42e9-b0d3-017da08d3715/0/0` },
    });
    expect(spread!.message).toContain('`/vendor` is an object {"0":"S","1":"O","2":"L","3":"I","4":"S"} but the schema wants type "string"');
    const tooMany = findings.find((f) => f.endpoint === 'get-health-charger-vendors')!;
    expect(tooMany).toMatchObject({ pointer: '', evidence: { keyword: 'maxItems', expected: 2 } });
    expect(tooMany.message).toContain('the body has 4 items; the schema allows at most 2');
    const empty = findings.find((f) => f.endpoint === 'get-schedule-status' && f.pointer === '/changedAt')!;
    expect(empty.message).toContain('is "" (empty), not a valid date-time');
    for (const f of findings) expect(f.evidence).toEqual(expect.objectContaining({ keyword: expect.any(String), schemaPath: expect.stringMatching(/^#/) }));
  });

  it('folds the alternatives of a failed anyOf into one finding', () => {
    const state = findings.filter((f) => f.endpoint === 'get-hvacs-action' && f.pointer === '/state');
    expect(state.map((f) => (f.evidence as { keyword: string }).keyword).sort()).toEqual(['anyOf', 'type']);
    const anyOf = state.find((f) => (f.evidence as { keyword: string }).keyword === 'anyOf')!;
    expect((anyOf.evidence as { branches: unknown[] }).branches).toHaveLength(4);
  });

  it('compiles only the schemas of the broken examples: the other 82 are decided without compiling', () => {
    expect(compiler.stats).toMatchObject({ oneShotValid: 82, ajvValidated: 18 });
    expect(compiler.stats.compiled).toBeLessThanOrEqual(18);
  });
});

describe('lint on the bundled catalogue', () => {
  let findings: Finding[];
  beforeAll(() => {
    findings = lint(model, { schemas: new SchemaIndex(model) });
  });
  const of = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
  const where = (list: Finding[]) => list.map((f) => `${f.api}/${f.endpoint} ${f.status ?? ''}`.trim());

  it('reports D7\'s validation errors under 402, and the 402/422 split inside D7SMS', () => {
    expect(where(of('status/validation-error-not-422'))).toEqual([
      'd7-number-validator/validate-number 402',
      'd7sms/num-lookup 402',
      'd7sms/send-viber-message 402',
    ]);
    const viber = of('status/validation-error-not-422').find((f) => f.endpoint === 'send-viber-message')!;
    expect(viber).toMatchObject({ pointer: '/detail', example: 0 });
    expect(viber.message).toContain('D7SMS › Send Viber Message › 402');
    expect(viber.message).toContain('answers a validation error (FastAPI/pydantic detail[].loc/msg/type, labelled "Validation Error") with 402 Payment Required; use 422 (or 400)');
    expect(viber.message).toContain('the same API uses 422 on Generate OTP, Get Message Status, Get OTP Status and 2 more');
    expect(where(of('status/inconsistent-within-api'))).toEqual(['d7sms/num-lookup 402', 'd7sms/send-viber-message 402']);
    for (const f of of('status/inconsistent-within-api')) expect(f.evidence).toMatchObject({ kind: 'validation', status: 402, expected: 422 });
  });

  it('finds the other catalogue cases the rules were written for', () => {
    expect(where(of('status/error-body-on-success'))).toEqual(['sms77io/create-webhook 200', 'sms77io/create-webhook 200']);
    expect(where(of('status/non-standard'))).toEqual(['friendchatik/friendchat-sms 130']);
    expect(where(of('endpoint/no-success-response'))).toEqual([
      'energy-optimizer/get-hours',
      'energy-optimizer/get-hours-available',
      'friendchatik/friendchat-sms',
      'text-flow-sms-api/check-otp-verification-code',
    ]);
    expect(where(of('error-envelope/inconsistent'))).toEqual(['d7sms/resend-otp 400', 'd7sms/resend-otp 400']);
    expect(new Set(where(of('example/string-spread-as-object')).map((w) => w.split(' ')[0]!.split('/')[0]))).toEqual(new Set(['enode-api']));
    expect(new Set(where(of('example/empty-placeholder')).map((w) => w.split(' ')[0]!.split('/')[0]))).toEqual(new Set(['enode-api']));
  });

  it('gives these counts per rule (every finding was reviewed by hand)', () => {
    const counts: Record<string, number> = {};
    for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    expect(counts).toEqual({
      'endpoint/no-success-response': 4,
      'error-envelope/inconsistent': 2,
      'example/empty-placeholder': 11,
      'example/string-spread-as-object': 13,
      'schema/overfitted': 7,
      'status/error-body-on-success': 2,
      'status/inconsistent-within-api': 2,
      'status/non-standard': 1,
      'status/validation-error-not-422': 3,
    });
  });

  it('every finding names its API, endpoint and source row, and says what to fix', () => {
    for (const f of findings) {
      expect(f.api).toMatch(/^[a-z0-9-]+$/);
      expect(f.endpoint).toMatch(/^[a-z0-9-]+$/);
      expect(f.source?.rowId).toMatch(/^[0-9a-f-]+\/[0-9a-f-]+\/\d+\/\d+$/);
      expect(f.message).toMatch(/;|—/);
    }
  });
});
