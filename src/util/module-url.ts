/**
 * The repository runs its TypeScript sources (tsx, vitest); the package runs them compiled to
 * `dist/*.js`. A module handed to a worker or a child by URL must name the file that exists here.
 */
export const MODULE_EXT: '.ts' | '.js' = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** `new URL(specifier, base)`, a `.ts` specifier becoming `.js` when running compiled. */
export function moduleUrl(specifier: string, base: string): URL {
  return new URL(MODULE_EXT === '.js' ? specifier.replace(/\.ts$/, '.js') : specifier, base);
}
