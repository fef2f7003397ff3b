import { isPlainObject } from './text.ts';

/** A body that reports invalid input, in a framework's recognisable shape. */
export interface ValidationBody {
  /** Who produces this shape and what it looks like: `FastAPI/pydantic detail[].loc/msg/type`. */
  shape: string;
  /** Where in the body the list of problems is. */
  pointer: string;
}

type Item = Record<string, unknown>;

/**
 * The validation-error shapes of common frameworks. Each asks for the fields that make the shape
 * unmistakable (a `detail` list whose every item has `loc` and `msg`, not merely a `detail` key),
 * because an ordinary error body must not be taken for a validation error.
 */
const SHAPES: ReadonlyArray<{ shape: string; match: (body: unknown) => string | undefined }> = [
  {
    shape: 'FastAPI/pydantic detail[].loc/msg/type',
    match: (body) => (isPlainObject(body) && everyItem(body.detail, (i) => Array.isArray(i.loc) && typeof i.msg === 'string') ? '/detail' : undefined),
  },
  {
    shape: 'pydantic [].loc/msg/type',
    match: (body) => (everyItem(body, (i) => Array.isArray(i.loc) && typeof i.msg === 'string' && typeof i.type === 'string') ? '' : undefined),
  },
  {
    shape: 'Laravel/ASP.NET errors{field: [messages]}',
    match: (body) => {
      if (!isPlainObject(body) || !isPlainObject(body.errors)) return undefined;
      const fields = Object.values(body.errors);
      return fields.length > 0 && fields.every((m) => Array.isArray(m) && m.length > 0 && m.every((s) => typeof s === 'string')) ? '/errors' : undefined;
    },
  },
  {
    shape: 'express-validator errors[].msg/param',
    match: (body) => (isPlainObject(body) && everyItem(body.errors, (i) => typeof i.msg === 'string' && (typeof i.param === 'string' || typeof i.path === 'string')) ? '/errors' : undefined),
  },
  {
    shape: 'Spring errors[].field/defaultMessage',
    match: (body) => {
      if (!isPlainObject(body)) return undefined;
      for (const key of ['errors', 'fieldErrors']) {
        if (everyItem(body[key], (i) => typeof i.field === 'string' && typeof i.defaultMessage === 'string')) return `/${key}`;
      }
      return undefined;
    },
  },
  {
    shape: 'RFC 7807 invalid-params[]',
    match: (body) => (isPlainObject(body) && everyItem(body['invalid-params'], (i) => typeof i.name === 'string') ? '/invalid-params' : undefined),
  },
  {
    shape: 'JSON:API errors[].source.pointer',
    match: (body) => (isPlainObject(body) && everyItem(body.errors, (i) => isPlainObject(i.source) && typeof i.source.pointer === 'string') ? '/errors' : undefined),
  },
  {
    shape: 'Joi details[].message/path',
    match: (body) => (isPlainObject(body) && everyItem(body.details, (i) => typeof i.message === 'string' && Array.isArray(i.path)) ? '/details' : undefined),
  },
];

export function validationBody(body: unknown): ValidationBody | undefined {
  for (const { shape, match } of SHAPES) {
    const pointer = match(body);
    if (pointer !== undefined) return { shape, pointer };
  }
  return undefined;
}

/** A non-empty array whose every item is an object passing `test`. */
function everyItem(value: unknown, test: (item: Item) => boolean): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isPlainObject(item) && test(item));
}
