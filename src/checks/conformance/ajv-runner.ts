import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../../schemas/types.ts';
import { createConformanceAjv } from './engine.ts';
import type { AjvError, CompileFailure, Verdict } from './types.ts';

/** ajv keeps every function it compiled (and its schema) in its instance; start afresh this often. */
const RECYCLE_AFTER = 250;

/**
 * Compiles a schema with ajv and validates bodies against it: the one place verdicts with errors
 * come from, in the main thread or in a worker (ajv-worker.js). ajv holds on to every function it
 * compiles in its instance-wide scope, so an instance that compiles thousands of one-use schemas
 * grows by gigabytes; a fresh instance every RECYCLE_AFTER compiles bounds that.
 */
export class AjvRunner {
  private ajv: Ajv2020 = createConformanceAjv();
  private compiledOnInstance = 0;
  compiled = 0;

  /** ajv's verdict on each body, or why there is none (the schema does not compile, or ajv crashed). */
  verdicts(schema: JsonSchema, bodies: readonly unknown[]): Verdict[] | CompileFailure {
    let validate: ValidateFunction;
    try {
      validate = this.compile(schema);
    } catch (error) {
      return { compileError: firstLine(error) };
    }
    try {
      return bodies.map((body) => (validate(body) ? { valid: true } : { valid: false, errors: (validate.errors ?? []).map(copyError) }));
    } catch (error) {
      // a `$ref` cycle that never consumes data recurses until the stack runs out
      return { compileError: `ajv cannot validate against it: ${firstLine(error)}` };
    }
  }

  /** Undefined when ajv compiles the schema, else its complaint. */
  compileError(schema: JsonSchema): string | undefined {
    try {
      this.compile(schema);
      return undefined;
    } catch (error) {
      return firstLine(error);
    }
  }

  private compile(schema: JsonSchema): ValidateFunction {
    if (++this.compiledOnInstance > RECYCLE_AFTER) {
      this.ajv = createConformanceAjv();
      this.compiledOnInstance = 1;
    }
    this.compiled++;
    try {
      return this.ajv.compile(schema);
    } finally {
      if (typeof schema === 'object') this.ajv.removeSchema(schema);
    }
  }
}

function copyError(error: ErrorObject): AjvError {
  return {
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    keyword: error.keyword,
    params: { ...error.params },
    ...(error.message !== undefined ? { message: error.message } : {}),
    ...(error.propertyName !== undefined ? { propertyName: error.propertyName } : {}),
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
