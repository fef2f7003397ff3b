import type { RuleDefinition } from './types.ts';

export const schemaOverfitted: RuleDefinition = {
  id: 'schema/overfitted',
  stage: 'lint',
  severity: 'info',
  title: 'Schema looks inferred from a single example',
  why:
    'A schema generated from one example describes that example, not the API: a field that was ' +
    '`null` becomes `type: "null"` (so any real value fails), an array gets `maxItems` equal to the ' +
    'length it happened to have, a field gets a one-value `enum`, and every property present is ' +
    '`required`. Validation and drift checks against such a schema flag correct responses. The ' +
    'finding lists each sign with its pointer so the schema can be loosened where the API varies.',
  catalogueCase:
    'Most sample schemas were produced by genson from one response (`"$schema": ' +
    '"http://json-schema.org/schema#"`, every property required): SMSto `Get message by id` types ' +
    '`campaign_id`, `scheduled_for` and `timezone` as `"null"`, D7SMS `NumLookup` does the same to ' +
    '`ocn` and `lookup_description`, and Enode `getChargingLocationTariff` caps its list at ' +
    '`maxItems: 2` — the length of its one example.',
};
