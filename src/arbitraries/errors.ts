/**
 * Why no arbitrary could be made for a schema. Thrown by `arbitraryFromSchema` at construction
 * time (and, for the rare case a bounded search only runs dry while sampling, by the arbitrary
 * itself): the generator never loops and never hands out a value it has not checked.
 *
 * - `unsatisfiable`: the generator proved that no JSON value validates (`minimum: 5, maximum: 1`,
 *   `allOf` of a string and an integer, a required property whose schema is `false`, `not: {}`).
 * - `unsupported`: the schema may admit values but the generator cannot produce them reliably
 *   (a remote `$ref`, `$dynamicRef`, a `not` or pattern combination that a bounded search could
 *   not satisfy, recursion that never bottoms out within `maxDepth`), or the validator itself
 *   cannot compile the schema.
 */
export type SchemaGenerationErrorKind = 'unsatisfiable' | 'unsupported';

export class SchemaGenerationError extends Error {
  override readonly name = 'SchemaGenerationError';
  constructor(
    readonly kind: SchemaGenerationErrorKind,
    /** JSON pointer into the schema document of the keyword that decided it (`''` = root). */
    readonly pointer: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** `unsatisfiable at /$defs/status200/properties/id: …` */
  describe(): string {
    return `${this.kind} at ${this.pointer === '' ? '(root)' : this.pointer}: ${this.message}`;
  }
}

export const unsatisfiable = (pointer: string, message: string) =>
  new SchemaGenerationError('unsatisfiable', pointer, message);
export const unsupported = (pointer: string, message: string, cause?: unknown) =>
  new SchemaGenerationError('unsupported', pointer, message, { cause });

/**
 * Internal: a branch ran past the recursion bound. Combinators drop such branches (that is how
 * recursion bottoms out); if nothing is left the root reports it as `unsupported`.
 */
export class RecursionExhausted extends Error {
  override readonly name = 'RecursionExhausted';
  constructor(readonly pointer: string) {
    super(`recursion does not bottom out within the depth bound at ${pointer || '(root)'}`);
  }
}
