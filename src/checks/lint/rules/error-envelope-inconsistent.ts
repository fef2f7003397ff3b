import { errorEnvelopeInconsistent } from '../../../rules/error-envelope-inconsistent.ts';
import type { ExampleSite } from '../../conformance/schema-index.ts';
import { exampleLabel, list } from '../../conformance/text.ts';
import { envelopeShape } from '../helpers/envelope.ts';
import { isError } from '../helpers/http-status.ts';
import type { LintRule } from '../types.ts';

export const errorEnvelopeInconsistentRule: LintRule = {
  ...errorEnvelopeInconsistent,
  *check(context) {
    for (const [api, sites] of context.byApi()) {
      const shapes = new Map<string, ExampleSite[]>();
      for (const site of sites) {
        if (!isError(site.response.status) || context.read(site.example).validation) continue;
        const shape = envelopeShape(site.example.body);
        const same = shapes.get(shape);
        if (same) same.push(site);
        else shapes.set(shape, [site]);
      }
      if (shapes.size < 2) continue;
      // the usual shape: most examples; on a tie, the one seen first
      const [usual, usualSites] = [...shapes].reduce((best, entry) => (entry[1].length > best[1].length ? entry : best));
      const total = [...shapes.values()].reduce((n, sites) => n + sites.length, 0);
      const where = list(usualSites.map((s) => `${s.endpoint.name} ${s.response.status}`), 3).replace(/"/g, '');
      for (const [shape, sites] of shapes) {
        if (shape === usual) continue;
        for (const site of sites) {
          yield context.draft(site, {
            pointer: '',
            message:
              `${exampleLabel(site)}: the error body has the shape ${shape}, but ${usualSites.length} of ${api.name}'s ${total} error ` +
              `examples use ${usual} (${where}); answer every error with one envelope so clients can parse them alike`,
            evidence: { shape, usual, usualCount: usualSites.length, errorExamples: total, shapes: Object.fromEntries([...shapes].map(([k, v]) => [k, v.length])) },
          });
        }
      }
    }
  },
};
