import type { RuleDefinition } from '../../rules/types.ts';
import { diffEndpointRemoved } from './endpoint-removed.ts';
import { diffEndpointAdded } from './endpoint-added.ts';
import { diffSuccessStatusRemoved } from './success-status-removed.ts';
import { diffErrorStatusRemoved } from './error-status-removed.ts';
import { diffStatusAdded } from './status-added.ts';
import { diffPropertyRemoved } from './property-removed.ts';
import { diffPropertyBecameOptional } from './property-became-optional.ts';
import { diffTypeWidened } from './type-widened.ts';
import { diffEnumWidened } from './enum-widened.ts';
import { diffConstraintRelaxed } from './constraint-relaxed.ts';
import { diffPropertyAdded } from './property-added.ts';
import { diffTypeNarrowed } from './type-narrowed.ts';

/** The `diff/*` rules (breaking-change gate between two catalogue versions). */
export const DIFF_RULES: readonly RuleDefinition[] = [
  diffEndpointRemoved,
  diffEndpointAdded,
  diffSuccessStatusRemoved,
  diffErrorStatusRemoved,
  diffStatusAdded,
  diffPropertyRemoved,
  diffPropertyBecameOptional,
  diffTypeWidened,
  diffEnumWidened,
  diffConstraintRelaxed,
  diffPropertyAdded,
  diffTypeNarrowed,
];
