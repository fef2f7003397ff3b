import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { acceptFindings, loadBaseline, loadIgnoreFile, IGNORE_FILE } from '../accept/index.ts';
import { gradeFindings, type ResolvedConfig } from '../config/index.ts';
import { compareFindings } from '../findings/types.ts';
import { ruleById } from '../rules/index.ts';
import type { RunResult } from './run.ts';

/**
 * The one place every command (lint, validate, all, drift, diff) applies accepted findings: the
 * ignore file (`--ignore`, `ignore` in the config, or `apiconform.ignore.yaml` when it exists)
 * and the baseline (`--baseline`, `baseline` in the config). See `accept/accept.ts`.
 */
export async function applyAcceptance(result: RunResult, config: ResolvedConfig, root = process.cwd()): Promise<RunResult> {
  const ignorePath = config.ignore ?? (existsSync(resolve(root, IGNORE_FILE)) ? IGNORE_FILE : undefined);
  if (!ignorePath && !config.baseline) return result;
  const ignore = ignorePath ? await loadIgnoreFile(resolve(root, ignorePath)) : undefined;
  const baseline = config.baseline ? await loadBaseline(resolve(root, config.baseline)) : undefined;
  const { findings, fixed } = acceptFindings(
    result.findings,
    { ...(ignore ? { ignore: { ...ignore, file: ignorePath! } } : {}), ...(baseline ? { baseline: { ...baseline, file: config.baseline! } } : {}) },
    (draft) => gradeFindings([{ ...draft, severity: ruleById(draft.ruleId)!.severity }], config.rules)[0] ?? { ...draft, severity: ruleById(draft.ruleId)!.severity },
  );
  return { ...result, findings: findings.sort(compareFindings), ...(baseline ? { fixed: fixed.sort(compareFindings) } : {}) };
}
