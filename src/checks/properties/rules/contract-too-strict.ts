import type { RuleDefinition } from '../../../rules/types.ts';

export const propertyContractTooStrict: RuleDefinition = {
  id: 'property/contract-too-strict',
  stage: 'property',
  severity: 'warning',
  title: 'The Pact contract rejects a body the schema allows',
  why:
    'A Pact interaction is verified against whatever the provider sends. Bodies valid against the ' +
    'schema are drawn and matched with the interaction\'s matching rules (Pact\'s semantics: type ' +
    'matchers, whole-string regexes, objects with at least the expected keys, array bounds); one the ' +
    'rules reject is a verification failure waiting for a provider that sends other, valid data. The ' +
    'usual cause is an optional field the example happened to have, which the contract expects always.',
  catalogueCase:
    'Enode API bodies come from an OpenAPI document whose optional fields the examples all show: the ' +
    'contracts expect them, so a provider leaving one out fails verification although its schema allows it.',
};
