import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/types.ts';
import { renderJunit } from '../../src/reports/index.ts';
import { uniqueCases } from '../../src/reports/summary.ts';
import { escapeXmlAttribute, escapeXmlText } from '../../src/reports/xml.ts';
import { FIXTURE_FINDINGS, fixtureInput } from './fixture.ts';
import { findAll, parseXml } from './xml-wellformed.ts';

const caseName = (f: Pick<Finding, 'api' | 'endpoint' | 'status'>) =>
  f.api === '' && f.endpoint === '' ? '(catalogue)' : `${f.endpoint === '' ? '(api)' : f.endpoint}${f.status === undefined ? '' : ` ${f.status}`}`;

describe('the well-formedness checker used below', () => {
  it.each([
    ['mismatched tags', '<a><b></a></b>'],
    ['bare ampersand', '<a>x & y</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['illegal character reference', '<a>&#1;</a>'],
    ['raw control character', '<a>\u0001</a>'],
    ['unquoted attribute', '<a b=c/>'],
    ['repeated attribute', '<a b="1" b="2"/>'],
    ['< in attribute', '<a b="<"/>'],
    ['two roots', '<a/><b/>'],
    ['unclosed', '<a><b/>'],
  ])('rejects %s', (_name, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

describe('renderJunit', () => {
  const input = fixtureInput();
  const xml = renderJunit(input);
  const root = parseXml(xml);
  const testcases = findAll(root, 'testcase');

  it('is well-formed: testsuites → testsuite per API → testcase', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(root.children.every((child) => child.name === 'testsuite')).toBe(true);
    for (const suite of root.children) {
      const cases = suite.children.filter((child) => child.name === 'testcase');
      expect(Number(suite.attributes.tests)).toBe(cases.length);
      expect(Number(suite.attributes.failures)).toBe(cases.filter((c) => c.children.some((x) => x.name === 'failure')).length);
      for (const testcase of cases) expect(testcase.attributes.classname).toBe(suite.attributes.name);
    }
    expect(Number(root.attributes.tests)).toBe(testcases.length);
  });

  it('has one testcase per checked endpoint×status, named "endpoint status" with the api as classname', () => {
    const names = new Set(testcases.map((t) => `${t.attributes.classname}|${t.attributes.name}`));
    const cases = uniqueCases(input.cases);
    expect(cases).toHaveLength(98);
    for (const c of cases) expect(names.has(`${c.api}|${c.endpoint} ${c.status}`)).toBe(true);
    // Plus one per place that has findings but was not a checked case: never a dropped finding.
    const extra = new Set(
      FIXTURE_FINDINGS.filter((f) => !cases.some((c) => c.api === f.api && c.endpoint === f.endpoint && c.status === f.status)).map(
        (f) => `${f.api === '' ? '(catalogue)' : f.api}|${caseName(f)}`,
      ),
    );
    expect(extra.size).toBe(7);
    expect(testcases).toHaveLength(cases.length + extra.size);
    expect(new Set(testcases.map((t) => `${t.attributes.classname}|${t.attributes.name}`)).size).toBe(testcases.length);
  });

  it('fails exactly the testcases with error findings, one <failure> each listing every error', () => {
    const errors = FIXTURE_FINDINGS.filter((f) => f.severity === 'error');
    const failing = new Set(errors.map((f) => `${f.api === '' ? '(catalogue)' : f.api}|${caseName(f)}`));
    const failures = findAll(root, 'failure');
    expect(failures).toHaveLength(failing.size);
    expect(Number(root.attributes.failures)).toBe(failing.size);
    for (const testcase of testcases) {
      const own = testcase.children.filter((c) => c.name === 'failure');
      expect(own.length).toBe(failing.has(`${testcase.attributes.classname}|${testcase.attributes.name}`) ? 1 : 0);
    }
    for (const error of errors) {
      const testcase = testcases.find(
        (t) => t.attributes.classname === (error.api === '' ? '(catalogue)' : error.api) && t.attributes.name === caseName(error),
      )!;
      const failure = testcase.children.find((c) => c.name === 'failure')!;
      expect(failure.text).toContain(error.message);
      expect(failure.attributes.type!.split(' ')).toContain(error.ruleId);
    }
    const getInverter = testcases.find((t) => t.attributes.name === 'get-inverter 200')!;
    const failure = getInverter.children.find((c) => c.name === 'failure')!;
    expect(failure.attributes.message).toMatch(/^3 errors; first: /);
    expect(failure.text).toContain('at /productionState/lastUpdated');
    expect(failure.text).toContain('evidence: 2022-04-07T16:21:76Z');
    expect(failure.text).toContain('source: data/catalogue.csv:94 (row 8a633727-9544-4879-a8c5-4b6df59e4c29/11802fe4-e024-42e9-b0d3-017da08d3715/0/0)');
  });

  it('puts warnings and infos in system-out without failing the testcase', () => {
    const friend = testcases.find((t) => t.attributes.name === 'friendchat-sms 130')!;
    expect(friend.children.map((c) => c.name)).toEqual(['system-out']);
    expect(friend.children[0]!.text).toContain('[warning] status/non-standard');
    const getInverter = testcases.find((t) => t.attributes.name === 'get-inverter 200')!;
    expect(getInverter.children.find((c) => c.name === 'system-out')!.text).toContain('[info] schema/normalised');
  });

  it('puts catalogue-wide findings in a (catalogue) suite and API-wide ones in an (api) testcase', () => {
    const catalogue = root.children.find((s) => s.attributes.name === '(catalogue)')!;
    expect(catalogue.children.map((c) => c.attributes.name)).toEqual(['(catalogue)']);
    expect(root.children[0]).toBe(catalogue);
    const smsto = root.children.find((s) => s.attributes.name === 'smsto')!;
    expect(smsto.children.some((c) => c.attributes.name === '(api)')).toBe(true);
    expect(smsto.children.find((c) => c.name === 'properties')!.children[0]!.attributes).toEqual({ name: 'api.name', value: 'SMSto' });
  });

  it('stays well-formed with control characters, lone surrogates and markup in catalogue text', () => {
    const hostile = 'a\u0000b\u001bc\ufffe\uffff\ud800d <tag attr="x">&amp; ]]> \'q\'\r\nnext\ttab 😀';
    const findings: Finding[] = [
      { ruleId: 'example/violates-schema', severity: 'error', api: 'evil', endpoint: 'ep', status: 200, message: hostile, pointer: '/a\u0001', evidence: { [hostile]: hostile } },
      { ruleId: 'x/warn', severity: 'warning', api: 'evil', endpoint: 'ep', status: 200, message: hostile },
    ];
    const out = renderJunit(fixtureInput({ findings, cases: [{ api: 'evil', apiName: `${hostile}<>"`, endpoint: 'ep', endpointName: 'x', status: 200 }] }));
    const tree = parseXml(out);
    const failure = findAll(tree, 'failure')[0]!;
    const visible = 'a\\u0000b\\u001bc\\ufffe\\uffff\\ud800d <tag attr="x">&amp; ]]> \'q\'';
    expect(failure.attributes.message).toBe(`${visible}\r\nnext\ttab 😀`);
    expect(failure.text).toContain(`${visible}\r\nnext\ttab 😀`);
    expect(findAll(tree, 'system-out')[0]!.text).toContain(visible);
    expect(findAll(tree, 'property')[0]!.attributes.value).toBe(`${visible}\r\nnext\ttab 😀<>"`);
  });

  it('escapes every markup character in attributes and text', () => {
    expect(escapeXmlAttribute(`<&>"'\t\n\r`)).toBe('&lt;&amp;&gt;&quot;&apos;&#9;&#10;&#13;');
    expect(escapeXmlText('<&>\r]]>')).toBe('&lt;&amp;&gt;&#13;]]&gt;');
    expect(escapeXmlText('\u0008')).toBe('\\u0008');
  });

  it('adds the run time only when it is given', () => {
    expect(root.attributes.time).toBeUndefined();
    expect(parseXml(renderJunit(fixtureInput({ durationMs: 1234 }))).attributes.time).toBe('1.234');
  });

  it('is deterministic and independent of the order findings and cases arrive in', () => {
    const shuffled = fixtureInput({ findings: [...FIXTURE_FINDINGS].reverse(), cases: [...input.cases].reverse() });
    expect(renderJunit(shuffled)).toBe(xml);
    expect(renderJunit(fixtureInput())).toBe(xml);
  });
});
