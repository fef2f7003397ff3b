import { exampleEmptyPlaceholder } from '../../../rules/example-empty-placeholder.ts';
import type { JsonSchemaObject } from '../../../schemas/types.ts';
import { formatAccepts } from '../../conformance/one-shot.ts';
import { at, exampleLabel } from '../../conformance/text.ts';
import { walkWithSchema } from '../helpers/instance-walk.ts';
import type { LintRule } from '../types.ts';

/** What a real value looks like, for the message. */
const SAMPLES: Record<string, string> = {
  'date-time': '2024-01-31T12:00:00Z',
  'iso-date-time': '2024-01-31T12:00:00Z',
  date: '2024-01-31',
  time: '12:00:00Z',
  'iso-time': '12:00:00Z',
  duration: 'P1D',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

export const exampleEmptyPlaceholderRule: LintRule = {
  ...exampleEmptyPlaceholder,
  *check(context) {
    const { ajv } = context.compiler;
    for (const site of context.sites) {
      if (!site.example.bodyText.includes('""')) continue; // cheap: no empty string anywhere
      const drafts: ReturnType<typeof context.draft>[] = [];
      walkWithSchema(context.statusSchema(site).schema, site.example.body, (pointer, value, schemas) => {
        if (value !== '') return;
        // only a format the value must have: one alternative of an anyOf may well allow ""
        const format = schemas.must.map((s: JsonSchemaObject) => s.format).find((f): f is string => typeof f === 'string' && !formatAccepts(ajv, f, ''));
        if (format === undefined) return;
        const sample = SAMPLES[format];
        drafts.push(
          context.draft(site, {
            pointer,
            message:
              `${exampleLabel(site)}: ${at(pointer)} is "" where the schema declares format "${format}"; put a real ${format} in the ` +
              `example${sample ? ` (e.g. ${JSON.stringify(sample)})` : ''}, or, if the API sends no value here, make the field optional or nullable in the schema`,
            evidence: { found: '', format },
          }),
        );
      });
      yield* drafts;
    }
  },
};
