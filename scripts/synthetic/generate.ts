/**
 * The full-size synthetic catalogue: the seed rows first (the real dataset starts with them),
 * then rows of about 2,500 synthetic APIs until the requested count. Everything is drawn from
 * one seeded Random, in one fixed order, so the same options give the same rows.
 *
 * What the catalogue imitates (data/seed/README.md, and the full dataset's figures):
 * - 28,059 rows, ~115 MB as CSV, ~2,500 APIs, a few APIs with hundreds of rows;
 * - 1–6 statuses per endpoint (200 most common; 400/401/404/422/500; a few 402, 130…), sometimes
 *   several examples for one status, a 200 labelled `Error` now and then;
 * - most bodies a few hundred bytes to a few KB, a handful of 50k-char bodies with 150k-char
 *   schemas;
 * - genson schemas (most), plain inferred ones, OpenAPI-style and FastAPI-style ones;
 * - about 30 % of rows repeating a schema seen before: the shared error conventions, several
 *   examples of one shape, endpoints returning the same resource, sibling APIs (`… Free`), and
 *   some repeats serialised with another key order;
 * - about one example in ten that does not match its own schema (broken on purpose, counted).
 */
import { Random } from './random.ts';
import type { CatalogueRecord, SeedMaterial } from './seed.ts';
import { inferSchema, type JsonSchema } from './infer-schema.ts';
import { openApiSchema, titleCase, type OpenApiStyle } from './openapi-schema.ts';
import { pythonJson } from './python-json.ts';
import { deriveBody, growBody, newKey } from './mutate-body.ts';
import { varyValue, valueForKey } from './values.ts';
import { breakExample, type Break } from './imperfect.ts';
import { hugeBody } from './huge.ts';
import { pickErrorTemplate, type ErrorKind } from './error-bodies.ts';
import { apiDescription, apiName, apiScore, cloneApiName, endpointDescription, endpointName, endpointNameStyle, type EndpointNameStyle } from './names.ts';
import { ERROR_SUMMARIES, SUCCESS_SUMMARIES } from './vocabulary.ts';
import { sortKeysDeep } from '../../src/util/canonical-json.ts';

export interface SyntheticOptions {
  /** Rows in all, the seed's included (the dataset has 28,059). */
  rows: number;
  seed: string;
  /** How many 50k/150k giants; by default about one per 4,700 rows (6 in the full size). */
  hugeRows?: number;
  /** Share of synthetic examples made not to match their schema (default 0.1; 0 for none). */
  brokenShare?: number;
}

export const FULL_SIZE_ROWS = 28_059;
const ROWS_PER_API = FULL_SIZE_ROWS / 2_500;

/** Knobs of the size distribution, tuned so the full size comes to ~115 MB. */
const SUCCESS_BODY_MEDIAN = 1450;
const SUCCESS_BODY_SIGMA = 1.15;
const SUCCESS_BODY_MAX = 40_000;
const BROKEN_SHARE = 0.1;
const RECENT_APIS = 50;

type SchemaStyle = 'genson' | 'plain' | 'openapi' | 'pydantic';

/** A body shape and its schema; later examples of it come from `another` (or vary `body`'s values). */
interface Shape {
  body: unknown;
  schema: JsonSchema;
  text: string;
  /** The same schema with keys in another order (made when first needed). */
  reordered?: string;
  uses: number;
  /** Giants are used once: repeating them would blow the size budget. */
  reusable: boolean;
  /** Another example of the same shape; by default a value-variation of `body`. */
  another?: (random: Random) => unknown;
}

interface ExamplePlan {
  shape: Shape;
  summary: string | null;
}
interface ResponsePlan {
  status: number;
  examples: ExamplePlan[];
}
interface EndpointPlan {
  name: string;
  description: string;
  responses: ResponsePlan[];
}

interface ApiState {
  id: string;
  name: string;
  description: string;
  score: number | null;
  style: SchemaStyle;
  openapi: OpenApiStyle;
  nameStyle: EndpointNameStyle;
  statusOf: Record<ErrorKind, number>;
  errorTemplate: ReturnType<typeof pickErrorTemplate>;
  customErrors: boolean;
  errorShapes: Map<string, Shape>;
  successShapes: Shape[];
  endpoints: EndpointPlan[];
}

export interface GenerationReport {
  /** Examples made not to match their schema, by how (the seed's own are not counted). */
  broken: Record<Break, number>;
  hugeRows: number;
  seedRows: number;
}

/**
 * Yields the catalogue's records in file order. `report` is filled as rows are produced and is
 * complete once the generator is done.
 */
export function* generateSyntheticCatalogue(seed: SeedMaterial, options: SyntheticOptions, report?: GenerationReport): Generator<CatalogueRecord> {
  const random = new Random(`apiconform-synthetic:${options.seed}`);
  const total = Math.max(0, Math.floor(options.rows));
  const seedRows = seed.records.slice(0, total);
  const tally: GenerationReport = report ?? emptyReport();
  const brokenShare = options.brokenShare ?? BROKEN_SHARE;
  tally.seedRows = seedRows.length;
  yield* seedRows;

  const synthetic = total - seedRows.length;
  if (synthetic === 0) return;
  const seedApis = new Set(seedRows.map((r) => r.id.split('/')[0])).size;
  const apiCount = Math.min(synthetic, Math.max(1, Math.round(total / ROWS_PER_API) - seedApis));
  const allocation = allocate(synthetic, apiCount, random);
  const hugeCount = options.hugeRows ?? Math.round(total / 4_700);
  const hugeAt = Array.from({ length: hugeCount }, (_, k) => Math.floor(((k + 0.5) * synthetic) / hugeCount));
  let produced = 0;

  // Sibling APIs copy a recent API; keeping only recent ones lets the rest be collected.
  const recent: ApiState[] = [];
  for (const rows of allocation) {
    const source = recent.length > 3 && random.chance(0.03) ? random.pick(recent) : undefined;
    const api = source ? cloneApi(source, random) : newApi(seed, random);
    recent.push(api);
    if (recent.length > RECENT_APIS) recent.shift();
    // A giant is used once; a sibling API copies only ordinary endpoints.
    const plans = source ? source.endpoints.filter((p) => p.responses.every((r) => r.examples.every((x) => x.shape.reusable))) : [];
    let left = rows;
    for (let e = 0; left > 0; e++) {
      const copied = plans[e];
      const plan = copied ?? planEndpoint(api, seed, random, () => {
        if (hugeAt.length > 0 && produced + (rows - left) >= hugeAt[0]!) {
          hugeAt.shift();
          tally.hugeRows++;
          return true;
        }
        return false;
      });
      api.endpoints.push(plan);
      const endpointId = random.uuid();
      for (let r = 0; r < plan.responses.length && left > 0; r++) {
        const response = plan.responses[r]!;
        for (let x = 0; x < response.examples.length && left > 0; x++) {
          const example = response.examples[x]!;
          yield exampleRecord(api, plan, endpointId, r, x, response.status, example, random, tally, brokenShare);
          left--;
        }
      }
    }
    produced += rows;
  }
}

export function emptyReport(): GenerationReport {
  return { broken: { 'char-indexed-string': 0, 'type-changed': 0, 'missing-required': 0, 'empty-date-time': 0, 'too-many-items': 0 }, hugeRows: 0, seedRows: 0 };
}

/** Rows per API: log-normal weights (a few APIs with hundreds of rows), at least one each. */
function allocate(rows: number, apis: number, random: Random): number[] {
  const weights = Array.from({ length: apis }, () => random.logNormal(1, 1.1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = rows - apis;
  const exact = weights.map((w) => (w / sum) * spare);
  const counts = exact.map((x) => 1 + Math.floor(x));
  let missing = rows - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; missing > 0; k = (k + 1) % byRemainder.length, missing--) counts[byRemainder[k]![1]]!++;
  return counts;
}

function newApi(seed: SeedMaterial, random: Random): ApiState {
  const { name, domain } = apiName(seed, random);
  const style = random.weighted<SchemaStyle>([['genson', 58], ['plain', 14], ['openapi', 22], ['pydantic', 6]]);
  const validation = random.weighted([[422, 60], [400, 27], [402, 8], [200, 5]]);
  return {
    id: random.uuid(),
    name,
    description: apiDescription(name, domain, seed, random),
    score: apiScore(random),
    style,
    openapi: { flavour: style === 'pydantic' ? 'pydantic' : 'openapi', requiredFirst: random.chance(0.5), describe: random.pick([0.2, 0.5, 0.8]) },
    nameStyle: style === 'openapi' && random.chance(0.6) ? 'camel' : endpointNameStyle(random),
    statusOf: {
      validation,
      unauthorized: random.chance(0.9) ? 401 : 403,
      forbidden: 403,
      notFound: 404,
      badRequest: 400,
      server: random.weighted([[500, 85], [503, 10], [502, 5]]),
      rateLimit: 429,
      payment: 402,
      conflict: 409,
      odd: random.weighted([[130, 40], [100, 10], [505, 10], [207, 20], [418, 20]]),
    },
    errorTemplate: pickErrorTemplate(random),
    customErrors: random.chance(0.3),
    errorShapes: new Map(),
    successShapes: [],
    endpoints: [],
  };
}

/** A sibling API (`PhoneNumberValidateFree`): same endpoints and shapes, new ids. */
function cloneApi(source: ApiState, random: Random): ApiState {
  return {
    ...source,
    id: random.uuid(),
    name: cloneApiName(source.name, random),
    score: random.chance(0.5) ? source.score : null,
    errorShapes: new Map(source.errorShapes),
    successShapes: [...source.successShapes],
    endpoints: [],
  };
}

const ERROR_KINDS: readonly (readonly [ErrorKind, number])[] = [
  ['badRequest', 20], ['unauthorized', 18], ['notFound', 16], ['validation', 14], ['server', 10], ['forbidden', 6],
  ['rateLimit', 4], ['conflict', 3], ['payment', 2], ['odd', 1],
];

function planEndpoint(api: ApiState, seed: SeedMaterial, random: Random, takeHuge: () => boolean): EndpointPlan {
  const { name, verb, noun } = endpointName(api.nameStyle, api.name, seed, random);
  const description = endpointDescription(verb, noun, seed, random);
  const statusCount = random.weighted([[1, 60], [2, 18], [3, 12], [4, 6], [5, 3], [6, 1]]);
  const responses: ResponsePlan[] = [];
  const kinds: Array<ErrorKind | 'success'> = random.chance(0.05) ? [] : ['success'];
  while (kinds.length < statusCount) {
    const kind = random.weighted(ERROR_KINDS);
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  for (const kind of random.shuffle(kinds)) {
    const status = kind === 'success' ? random.weighted([[200, 88], [201, 8], [202, 2], [203, 1], [206, 1]]) : api.statusOf[kind];
    if (responses.some((r) => r.status === status)) continue;
    const exampleCount = random.weighted([[1, 86], [2, 10], [3, 4]]);
    const examples: ExamplePlan[] = [];
    for (let x = 0; x < exampleCount; x++) {
      const first = examples[0];
      if (kind === 'success') {
        if (first && first.shape.reusable && random.chance(0.45)) examples.push({ shape: first.shape, summary: successSummary(api, random) });
        else if (first && random.chance(0.25)) examples.push({ shape: errorShape(api, 'badRequest', status, random, true), summary: 'Error' });
        else examples.push({ shape: successShape(api, seed, name, random, x === 0 && takeHuge()), summary: successSummary(api, random) });
      } else {
        const shape = first && random.chance(0.4) ? first.shape : errorShape(api, kind, status, random, x > 0);
        examples.push({ shape, summary: errorSummary(api, kind, random) });
      }
    }
    responses.push({ status, examples });
  }
  return { name, description, responses };
}

function successShape(api: ApiState, seed: SeedMaterial, endpoint: string, random: Random, huge: boolean): Shape {
  if (huge) return makeShape(hugeBody(random), { ...api, style: 'genson' }, endpoint, random, { reusable: false });
  // Endpoints of one API often return the same resource (getHVAC and updateHVAC in the seed).
  const earlier = api.successShapes.filter((s) => s.reusable);
  if (earlier.length > 0 && random.chance(0.12)) return random.pick(earlier);
  const body = deriveBody(random.pick(seed.successBodies), random);
  const target = Math.min(SUCCESS_BODY_MAX, Math.round(random.logNormal(SUCCESS_BODY_MEDIAN, SUCCESS_BODY_SIGMA)));
  const shape = makeShape(growBody(body, target, random), api, endpoint, random);
  api.successShapes.push(shape);
  return shape;
}

/**
 * The API's error body for a kind of error: its own convention's, shared by every endpoint (and
 * with every API of the same convention), or — for `fresh` — a new variant.
 */
function errorShape(api: ApiState, kind: ErrorKind, status: number, random: Random, fresh: boolean): Shape {
  const key = `${kind}:${status}`;
  const known = api.errorShapes.get(key);
  if (known && !fresh && random.chance(0.65)) return known;
  const body = api.errorTemplate(kind, status, random) as Record<string, unknown>;
  // An API-specific variant has one more field (`code`, `request_id`…) than the convention.
  const extraKey = fresh || known || api.customErrors ? newKey(body, random) : undefined;
  const extraValue = extraKey && valueForKey(extraKey, random);
  const shape = makeShape(extraKey ? { ...body, [extraKey]: extraValue } : body, api, `${titleCase(kind)} Error`, random);
  // Further examples come from the convention again (its own messages, the real status), not
  // from scrambling the first one's values.
  shape.another = (r) => {
    const next = api.errorTemplate(kind, status, r) as Record<string, unknown>;
    return extraKey ? { ...next, [extraKey]: varyValue(extraValue, r) } : next;
  };
  if (!known) api.errorShapes.set(key, shape);
  return shape;
}

function makeShape(body: unknown, api: Pick<ApiState, 'style' | 'openapi'>, title: string, random: Random, flags: { reusable?: boolean } = {}): Shape {
  const schema =
    api.style === 'genson'
      ? inferSchema(body)
      : api.style === 'plain'
        ? inferSchema(body, { schemaUri: false })
        : openApiSchema(body, api.openapi, random, title.replace(/[^A-Za-z0-9]/g, ''));
  return { body, schema, text: pythonJson(schema), uses: 0, reusable: flags.reusable ?? true };
}

function exampleRecord(
  api: ApiState,
  plan: EndpointPlan,
  endpointId: string,
  responseIndex: number,
  exampleIndex: number,
  status: number,
  example: ExamplePlan,
  random: Random,
  tally: GenerationReport,
  brokenShare: number,
): CatalogueRecord {
  const { shape } = example;
  let body = shape.uses === 0 ? shape.body : shape.another ? shape.another(random) : varyValue(shape.body, random);
  let text = shape.text;
  if (shape.uses > 0 && random.chance(0.1)) {
    // Same schema, another serialisation: equal up to key order, different bytes.
    shape.reordered ??= pythonJson(sortKeysDeep(shape.schema));
    text = shape.reordered;
  }
  shape.uses++;
  if (shape.reusable && random.chance(brokenShare)) {
    const broken = breakExample(body, shape.schema, random);
    if (broken) {
      body = broken.body;
      tally.broken[broken.broke]++;
    }
  }
  return {
    id: `${api.id}/${endpointId}/${responseIndex}/${exampleIndex}`,
    api_name: api.name,
    api_description: api.description,
    api_score: api.score,
    endpoint_name: plan.name,
    endpoint_description: plan.description,
    response_status_code: status,
    response_summary: example.summary,
    response_json: pythonJson(body),
    response_json_schema: text,
  };
}

function successSummary(api: ApiState, random: Random): string | null {
  if (api.style === 'openapi' && random.chance(0.7)) return null; // Enode's rows have no labels
  return random.weighted(SUCCESS_SUMMARIES);
}

function errorSummary(api: ApiState, kind: ErrorKind, random: Random): string | null {
  if (api.style === 'openapi' && random.chance(0.7)) return null;
  return random.weighted(ERROR_SUMMARIES[kind]!);
}
