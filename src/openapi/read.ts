import { createHash } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { sampleFromSchema } from '../arbitraries/index.ts';
import type { EndpointHttp, RawRecord } from '../catalogue/types.ts';
import { normaliseSchema } from '../schemas/index.ts';
import { inputError } from '../util/errors.ts';
import { isPlainObject } from '../util/json.ts';
import { readOpenApiSource } from './document.ts';
import { LocalRefs, hasExternalRefs, isRemoteRef } from './refs.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Seed of the bodies generated for responses that have no example: fixed, so a build is reproducible. */
export const GENERATED_EXAMPLE_SEED = 1;

/** `application/json`, `application/problem+json`, `application/vnd.x+json; charset=utf-8`… */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;.*)?$/i;

/** Marks, during bundling, where a remote `$ref` was: the network is never asked for it. */
const REMOTE_MARK = 'x-apiconform-remote-ref';

/**
 * Parser options: local files are followed (relative to the document); a remote `$ref` is
 * "resolved" to a marker object without any request, and put back as a `$ref` after validation
 * (the normaliser then drops and reports it like any remote `$ref` in a catalogue schema).
 */
const PARSER_OPTIONS = {
  resolve: {
    http: false,
    remote: { order: 0, canRead: (file: { url: string }) => isRemoteRef(file.url), read: (file: { url: string }) => JSON.stringify({ [REMOTE_MARK]: file.url }) },
  },
};

/**
 * An OpenAPI 3.0/3.1 document read as catalogue records: one record per operation × response
 * status × JSON media type × example. The API is the document (see docs/ARCHITECTURE.md); the
 * endpoint is the operation, named by its `operationId` (else `METHOD /path`) and identified by
 * method and path template, so that two versions of a document match up in `diff` even when an
 * `operationId` changes. A response without an example gets one generated from its schema with a
 * fixed seed, marked `generated`.
 */
export async function* readOpenApi(path: string, file = path): AsyncGenerator<RawRecord> {
  const source = await readOpenApiSource(path, file);
  let document = source.document;
  if (hasExternalRefs(document)) {
    try {
      // the ref parser itself (the one the OpenAPI parser wraps): its wrapper would always allow http
      document = (await new $RefParser().bundle(path, PARSER_OPTIONS as never)) as unknown as Record<string, unknown>;
    } catch (error) {
      throw inputError(`cannot follow its $refs: ${firstLine(error)}`, { file }, error);
    }
  }
  await validateDocument(document, file);
  restoreRemoteRefs(document);

  const refs = new LocalRefs(document);
  const info = isPlainObject(document.info) ? document.info : {};
  const title = typeof info.title === 'string' && info.title.trim() ? info.title.trim() : 'OpenAPI document';
  // ids written by `apiconform openapi` are read back, so a round trip keeps them
  const apiId = uuidExtension(info['x-apiconform-api']) ?? uuidOf(`api\n${title}`);
  const paths = isPlainObject(document.paths) ? document.paths : {};
  const documentServer = serverUrl(document.servers);

  for (const [template, rawItem] of Object.entries(paths)) {
    const item = refs.follow(rawItem);
    if (!isPlainObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isPlainObject(operation)) continue;
      const line = source.lineOf(['paths', template, method]) ?? 1;
      const METHOD = method.toUpperCase();
      const endpointId = uuidExtension(operation['x-apiconform-endpoint']) ?? uuidOf(`endpoint\n${title}\n${METHOD} ${template.replace(/\{[^}]*\}/g, '{}')}`);
      const baseUrl = serverUrl(operation.servers) ?? serverUrl(item.servers) ?? documentServer;
      const http: EndpointHttp = {
        method: METHOD,
        path: template,
        samplePath: samplePath(template, [...parameterList(refs, item.parameters), ...parameterList(refs, operation.parameters)]),
        ...(baseUrl ? { baseUrl } : {}),
      };
      const name = typeof operation['x-apiconform-name'] === 'string' ? operation['x-apiconform-name'] : typeof operation.operationId === 'string' && operation.operationId.trim() ? operation.operationId.trim() : `${METHOD} ${template}`;
      const description = typeof operation.description === 'string' ? operation.description : typeof operation.summary === 'string' ? operation.summary : '';
      const responses = isPlainObject(operation.responses) ? operation.responses : {};
      let responseIndex = 0;
      for (const [code, rawResponse] of Object.entries(responses)) {
        if (!/^[1-5]\d\d$/.test(code)) continue; // `default` and `2XX` name no one status
        const response = refs.follow(rawResponse);
        if (!isPlainObject(response) || !isPlainObject(response.content)) continue;
        const summary = typeof response.description === 'string' && response.description !== '' ? response.description : null;
        for (const [mediaType, rawMedia] of Object.entries(response.content)) {
          if (!JSON_MEDIA_TYPE.test(mediaType)) continue;
          const media = isPlainObject(rawMedia) ? rawMedia : {};
          const schema = media.schema === undefined ? true : refs.standalone(media.schema);
          const id = `${apiId}/${endpointId}/${responseIndex}`;
          const values = {
            api_name: title,
            api_description: typeof info.description === 'string' ? info.description : '',
            api_score: null,
            endpoint_name: name,
            endpoint_description: description,
            response_status_code: Number(code),
            response_summary: summary,
            response_json_schema: schema,
          };
          const where = { file, line };
          const examples = examplesOf(refs, media);
          if (examples.length > 0) {
            for (let index = 0; index < examples.length; index++) {
              const { value, summary: label } = examples[index]!;
              const row = { ...values, id: `${id}/${index}`, response_json: JSON.stringify(value), ...(label ? { response_summary: label } : {}) };
              yield { values: row, source: { ...where, rowId: `${id}/${index}` }, http };
            }
          } else {
            const generated = generateBody(schema);
            yield generated.ok
              ? { values: { ...values, id: `${id}/0`, response_json: JSON.stringify(generated.value) }, source: { ...where, rowId: `${id}/0` }, http, generated: true }
              : { values: { ...values, id: `${id}/0` }, readerProblem: `(${METHOD} ${template} ${code} ${mediaType}) has no example and none can be generated from its schema: ${generated.message}`, source: { ...where, rowId: `${id}/0` } };
          }
          responseIndex++;
        }
      }
    }
  }
}

/** `{ "x-apiconform-remote-ref": url }` (left by bundling) → `{ "$ref": url }`, in place. */
function restoreRemoteRefs(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) stack.push(...current);
    else if (isPlainObject(current)) {
      if (typeof current[REMOTE_MARK] === 'string') {
        current.$ref = current[REMOTE_MARK];
        delete current[REMOTE_MARK];
      }
      for (const child of Object.values(current)) if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

async function validateDocument(document: Record<string, unknown>, file: string): Promise<void> {
  let result: Awaited<ReturnType<typeof validate>>;
  try {
    // bundled already: nothing external is left to resolve (remote refs are markers by now)
    result = await validate(structuredClone(document) as never, { resolve: { external: false } });
  } catch (error) {
    throw inputError(`not a valid OpenAPI document: ${firstLine(error)}`, { file }, error);
  }
  if (!result.valid) {
    const errors = result.errors ?? [];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw inputError(`not a valid OpenAPI document: ${errors[0] ? firstLine(errors[0].message) : 'rejected by the OpenAPI schema'}${more}`, { file });
  }
}

/** Media type `example`, else each of `examples` (their `value`; `externalValue` is not fetched). */
function examplesOf(refs: LocalRefs, media: Record<string, unknown>): { value: unknown; summary?: string }[] {
  if (media.example !== undefined) return [{ value: media.example }];
  if (!isPlainObject(media.examples)) return [];
  const values: { value: unknown; summary?: string }[] = [];
  for (const raw of Object.values(media.examples)) {
    const example = refs.follow(raw);
    if (isPlainObject(example) && 'value' in example && example.value !== undefined) {
      values.push({ value: example.value, ...(typeof example.summary === 'string' ? { summary: example.summary } : {}) });
    }
  }
  return values;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidExtension = (value: unknown): string | undefined => (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined);

function generateBody(schema: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const [value] = sampleFromSchema(normaliseSchema(schema).schema, { seed: GENERATED_EXAMPLE_SEED, count: 1 });
    return { ok: true, value: value ?? null };
  } catch (error) {
    return { ok: false, message: firstLine(error) };
  }
}

interface Parameter {
  name: string;
  in: string;
  value: unknown;
}

/** Parameters of a path item or operation, references followed; later ones override earlier ones. */
function parameterList(refs: LocalRefs, raw: unknown): Parameter[] {
  if (!Array.isArray(raw)) return [];
  const list: Parameter[] = [];
  for (const entry of raw) {
    const parameter = refs.follow(entry);
    if (!isPlainObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') continue;
    list.push({ name: parameter.name, in: parameter.in, value: parameterValue(refs, parameter) });
  }
  return list;
}

/** A value for a parameter: its example(s), its schema's example(s), default or enum, else generated. */
function parameterValue(refs: LocalRefs, parameter: Record<string, unknown>): unknown {
  if (parameter.example !== undefined) return parameter.example;
  if (isPlainObject(parameter.examples)) {
    for (const raw of Object.values(parameter.examples)) {
      const example = refs.follow(raw);
      if (isPlainObject(example) && example.value !== undefined) return example.value;
    }
  }
  const schema = refs.follow(parameter.schema);
  if (isPlainObject(schema)) {
    if (schema.example !== undefined) return schema.example;
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
    if (schema.default !== undefined) return schema.default;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    const generated = generateBody(refs.standalone(schema));
    if (generated.ok && generated.value !== null && typeof generated.value !== 'object') return generated.value;
  }
  return 1;
}

/** `/pets/{petId}` with each path parameter filled in (URL-encoded). */
function samplePath(template: string, parameters: readonly Parameter[]): string {
  const byName = new Map(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.value]));
  return template.replace(/\{([^}]*)\}/g, (_whole, name: string) => encodeURIComponent(String(byName.has(name) ? byName.get(name) : 1)));
}

/** The first server's URL with its variables at their defaults, when it is absolute (http/https). */
function serverUrl(servers: unknown): string | undefined {
  if (!Array.isArray(servers) || !isPlainObject(servers[0]) || typeof servers[0].url !== 'string') return undefined;
  const server = servers[0];
  const variables = isPlainObject(server.variables) ? server.variables : {};
  const url = (server.url as string).replace(/\{([^}]*)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isPlainObject(variable) && variable.default !== undefined ? String(variable.default) : whole;
  });
  return /^https?:\/\/[^{}\s]+$/i.test(url) ? url.replace(/\/+$/, '') : undefined;
}

/** A stable uuid-shaped id from a name (sha-256; version nibble 5, RFC 4122 variant). */
export function uuidOf(name: string): string {
  const hex = createHash('sha256').update(`apiconform openapi\n${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}
