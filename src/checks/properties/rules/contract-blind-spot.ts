import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyContractBlindSpot: RuleDefinition = {
  id: 'property/contract-blind-spot',
  stage: 'property',
  severity: 'info',
  title: 'The Pact contract lets through a change the schema forbids',
  why:
    'Each valid body is changed the ways responses drift (a field missing, another type, a null, an ' +
    'unlisted value, another format, an extra field); where the schema rejects the change but the ' +
    'interaction\'s matching rules accept it, contract verification cannot see that drift — e.g. an ' +
    'enum checked only by type, or a format Pact has no matcher for. The finding names each blind kind ' +
    'and where it was seen, so the contract (or a schema check beside it) can be tightened.',
  catalogueCase:
    'Genson-inferred schemas are matched by type, so a string field switching to another value passes both; ' +
    'Enode API `format: date-time` fields are matched by regex and caught, `format: uri` fields are not.',
};
