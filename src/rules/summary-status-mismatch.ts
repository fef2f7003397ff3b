import type { RuleDefinition } from './types.ts';

export const summaryStatusMismatch: RuleDefinition = {
  id: 'summary/status-mismatch',
  stage: 'lint',
  severity: 'warning',
  title: 'The example\'s label contradicts its status code',
  why:
    'The label (`response_summary`) is what people read in documentation and what generated mocks, ' +
    'tests and contracts are named after. A label that names another status ("Unauthorized" on ' +
    '`402`, "Not Found" on `200`) or the opposite outcome ("Success" on a `4xx`) means either the ' +
    'status or the example was filed in the wrong place; whichever it is, someone reading the ' +
    'documentation is misled about what the API answers.',
  catalogueCase:
    'The dataset labels examples freely ("Success Response", "Unauthorized", "Validation Error", ' +
    '"Error", "New Example"); labels that name a status are checked against the status they are ' +
    'filed under. In the sample every such label agrees with its status, which the bundled-catalogue ' +
    'test pins down.',
};
