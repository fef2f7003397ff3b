import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { catalogueFormat, checkRecords, emptyCatalogue, type RowProblem } from '../catalogue/index.ts';
import { firstField, type CsvRecordRange } from '../catalogue/csv-records.ts';
import { parseCsvSubset } from '../catalogue/readers/csv.ts';
import { gradeFindings } from '../config/index.ts';
import { rowProblemFinding } from '../build/findings.ts';
import { displayPath } from '../build/paths.ts';
import { csvSources, type CsvSources } from '../build/sources.ts';
import { diffCatalogues } from '../diff/index.ts';
import { compareFindings } from '../findings/types.ts';
import { buildModel, loadCatalogueModel, type CatalogueModel } from '../model/index.ts';
import { assertReadable } from '../util/files.ts';
import { inputError } from '../util/errors.ts';
import { endpointFilter } from '../util/glob.ts';
import { casesOf, catalogueSummary, type RunOptions, type RunResult } from './run.ts';

/** One side of a diff: a file, or a file at a git revision (`REV:PATH`), read into memory. */
export interface CatalogueSource {
  /** How the catalogue is named in findings and reports: `data/catalogue.csv`, `main:data/catalogue.csv`. */
  label: string;
  /** The path (for its format); for git input, the path inside the revision. */
  path: string;
  /** Set for a file on disk. */
  file?: string;
  /** Set for git input: the `git show` argument. */
  git?: string;
}

/**
 * `REV:PATH` (as `git show` takes it) is git input unless a file of that name exists; anything
 * else is a path. With `--base REF`, the old side is the new path at REF.
 */
export function catalogueSource(argument: string, root: string): CatalogueSource {
  const colon = argument.indexOf(':');
  const drive = /^[A-Za-z]:[\\/]/.test(argument);
  if (colon > 0 && !drive && !existsSync(resolve(root, argument))) {
    const path = argument.slice(colon + 1);
    return { label: argument, path, git: argument };
  }
  return { label: displayPath(argument, root), path: argument, file: argument };
}

/** The old side for `--base REF`: the new catalogue's path, relative to the current folder, at REF. */
export function baseSource(ref: string, newPath: string, root: string): CatalogueSource {
  const path = relative(root, resolve(root, newPath)).split('\\').join('/');
  return { label: `${ref}:${path}`, path, git: `${ref}:./${path}` };
}

async function readSource(source: CatalogueSource, root: string): Promise<Buffer> {
  if (source.file !== undefined) {
    await assertReadable(source.file);
    return readFile(source.file);
  }
  return new Promise((done, fail) => {
    execFile('git', ['show', source.git!], { cwd: root, encoding: 'buffer', maxBuffer: 4 * 1024 ** 3 }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      const said = stderr.toString('utf8').trim().split('\n')[0] || error.message;
      fail(inputError(`cannot read ${source.git} from git: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : said}`, { file: source.label }));
    });
  });
}

interface Side {
  model: CatalogueModel;
  problems: RowProblem[];
  rows: number;
  apis: number;
  endpoints: number;
}

/**
 * `diff OLD NEW`: both catalogues → models → the changes a client of each API would notice, as
 * findings (breaking ones are errors). For two CSV catalogues, the raw records are grouped by
 * endpoint and hashed without parsing (`build/sources.ts`): an API none of whose endpoints'
 * records changed is skipped; only the APIs with a change are parsed and compared. Bad rows of
 * the compared APIs are reported as in any run and left out of the comparison. The reported
 * catalogue is the new one.
 */
export interface DiffFilter {
  /** `api` or `api/endpoint` globs: only these are compared (default: everything). */
  match?: readonly string[];
  /** `api` or `api/endpoint` globs left out. */
  exclude?: readonly string[];
}

export async function runDiff(oldCatalogue: string | CatalogueSource, newCatalogue: string | CatalogueSource, options: RunOptions & { filter?: DiffFilter }): Promise<RunResult> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const [before, after] = [oldCatalogue, newCatalogue].map((c) => (typeof c === 'string' ? catalogueSource(c, root) : c)) as [CatalogueSource, CatalogueSource];
  for (const side of [before, after]) catalogueFormat(side.path); // a usage error before any reading
  options.onPhase?.({ phase: 'read', detail: `${before.label}, ${after.label}` });
  const [oldBytes, newBytes] = await Promise.all([readSource(before, root), readSource(after, root)]);
  const csv = catalogueFormat(before.path) === 'csv' && catalogueFormat(after.path) === 'csv';
  const sources = csv ? [csvSources(oldBytes, { hash: false }), csvSources(newBytes, { hash: false })] : [undefined, undefined];
  // a header without records is as empty as a 0-byte file, whichever path reads it
  sources.forEach((source, i) => {
    if (source && source.groups.size === 0) throw emptyCatalogue([before, after][i]!.label, 'no rows');
  });
  let sides: [Side, Side];
  if (sources[0] && sources[1] && !options.config.strict) {
    sides = changedApis(oldBytes, newBytes, sources[0], sources[1], before.label, after.label) ?? (await fullSides(before, after, oldBytes, newBytes, options));
  } else {
    sides = await fullSides(before, after, oldBytes, newBytes, options);
  }
  const [old, now] = sides;
  options.onPhase?.({ phase: 'diff', detail: `${before.label} → ${after.label}` });
  const wanted = endpointFilter(options.filter?.match, options.filter?.exclude);
  const findings = [...old.problems.map(rowProblemFinding), ...now.problems.map(rowProblemFinding), ...diffCatalogues(old.model, now.model)].filter(wanted);
  return {
    command: 'diff',
    catalogue: { ...catalogueSummary(now.model, after.label, now.rows), apis: now.apis, endpoints: now.endpoints },
    cases: casesOf(now.model).filter(wanted),
    findings: gradeFindings(findings, options.config.rules).sort(compareFindings),
    durationMs: performance.now() - started,
  };
}

/** Every row of both versions (another format, `--strict`, or a CSV the scanner cannot split). */
async function fullSides(before: CatalogueSource, after: CatalogueSource, oldBytes: Buffer, newBytes: Buffer, options: RunOptions): Promise<[Side, Side]> {
  const load = async (source: CatalogueSource, bytes: Buffer): Promise<Side> => {
    if (source.file !== undefined) {
      const loaded = await loadCatalogueModel(source.file, { strict: options.config.strict, label: source.label });
      return { ...loaded, ...counts(loaded.model) };
    }
    const scanned = catalogueFormat(source.path) === 'csv' ? csvSources(bytes) : undefined;
    const side = scanned ? parseGroups(bytes, scanned, [...scanned.groups.values()].flatMap((g) => g.records), source.label) : undefined;
    if (!side) throw inputError(`git input is read as CSV; convert ${source.path} or check it out to a file and pass its path`, { file: source.label });
    return side;
  };
  return Promise.all([load(before, oldBytes), load(after, newBytes)]) as Promise<[Side, Side]>;
}

function counts(model: CatalogueModel): { apis: number; endpoints: number } {
  return { apis: model.apis.length, endpoints: model.apis.reduce((n, api) => n + api.endpoints.length, 0) };
}

/** Only the APIs with an endpoint whose records differ, parsed from both versions; undefined to read in full. */
function changedApis(oldBytes: Buffer, newBytes: Buffer, old: CsvSources, now: CsvSources, oldLabel: string, newLabel: string): [Side, Side] | undefined {
  const apiOf = (bytes: Buffer, sources: CsvSources) => {
    const map = new Map<string, string>();
    for (const group of sources.groups.values()) {
      const id = firstField(bytes, group.records[0]!);
      if (id === undefined) return undefined;
      map.set(group.key, id.trim().split('/')[0]!.toLowerCase());
    }
    return map;
  };
  const [oldApis, newApis] = [apiOf(oldBytes, old), apiOf(newBytes, now)];
  if (!oldApis || !newApis) return undefined;
  const dirty = new Set<string>();
  const same = (a: CsvRecordRange[], b: CsvRecordRange[]) =>
    a.length === b.length && a.every((r, i) => oldBytes.subarray(r.start, r.end).equals(newBytes.subarray(b[i]!.start, b[i]!.end)));
  for (const [key, group] of now.groups) {
    const before = old.groups.get(key);
    if (!before || !same(before.records, group.records)) dirty.add(newApis.get(key)!);
  }
  for (const key of old.groups.keys()) if (!now.groups.has(key)) dirty.add(oldApis.get(key)!);
  const pick = (sources: CsvSources, apis: Map<string, string>) =>
    [...sources.groups.values()].filter((g) => dirty.has(apis.get(g.key)!)).flatMap((g) => g.records).sort((a, b) => a.start - b.start);
  const sideOld = parseGroups(oldBytes, old, pick(old, oldApis), oldLabel);
  const sideNew = parseGroups(newBytes, now, pick(now, newApis), newLabel);
  if (!sideOld || !sideNew) return undefined;
  return [
    { ...sideOld, rows: old.scan.records.length, apis: new Set(oldApis.values()).size, endpoints: old.groups.size },
    { ...sideNew, rows: now.scan.records.length, apis: new Set(newApis.values()).size, endpoints: now.groups.size },
  ];
}

function parseGroups(bytes: Buffer, sources: CsvSources, records: CsvRecordRange[], label: string): Side | undefined {
  const raw = parseCsvSubset(bytes, sources.scan, records, label);
  if (!raw) return undefined;
  const { rows, problems } = checkRecords(raw);
  const { model, problems: modelProblems } = buildModel(rows);
  return { model, problems: [...problems, ...modelProblems], rows: sources.scan.records.length, ...counts(model) };
}
