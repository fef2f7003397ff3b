import type { RuleDefinition } from './types.ts';

export const exampleStringSpreadAsObject: RuleDefinition = {
  id: 'example/string-spread-as-object',
  stage: 'lint',
  severity: 'warning',
  title: 'A string serialised as an object of its characters',
  why:
    'Spreading a string into an object (`{...str}` in JavaScript, `dict(enumerate(s))` in Python) ' +
    'turns `"SOLIS"` into `{"0": "S", "1": "O", "2": "L", "3": "I", "4": "S"}`. The example then ' +
    'documents a shape the API never sends, schemas inferred from it describe an object with numbered ' +
    'properties, and mocks built from it serve that object to clients expecting a string. The ' +
    'finding gives the string the object spells, so the example can be repaired in one edit.',
  catalogueCase:
    'Enode API: `vendor` in Get Inverter, `mode` in Get HVAC and Update HVAC, `targetId` in the ' +
    'vehicle and HVAC action endpoints — every one declared `type: "string"` by its schema.',
};
