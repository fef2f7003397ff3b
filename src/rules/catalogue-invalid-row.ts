import type { RuleDefinition } from './types.ts';

export const catalogueInvalidRow: RuleDefinition = {
  id: 'catalogue/invalid-row',
  stage: 'catalogue',
  severity: 'error',
  title: 'Catalogue row cannot be read',
  why:
    'A row whose id, status, body or schema cannot be parsed is left out of everything generated ' +
    'from the catalogue, so its endpoint silently loses a response. The finding names the file, ' +
    'line and row id so the row can be fixed at the source; `--strict` makes such rows fatal.',
  catalogueCase:
    'The dataset mixes statuses that are not integers into some exports and carries examples of ' +
    'up to 50k characters; a truncated export leaves invalid JSON in response_json.',
};
