import type { RuleDefinition } from '../../rules/types.ts';
import { diffAdditionalPropertiesWidened } from './additional-properties-widened.ts';
import { diffAnyOfMemberAdded } from './any-of-member-added.ts';
import { diffAnyOfMemberRemoved } from './any-of-member-removed.ts';
import { diffBecameNotNullable } from './became-not-nullable.ts';
import { diffBecameNullable } from './became-nullable.ts';
import { diffBodyTypeChanged } from './body-type-changed.ts';
import { diffConditionalRemoved } from './conditional-removed.ts';
import { diffConstAdded } from './const-added.ts';
import { diffConstChanged } from './const-changed.ts';
import { diffConstRemoved } from './const-removed.ts';
import { diffConstraintTightened } from './constraint-tightened.ts';
import { diffContainsRelaxed } from './contains-relaxed.ts';
import { diffContentChanged } from './content-changed.ts';
import { diffDefaultChanged } from './default-changed.ts';
import { diffDependentRequiredRelaxed } from './dependent-required-relaxed.ts';
import { diffDependentSchemaRemoved } from './dependent-schema-removed.ts';
import { diffDeprecatedRemoved } from './deprecated-removed.ts';
import { diffEndpointAdded } from './endpoint-added.ts';
import { diffEndpointRemoved } from './endpoint-removed.ts';
import { diffEnumValueAdded } from './enum-value-added.ts';
import { diffEnumValueRemoved } from './enum-value-removed.ts';
import { diffErrorStatusAdded } from './error-status-added.ts';
import { diffErrorStatusRemoved } from './error-status-removed.ts';
import { diffExclusiveMaximumIncreased } from './exclusive-maximum-increased.ts';
import { diffExclusiveMinimumDecreased } from './exclusive-minimum-decreased.ts';
import { diffFormatChanged } from './format-changed.ts';
import { diffFormatNarrowed } from './format-narrowed.ts';
import { diffFormatWidened } from './format-widened.ts';
import { diffMaxItemsIncreased } from './max-items-increased.ts';
import { diffMaxLengthIncreased } from './max-length-increased.ts';
import { diffMaxPropertiesIncreased } from './max-properties-increased.ts';
import { diffMaximumIncreased } from './maximum-increased.ts';
import { diffMinItemsDecreased } from './min-items-decreased.ts';
import { diffMinLengthDecreased } from './min-length-decreased.ts';
import { diffMinPropertiesDecreased } from './min-properties-decreased.ts';
import { diffMinimumDecreased } from './minimum-decreased.ts';
import { diffMultipleOfRelaxed } from './multiple-of-relaxed.ts';
import { diffOneOfMemberAdded } from './one-of-member-added.ts';
import { diffOneOfMemberRemoved } from './one-of-member-removed.ts';
import { diffOptionalPropertyRemoved } from './optional-property-removed.ts';
import { diffPatternAdded } from './pattern-added.ts';
import { diffPatternChanged } from './pattern-changed.ts';
import { diffPatternPropertyRemoved } from './pattern-property-removed.ts';
import { diffPatternRemoved } from './pattern-removed.ts';
import { diffPrefixItemsAdded } from './prefix-items-added.ts';
import { diffPrefixItemsRemoved } from './prefix-items-removed.ts';
import { diffPropertyAdded } from './property-added.ts';
import { diffPropertyBecameOptional } from './property-became-optional.ts';
import { diffPropertyBecameRequired } from './property-became-required.ts';
import { diffPropertyDeprecated } from './property-deprecated.ts';
import { diffPropertyNamesRelaxed } from './property-names-relaxed.ts';
import { diffReadWriteOnlyChanged } from './read-write-only-changed.ts';
import { diffRequiredPropertyRemoved } from './required-property-removed.ts';
import { diffSuccessStatusAdded } from './success-status-added.ts';
import { diffSuccessStatusRemoved } from './success-status-removed.ts';
import { diffTypeChanged } from './type-changed.ts';
import { diffTypeNarrowed } from './type-narrowed.ts';
import { diffTypeWidened } from './type-widened.ts';
import { diffUnevaluatedRemoved } from './unevaluated-removed.ts';
import { diffUniqueItemsRemoved } from './unique-items-removed.ts';

/** The `diff/*` rules (breaking-change gate between two catalogue versions), one file each. */
export const DIFF_RULES: readonly RuleDefinition[] = [
  diffAdditionalPropertiesWidened,
  diffAnyOfMemberAdded,
  diffAnyOfMemberRemoved,
  diffBecameNotNullable,
  diffBecameNullable,
  diffBodyTypeChanged,
  diffConditionalRemoved,
  diffConstAdded,
  diffConstChanged,
  diffConstRemoved,
  diffConstraintTightened,
  diffContainsRelaxed,
  diffContentChanged,
  diffDefaultChanged,
  diffDependentRequiredRelaxed,
  diffDependentSchemaRemoved,
  diffDeprecatedRemoved,
  diffEndpointAdded,
  diffEndpointRemoved,
  diffEnumValueAdded,
  diffEnumValueRemoved,
  diffErrorStatusAdded,
  diffErrorStatusRemoved,
  diffExclusiveMaximumIncreased,
  diffExclusiveMinimumDecreased,
  diffFormatChanged,
  diffFormatNarrowed,
  diffFormatWidened,
  diffMaxItemsIncreased,
  diffMaxLengthIncreased,
  diffMaxPropertiesIncreased,
  diffMaximumIncreased,
  diffMinItemsDecreased,
  diffMinLengthDecreased,
  diffMinPropertiesDecreased,
  diffMinimumDecreased,
  diffMultipleOfRelaxed,
  diffOneOfMemberAdded,
  diffOneOfMemberRemoved,
  diffOptionalPropertyRemoved,
  diffPatternAdded,
  diffPatternChanged,
  diffPatternPropertyRemoved,
  diffPatternRemoved,
  diffPrefixItemsAdded,
  diffPrefixItemsRemoved,
  diffPropertyAdded,
  diffPropertyBecameOptional,
  diffPropertyBecameRequired,
  diffPropertyDeprecated,
  diffPropertyNamesRelaxed,
  diffReadWriteOnlyChanged,
  diffRequiredPropertyRemoved,
  diffSuccessStatusAdded,
  diffSuccessStatusRemoved,
  diffTypeChanged,
  diffTypeNarrowed,
  diffTypeWidened,
  diffUnevaluatedRemoved,
  diffUniqueItemsRemoved,
];
