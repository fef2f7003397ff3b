import type { Finding } from '../findings/types.ts';
import { apiNamesOf, caseKey, summariseReport, uniqueCases } from './summary.ts';
import { evidenceText, sourceText } from './text.ts';
import type { ReportInput } from './types.ts';
import { escapeXmlAttribute, escapeXmlText } from './xml.ts';

/** Suite and testcase names for findings that are not about one endpoint×status. Never a slug: slugs have no parentheses. */
export const CATALOGUE_SUITE = '(catalogue)';
export const API_CASE = '(api)';

const EVIDENCE_CHARS = 2_000;

interface JunitCase {
  classname: string;
  name: string;
  endpoint: string;
  status: number | undefined;
  findings: Finding[];
}

interface JunitSuite {
  name: string;
  apiName: string | undefined;
  cases: Map<string, JunitCase>;
}

/**
 * `junit.xml`: testsuites → one testsuite per API → one testcase per checked endpoint×status
 * (`classname` = api slug, `name` = `endpoint status`). A finding about a whole API is a testcase
 * `(api)` in that API's suite; one about the catalogue sits in a `(catalogue)` suite; a finding
 * for an endpoint×status that was not among the checked cases gets a testcase of its own, so no
 * finding is ever dropped.
 *
 * A testcase with error findings has exactly ONE `<failure>` listing all of them: several
 * `<failure>` elements per testcase break strict parsers (junitparser refuses them) and Jenkins
 * and Azure DevOps show only the first. `type` is the rule id (the distinct ids, space separated,
 * when several rules failed). Warnings and infos go to the testcase's `<system-out>`, so a CI page
 * shows them without failing the build; `failures` counts failed testcases.
 */
export function renderJunit(input: ReportInput): string {
  const summary = summariseReport(input);
  const suites = buildSuites(input, summary.findings);

  let tests = 0;
  let failures = 0;
  const body: string[] = [];
  for (const suite of suites) {
    const cases = [...suite.cases.values()].sort(compareCases);
    const failed = cases.filter(hasError).length;
    tests += cases.length;
    failures += failed;
    body.push(
      `  <testsuite name="${escapeXmlAttribute(suite.name)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">`,
    );
    if (suite.apiName !== undefined) {
      body.push('    <properties>');
      body.push(`      <property name="api.name" value="${escapeXmlAttribute(suite.apiName)}"/>`);
      body.push('    </properties>');
    }
    for (const testcase of cases) body.push(...renderCase(testcase, input));
    body.push('  </testsuite>');
  }

  const time = input.durationMs === undefined ? '' : ` time="${(input.durationMs / 1000).toFixed(3)}"`;
  const name = `${input.tool.name} ${input.command}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXmlAttribute(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0"${time}>`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}

function buildSuites(input: ReportInput, findings: readonly Finding[]): JunitSuite[] {
  const apiNames = apiNamesOf(input.cases);
  const suites = new Map<string, JunitSuite>();
  const suiteFor = (api: string): JunitSuite => {
    const name = api === '' ? CATALOGUE_SUITE : api;
    let suite = suites.get(name);
    if (!suite) {
      suite = { name, apiName: api === '' ? undefined : (apiNames.get(api) ?? api), cases: new Map() };
      suites.set(name, suite);
    }
    return suite;
  };
  const caseFor = (suite: JunitSuite, item: { api: string; endpoint: string; status?: number }): JunitCase => {
    const key = caseKey(item);
    let testcase = suite.cases.get(key);
    if (!testcase) {
      testcase = { classname: suite.name, name: caseName(item), endpoint: item.endpoint, status: item.status, findings: [] };
      suite.cases.set(key, testcase);
    }
    return testcase;
  };

  for (const checked of uniqueCases(input.cases)) caseFor(suiteFor(checked.api), checked);
  for (const finding of findings) caseFor(suiteFor(finding.api), finding).findings.push(finding);
  return [...suites.values()].sort((a, b) => compareSuiteNames(a.name, b.name));
}

function caseName(item: { api: string; endpoint: string; status?: number }): string {
  if (item.api === '' && item.endpoint === '') return CATALOGUE_SUITE;
  const endpoint = item.endpoint === '' ? API_CASE : item.endpoint;
  return item.status === undefined ? endpoint : `${endpoint} ${item.status}`;
}

function renderCase(testcase: JunitCase, input: ReportInput): string[] {
  const open = `    <testcase classname="${escapeXmlAttribute(testcase.classname)}" name="${escapeXmlAttribute(testcase.name)}"`;
  if (testcase.findings.length === 0) return [`${open}/>`];
  const titles = new Map(input.rules.map((rule) => [rule.id, rule.title]));
  const errors = testcase.findings.filter((f) => f.severity === 'error');
  const others = testcase.findings.filter((f) => f.severity !== 'error');
  const lines = [`${open}>`];
  if (errors.length > 0) {
    const type = [...new Set(errors.map((f) => f.ruleId))].join(' ');
    const first = errors[0]!.message;
    const message = errors.length === 1 ? first : `${errors.length} errors; first: ${first}`;
    const details = errors.map((f, i) => findingBlock(f, titles, errors.length > 1 ? `${i + 1}/${errors.length} ` : '')).join('\n\n');
    lines.push(
      `      <failure message="${escapeXmlAttribute(message)}" type="${escapeXmlAttribute(type)}">${escapeXmlText(details)}</failure>`,
    );
  }
  if (others.length > 0) {
    const text = others.map((f) => findingBlock(f, titles, '')).join('\n\n');
    lines.push(`      <system-out>${escapeXmlText(text)}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines;
}

/** A finding as plain text, readable in a CI log without anything else. */
function findingBlock(finding: Finding, titles: ReadonlyMap<string, string>, prefix: string): string {
  const title = titles.get(finding.ruleId);
  const lines = [`${prefix}[${finding.severity}] ${finding.ruleId}${title ? ` (${title})` : ''}`];
  const at = [finding.pointer !== undefined && `at ${finding.pointer === '' ? '(root)' : finding.pointer}`, finding.example !== undefined && `example ${finding.example}`]
    .filter(Boolean)
    .join(', ');
  if (at) lines.push(at);
  lines.push(finding.message);
  const source = sourceText(finding);
  if (source) lines.push(`source: ${source}`);
  // One line: CI logs are read top to bottom, and most evidence is a short value or object.
  const evidence = evidenceText(finding.evidence, EVIDENCE_CHARS);
  if (evidence) lines.push(`evidence: ${evidence}`);
  return lines.join('\n');
}

function hasError(testcase: JunitCase): boolean {
  return testcase.findings.some((f) => f.severity === 'error');
}

function compareCases(a: JunitCase, b: JunitCase): number {
  return compareText(a.endpoint, b.endpoint) || (a.status ?? -1) - (b.status ?? -1);
}

function compareSuiteNames(a: string, b: string): number {
  if (a === CATALOGUE_SUITE || b === CATALOGUE_SUITE) return a === b ? 0 : a === CATALOGUE_SUITE ? -1 : 1;
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
