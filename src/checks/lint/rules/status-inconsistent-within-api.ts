import type { Endpoint } from '../../../model/types.ts';
import { statusInconsistentWithinApi } from '../../../rules/status-inconsistent-within-api.ts';
import type { ExampleSite } from '../../conformance/schema-index.ts';
import { list, siteLabel } from '../../conformance/text.ts';
import { ERROR_KINDS, type ErrorKind, type ErrorKindReading } from '../helpers/error-kind.ts';
import { isError, statusText } from '../helpers/http-status.ts';
import type { LintRule } from '../types.ts';

interface Use {
  site: ExampleSite;
  reading: ErrorKindReading;
}

export const statusInconsistentWithinApiRule: LintRule = {
  ...statusInconsistentWithinApi,
  *check(context) {
    for (const [api, sites] of context.byApi()) {
      // kind → status → first example per endpoint
      const byKind = new Map<ErrorKind, Map<number, Map<Endpoint, Use>>>();
      for (const site of sites) {
        if (!isError(site.response.status)) continue;
        const reading = context.read(site.example).errorKind;
        if (!reading) continue;
        let byStatus = byKind.get(reading.kind);
        if (!byStatus) byKind.set(reading.kind, (byStatus = new Map()));
        let endpoints = byStatus.get(site.response.status);
        if (!endpoints) byStatus.set(site.response.status, (endpoints = new Map()));
        if (!endpoints.has(site.endpoint)) endpoints.set(site.endpoint, { site, reading });
      }
      for (const [kind, byStatus] of byKind) {
        if (byStatus.size < 2) continue;
        const expected = expectedStatus(kind, byStatus);
        const names = (status: number) => [...byStatus.get(status)!.keys()].map((e) => e.name).sort();
        const summary = Object.fromEntries([...byStatus.keys()].sort((a, b) => a - b).map((s) => [s, names(s)]));
        for (const [status, endpoints] of byStatus) {
          if (status === expected) continue;
          for (const { site, reading } of endpoints.values()) {
            const { noun } = ERROR_KINDS[kind];
            yield context.draftResponse(site, {
                pointer: reading.pointer,
                message:
                  `${siteLabel({ api: site.api, endpoint: site.endpoint, status })}: answers ${noun} with ${statusText(status)}, but ` +
                  `${api.name} answers ${noun.replace(/^an? /, '')}s with ${expected} ${where(names(expected), site.endpoint.name)}; ` +
                  `use ${expected} here too (recognised as ${noun} by its ${reading.because})`,
                evidence: { kind, status, expected, because: reading.because, byStatus: summary },
              });
          }
        }
      }
    }
  },
};

/** `on Generate OTP, Verify OTP`, saying so when the endpoint itself is one of them. */
function where(endpoints: string[], self: string): string {
  const others = endpoints.filter((name) => name !== self);
  const also = others.length < endpoints.length;
  if (others.length === 0) return 'on this endpoint itself';
  return `on ${list(others, 3).replace(/"/g, '')}${also ? ' and on this endpoint itself' : ''}`;
}

/** The status the API should settle on: HTTP's own code for the kind if the API uses it, else its most used. */
function expectedStatus(kind: ErrorKind, byStatus: Map<number, Map<Endpoint, Use>>): number {
  const standard = ERROR_KINDS[kind].standard.find((code) => byStatus.has(code));
  if (standard !== undefined) return standard;
  return [...byStatus].sort(([a, x], [b, y]) => y.size - x.size || a - b)[0]![0];
}
