import type { Finding } from '../findings/types.ts';
import { isAtLeast, isCounted } from '../findings/types.ts';
import type { FailOn } from '../config/index.ts';

/** Documented exit codes (README "Exit codes"). */
export const EXIT = {
  clean: 0,
  findings: 1,
  usage: 2,
  internal: 3,
} as const;

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT.clean;
  return findings.some((f) => isCounted(f) && isAtLeast(f.severity, failOn)) ? EXIT.findings : EXIT.clean;
}
