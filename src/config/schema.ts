/** JSON Schema of `apiconform.config.{json,yaml}`; the file is validated against it before use. */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'apiconform configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    catalogue: { type: 'string', minLength: 1, description: 'Catalogue file (default data/catalogue.csv).' },
    generated: { type: 'string', minLength: 1, description: 'Output folder of `build` (default generated).' },
    contracts: { type: 'string', minLength: 1, description: 'Output folder of `contracts` (default contracts).' },
    reports: { type: 'string', minLength: 1, description: 'Report root; each command writes to <reports>/<command>/ (default reports).' },
    formats: {
      type: 'array',
      items: { enum: ['md', 'json', 'junit', 'html', 'sarif', 'github', 'changelog'] },
      uniqueItems: true,
      minItems: 1,
    },
    failOn: { enum: ['error', 'warning', 'info', 'never'], description: 'Lowest severity that makes a run exit 1.' },
    strict: { type: 'boolean', description: 'A bad catalogue row is fatal (exit 2) instead of a finding.' },
    ignore: { type: 'string', minLength: 1, description: 'Ignore file of accepted findings (default apiconform.ignore.yaml when it exists).' },
    baseline: { type: 'string', minLength: 1, description: 'A findings.json: its findings are accepted, only new ones count for failOn.' },
    rules: {
      type: 'object',
      description: 'Severity per rule id, or "off".',
      propertyNames: { pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
      additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
    },
    validate: {
      type: 'object',
      additionalProperties: false,
      properties: {
        runs: { type: 'integer', minimum: 0, maximum: 100000 },
        seed: { type: 'integer' },
        selfCheck: { type: 'boolean', description: 'Also check the generator against the validator (generated bodies validate, mutated ones do not).' },
      },
    },
  },
} as const;
