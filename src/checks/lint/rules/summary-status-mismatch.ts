import { summaryStatusMismatch } from '../../../rules/summary-status-mismatch.ts';
import { exampleLabel } from '../../conformance/text.ts';
import { isError, statusText } from '../helpers/http-status.ts';
import type { LintRule } from '../types.ts';

export const summaryStatusMismatchRule: LintRule = {
  ...summaryStatusMismatch,
  *check(context) {
    for (const site of context.sites) {
      const label = site.example.summary;
      if (!label) continue;
      const status = site.response.status;
      const { names, outcome } = context.read(site.example).label;
      let contradiction: string | undefined;
      let named: number | undefined;
      if (names && names.status !== status) {
        // a 2xx/3xx phrase ("No Content") under another 2xx/3xx is a nuance, not a contradiction
        const bothFine = !isError(names.status) && !isError(status) && status >= 200;
        if (!bothFine) {
          contradiction = `names ${statusText(names.status)}`;
          named = names.status;
        }
      } else if (!names && outcome === 'success' && (isError(status) || status < 200)) {
        contradiction = 'says the request succeeded';
      }
      if (!contradiction) continue;
      yield context.draft(site, {
        pointer: '',
        message: `${exampleLabel(site)}: the label ${JSON.stringify(label)} ${contradiction}, but the example is filed under ${statusText(status)}; file it under the status the API sends, or relabel it`,
        evidence: { label, status, ...(named !== undefined ? { labelNames: named } : { labelSays: 'success' }) },
      });
    }
  },
};
