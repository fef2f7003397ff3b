import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { inputError } from '../util/errors.ts';
import { isPlainObject } from '../util/json.ts';

/** An OpenAPI document as read from disk: the value, and where in the text each node starts. */
export interface OpenApiSource {
  document: Record<string, unknown>;
  /** `3.0.3`, `3.1.0`… */
  version: string;
  /** 1-based line of the node at a path of keys, when the text is YAML (JSON is read without positions). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Above this size a YAML document is parsed without source positions (they cost ~3× the parse). */
const POSITIONS_LIMIT = 2 * 1024 * 1024;

/**
 * Reads a `.yaml`, `.yml` or `.json` file that should be an OpenAPI 3.0/3.1 document. A Swagger 2.0
 * document, or anything without an `openapi` field, is an input error naming what it found.
 */
export async function readOpenApiSource(path: string, file = path): Promise<OpenApiSource> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  let value: unknown;
  let yamlDocument: Document | undefined;
  let counter: LineCounter | undefined;
  if (/^\s*[{[]/.test(text)) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw inputError(`not valid JSON: ${(error as Error).message}`, { file }, error);
    }
  } else {
    counter = text.length <= POSITIONS_LIMIT ? new LineCounter() : undefined;
    const parsed = parseDocument(text, { ...(counter ? { lineCounter: counter } : {}), uniqueKeys: false });
    if (parsed.errors.length > 0) {
      const [first] = parsed.errors;
      throw inputError(`not valid YAML: ${first!.message.split('\n')[0]}`, { file, ...(first!.linePos?.[0] ? { line: first!.linePos[0].line } : {}) });
    }
    value = parsed.toJS({ maxAliasCount: 1000 });
    yamlDocument = counter ? parsed : undefined;
  }
  if (!isPlainObject(value)) throw inputError('not an OpenAPI document (the file is not a JSON/YAML object)', { file });
  if (value.swagger !== undefined) {
    throw inputError(`this is a Swagger ${String(value.swagger)} document; apiconform reads OpenAPI 3.0 and 3.1 (convert it first, e.g. with swagger2openapi)`, { file, pointer: '/swagger' });
  }
  const version = typeof value.openapi === 'string' ? value.openapi : undefined;
  if (version === undefined) throw inputError('not an OpenAPI document: it has no "openapi" field', { file });
  if (!/^3\.[01]\.\d+/.test(version)) {
    throw inputError(`OpenAPI ${version} is not read; apiconform reads OpenAPI 3.0 and 3.1`, { file, pointer: '/openapi' });
  }
  return {
    document: value,
    version,
    lineOf(path) {
      if (!yamlDocument || !counter) return undefined;
      const node = yamlDocument.getIn(path as (string | number)[], true);
      const offset = isNode(node) ? node.range?.[0] : undefined;
      return offset === undefined ? undefined : counter.linePos(offset).line;
    },
  };
}

/**
 * Whether a `.json` file's first bytes make it an OpenAPI/Swagger document (an object with an
 * `openapi` or `swagger` key) rather than a JSON array of catalogue rows.
 */
export function looksLikeOpenApiText(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('{') && /"(openapi|swagger)"\s*:/.test(text);
}
