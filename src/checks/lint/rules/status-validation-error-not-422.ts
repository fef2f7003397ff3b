import type { Api } from '../../../model/types.ts';
import { statusValidationErrorNot422 } from '../../../rules/status-validation-error-not-422.ts';
import type { FindingDraft } from '../../../rules/types.ts';
import type { ExampleSite } from '../../conformance/schema-index.ts';
import { exampleLabel, list } from '../../conformance/text.ts';
import type { LintContext } from '../context.ts';
import { isSuccess, statusText } from '../helpers/http-status.ts';
import { kindOfText } from '../helpers/error-kind.ts';
import { words } from '../helpers/text.ts';
import type { LintRule } from '../types.ts';

const PROPER = new Set([400, 422]);

/** What marks an example as a validation error: its body shape and/or its label. */
function validationEvidence(context: LintContext, site: ExampleSite): { shape?: string; pointer: string; label?: string } | undefined {
  const { validation } = context.read(site.example);
  const label = site.example.summary && kindOfText(words(site.example.summary)) === 'validation' ? site.example.summary : undefined;
  if (!validation && !label) return undefined;
  return { ...(validation ? { shape: validation.shape } : {}), pointer: validation?.pointer ?? '', ...(label ? { label } : {}) };
}

export const statusValidationErrorNot422Rule: LintRule = {
  ...statusValidationErrorNot422,
  *check(context) {
    const proper = new Map<Api, Map<number, Set<string>>>(); // where each API answers validation errors properly
    const wrong: Array<{ site: ExampleSite; evidence: NonNullable<ReturnType<typeof validationEvidence>> }> = [];
    for (const site of context.sites) {
      const evidence = validationEvidence(context, site);
      if (!evidence) continue;
      const status = site.response.status;
      if (PROPER.has(status)) {
        let byStatus = proper.get(site.api);
        if (!byStatus) proper.set(site.api, (byStatus = new Map()));
        byStatus.set(status, (byStatus.get(status) ?? new Set()).add(site.endpoint.name));
      } else if (!isSuccess(status)) {
        wrong.push({ site, evidence }); // a 2xx is status/error-body-on-success's to report
      }
    }
    for (const { site, evidence } of wrong) yield finding(context, site, evidence, proper.get(site.api));
  },
};

function finding(context: LintContext, site: ExampleSite, evidence: NonNullable<ReturnType<typeof validationEvidence>>, proper: Map<number, Set<string>> | undefined): FindingDraft {
  const status = site.response.status;
  const what = [evidence.shape, evidence.label && `labelled ${JSON.stringify(evidence.label)}`].filter(Boolean).join(', ');
  const elsewhere = [...(proper ?? new Map<number, Set<string>>())].sort(([a], [b]) => b - a);
  const same = elsewhere.map(([code, names]) => `${code} on ${list([...names].sort(), 3).replace(/"/g, '')}`).join(' and ');
  const use = elsewhere[0]?.[0] === 400 ? '400 (or 422)' : '422 (or 400)';
  return context.draft(site, {
    pointer: evidence.pointer,
    message:
      `${exampleLabel(site)}: answers a validation error (${what}) with ${statusText(status)}; use ${use}` +
      (same ? ` — the same API uses ${same}` : ''),
    evidence: {
      status,
      ...(evidence.shape ? { shape: evidence.shape } : {}),
      ...(evidence.label ? { label: evidence.label } : {}),
      sameApi: Object.fromEntries(elsewhere.map(([code, names]) => [code, [...names].sort()])),
    },
  });
}
