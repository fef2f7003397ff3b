import { endpointNoSuccessResponse } from '../../../rules/endpoint-no-success-response.ts';
import { siteLabel } from '../../conformance/text.ts';
import { isRedirect, isSuccess } from '../helpers/http-status.ts';
import type { LintRule } from '../types.ts';

export const endpointNoSuccessResponseRule: LintRule = {
  ...endpointNoSuccessResponse,
  *check(context) {
    for (const site of context.responseSites()) {
      const { endpoint } = site;
      if (site.response !== endpoint.responses[0]) continue; // once per endpoint
      // a redirect is how some endpoints succeed; only an endpoint of errors (or 1xx) is reported
      if (endpoint.responses.some((r) => isSuccess(r.status) || isRedirect(r.status))) continue;
      const statuses = endpoint.responses.map((r) => r.status);
      yield context.draftEndpoint(site, {
        message:
          `${siteLabel({ api: site.api, endpoint })}: documents no successful response, only ${statuses.join(', ')}; ` +
          'add an example of the 2xx body the endpoint returns when it works',
        evidence: { statuses },
      });
    }
  },
};
