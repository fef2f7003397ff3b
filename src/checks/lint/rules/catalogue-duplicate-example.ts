import equalModule from 'ajv/dist/runtime/equal.js';
import { catalogueDuplicateExample } from '../../../rules/catalogue-duplicate-example.ts';
import { canonicalJson } from '../../../util/canonical-json.ts';
import type { ExampleSite } from '../../conformance/schema-index.ts';
import { exampleLabel, excerpt } from '../../conformance/text.ts';
import { isRedirect, isSuccess } from '../helpers/http-status.ts';
import type { LintRule } from '../types.ts';

// CommonJS default export; under ESM interop it may arrive wrapped
const equal = ((equalModule as unknown as { default?: unknown }).default ?? equalModule) as (a: unknown, b: unknown) => boolean;

/** Bodies too generic to say anything when two statuses share them. */
const TRIVIAL = new Set(['{}', '[]', 'null', '""', 'true', 'false']);

export const catalogueDuplicateExampleRule: LintRule = {
  ...catalogueDuplicateExample,
  *check(context) {
    for (const sites of context.byEndpoint()) {
      // endpoints have a handful of examples: compare pairwise (deep equality ignores key order and
      // stops at the first difference) rather than canonicalising every body of the catalogue
      for (let i = 1; i < sites.length; i++) {
        const site = sites[i]!;
        const first = sites.slice(0, i).find((earlier) => repeats(earlier, site) && equal(earlier.example.body, site.example.body));
        if (!first) continue;
        const sameStatus = first.response === site.response;
        if (!sameStatus && TRIVIAL.has(canonicalJson(site.example.body))) continue;
        yield context.draft(site, {
          pointer: '',
          message: sameStatus
            ? `${exampleLabel(site)}: repeats the body of row ${first.example.rowId} under the same status; drop one of the two rows (or make the example show something new)`
            : `${exampleLabel(site)}: has the same body as the ${first.response.status} example (row ${first.example.rowId}); one body cannot be both a success and an error, so one of the two statuses or bodies is wrong`,
          evidence: { body: excerpt(site.example.body, 120), sameAs: first.example.rowId, statuses: [first.response.status, site.response.status] },
        });
      }
    }
  },
};

/**
 * Two examples of one endpoint can share a body without contradiction when they are two errors
 * (a generic `{"success": false}` for 401 and 404) or two successes (200 and 201); the same body
 * under one status, or under a success and an error, is what the rule is about.
 */
function repeats(a: ExampleSite, b: ExampleSite): boolean {
  return a.response === b.response || succeeded(a.response.status) !== succeeded(b.response.status);
}

const succeeded = (status: number) => isSuccess(status) || isRedirect(status);
