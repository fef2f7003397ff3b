import type { RuleDefinition } from './types.ts';

export const exampleViolatesSchema: RuleDefinition = {
  id: 'example/violates-schema',
  stage: 'validate',
  severity: 'error',
  title: 'Example does not validate against its own schema',
  why:
    'The catalogue pairs every example with the schema of its endpoint and status. When the example ' +
    'breaks that schema, one of the two is wrong: either the documented body is not what the API ' +
    'sends, or the schema rejects real responses (and every consumer, mock and contract built from ' +
    'it inherits the error). Each violation names the JSON pointer into the body, the failing ' +
    'keyword with what the schema expects, and the value found there.',
  catalogueCase:
    '18 of the 100 sample rows, all Enode API: strings serialised as `{"0": "S", "1": "O", …}` where ' +
    '`type: "string"` is declared, `""` where `format: date-time` is declared, date-times where ' +
    '`format: date` is, `"<boolean>"` where a boolean belongs, required properties missing, and three ' +
    'vendor lists longer than `maxItems: 2`.',
};
