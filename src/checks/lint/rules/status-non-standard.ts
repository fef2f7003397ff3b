import { statusNonStandard } from '../../../rules/status-non-standard.ts';
import { siteLabel } from '../../conformance/text.ts';
import { HTTP_STATUS, UNUSED_STATUS } from '../helpers/http-status.ts';
import type { LintRule } from '../types.ts';

/** Why a status is not one a client can rely on, or undefined for a registered final status. */
export function statusProblem(status: number): string | undefined {
  if (status < 100 || status > 599) return `${status} is not an HTTP status code at all (they run from 100 to 599)`;
  if (status < 200) {
    const what = HTTP_STATUS.has(status) ? `${status} ${HTTP_STATUS.get(status)}` : `${status} (not even a registered code)`;
    return `${what} is informational (1xx): a 1xx is never the final response to a request and carries no body`;
  }
  if (UNUSED_STATUS.has(status)) return `${status} is registered with IANA as "(Unused)": reserved, not for use`;
  if (!HTTP_STATUS.has(status)) return `${status} is not in the IANA HTTP status registry; clients treat it as ${Math.floor(status / 100)}00 at best`;
  return undefined;
}

export const statusNonStandardRule: LintRule = {
  ...statusNonStandard,
  *check(context) {
    for (const site of context.responseSites()) {
      const status = site.response.status;
      const problem = statusProblem(status);
      if (!problem) continue;
      yield context.draftResponse(site, {
        pointer: '',
        message: `${siteLabel({ api: site.api, endpoint: site.endpoint, status })}: ${problem}; document the status the API really answers with (${status < 300 ? 'a 2xx such as 200' : `a registered ${Math.floor(status / 100)}xx`})`,
        evidence: { status, rows: site.response.examples.map((e) => e.rowId) },
      });
    }
  },
};
