import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareFindings } from '../findings/types.ts';
import type { Finding, Severity } from '../findings/types.ts';
import type { RuleDefinition } from '../rules/types.ts';
import { contentHash } from '../util/hash.ts';
import type { ReportInput } from './types.ts';

/** The SARIF version written, and the schema it validates against (OASIS, SARIF 2.1.0 errata 01). */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The partialFingerprints key: rule, API, endpoint, status, example and pointer, hashed. */
export const SARIF_FINGERPRINT_KEY = 'apiconformFinding/v1';

/** Where findings that are not about a catalogue row point: the endpoint's schema (README "What `build` writes"). */
const GENERATED = 'generated';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** The `build` output folder, for locations in generated schema files (default `generated`). */
  generated?: string;
}

/**
 * `findings.sarif` (SARIF 2.1.0) for code scanning: one `reportingDescriptor` per rule of the
 * registry (title, why, catalogue case as help), levels from severities (`info` → `note`), each
 * result located at its catalogue `file:line` when it comes from a row, else at the endpoint's
 * generated schema file (or the catalogue file for a finding about a whole API). The fingerprint
 * keys on what identifies a finding, not on its line or wording, so code scanning follows a
 * finding across runs when rows move or messages change.
 */
export function renderSarif(input: ReportInput, options: SarifOptions = {}): string {
  const rules = [...input.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const findings = [...input.findings].sort(compareFindings);
  // A finding whose rule the input does not define still gets a descriptor (by its id).
  for (const finding of findings) {
    if (!ruleIndex.has(finding.ruleId)) {
      ruleIndex.set(finding.ruleId, rules.length);
      rules.push({ id: finding.ruleId, stage: 'catalogue', severity: finding.severity, title: finding.ruleId, why: '', catalogueCase: '' });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            semanticVersion: input.tool.version,
            rules: rules.map(descriptor),
          },
        },
        automationDetails: { id: `${input.tool.name}/${input.command}/` },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId)!, input, options.generated ?? GENERATED)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptor(rule: RuleDefinition) {
  const help = [rule.why, rule.catalogueCase && `Catalogue case: ${rule.catalogueCase}`].filter(Boolean).join('\n\n') || rule.title;
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why || rule.title },
    help: { text: help, markdown: `**${rule.title}**\n\n${help}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['apiconform', rule.stage] },
  };
}

function result(finding: Finding, ruleIndex: number, input: ReportInput, generated: string) {
  const where = [finding.endpoint ? `${finding.api}/${finding.endpoint}` : finding.api, finding.status, finding.pointer].filter((part) => part !== undefined && part !== '').join(' ');
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: where ? `${finding.message} (${where})` : finding.message },
    locations: [{ physicalLocation: physicalLocation(finding, input, generated) }],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: findingKey(finding) },
    properties: {
      api: finding.api,
      endpoint: finding.endpoint,
      ...(finding.status === undefined ? {} : { status: finding.status }),
      ...(finding.example === undefined ? {} : { example: finding.example }),
      ...(finding.pointer === undefined ? {} : { pointer: finding.pointer }),
    },
  };
}

/** A catalogue row's `file:line`, else the endpoint's generated schema, else the catalogue file. */
export function findingLocation(finding: Finding, catalogueFile: string, generated = GENERATED): { file: string; line?: number } {
  if (finding.source) return { file: finding.source.file, line: finding.source.line };
  if (finding.endpoint) return { file: `${generated.replace(/\/+$/, '')}/schemas/${finding.api}/${finding.endpoint}.schema.json` };
  return { file: catalogueFile };
}

function physicalLocation(finding: Finding, input: ReportInput, generated: string) {
  const { file, line } = findingLocation(finding, input.catalogue.file, generated);
  return { artifactLocation: { uri: artifactUri(file) }, ...(line && line > 0 ? { region: { startLine: line } } : {}) };
}

/** A relative path stays relative (code scanning resolves it from the checkout); an absolute one becomes a file URI. */
function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** What identifies a finding across runs: not its line, message or severity. */
export function findingKey(finding: Finding): string {
  return contentHash(JSON.stringify([finding.ruleId, finding.api, finding.endpoint, finding.status ?? null, finding.example ?? null, finding.pointer ?? '']));
}
