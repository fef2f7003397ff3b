import type { RuleDefinition } from './types.ts';

export const schemaNormalised: RuleDefinition = {
  id: 'schema/normalised',
  stage: 'schema',
  severity: 'info',
  title: 'Schema keywords rewritten to JSON Schema 2020-12',
  why:
    'Catalogue schemas arrive in several dialects (genson\'s unknown `http://json-schema.org/schema#`, ' +
    'OpenAPI 3.0 `nullable`/`example`/`x-*`, draft-04 boolean `exclusiveMaximum`). apiconform ' +
    'writes one dialect; this finding lists keywords it dropped because they have no meaning in ' +
    '2020-12, so nobody wonders where an `x-` extension went.',
  catalogueCase:
    'Enode API schemas (OpenAPI-derived) carry `example` and `nullable`; every genson schema in the ' +
    'sample declares `"$schema": "http://json-schema.org/schema#"`.',
};
