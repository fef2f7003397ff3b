import { statusErrorBodyOnSuccess } from '../../../rules/status-error-body-on-success.ts';
import { exampleLabel } from '../../conformance/text.ts';
import { isSuccess } from '../helpers/http-status.ts';
import type { LintRule } from '../types.ts';

export const statusErrorBodyOnSuccessRule: LintRule = {
  ...statusErrorBodyOnSuccess,
  *check(context) {
    for (const site of context.sites) {
      const status = site.response.status;
      if (!isSuccess(status)) continue;
      const reading = context.read(site.example);
      const label = site.example.summary;
      // a label naming another status ("Not Found" on 200) is summary/status-mismatch's to report
      const labelSaysError = label !== null && !reading.label.names && (reading.label.outcome === 'error' || reading.errorKind?.because.startsWith('label'));
      const signal = reading.errorSignal;
      if (!labelSaysError && !signal) continue;
      const said = [labelSaysError && `labelled ${JSON.stringify(label)}`, signal && `whose body says ${signal.says}`].filter(Boolean).join(' ');
      yield context.draft(site, {
        pointer: signal?.pointer ?? '',
        message:
          `${exampleLabel(site)}: a ${status} ${said}; an error must be answered with a 4xx/5xx status (file this example ` +
          `under it), and if the request did succeed, fix the ${signal ? 'body' : 'label'}`,
        evidence: { status, ...(labelSaysError ? { label } : {}), ...(signal ? { body: signal.says } : {}) },
      });
    }
  },
};
