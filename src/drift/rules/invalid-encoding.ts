import type { RuleDefinition } from '../../rules/types.ts';

export const driftInvalidEncoding: RuleDefinition = {
  id: 'drift/invalid-encoding',
  stage: 'drift',
  severity: 'error',
  title: 'Live answer is not valid UTF-8',
  why: 'JSON on the wire is UTF-8 (RFC 8259). A body with bytes that are not is rejected by strict decoders and silently changed to U+FFFD by lenient ones, so two clients read two different values. The finding names the offset of the first bad byte; the rest of the body is still checked.',
  catalogueCase: 'A provider that stores Latin-1 text and sends it as is: `"café"` arrives as `63 61 66 e9`.',
};
