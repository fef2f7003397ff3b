/**
 * Regenerates docs/rules.md from the rule registry (`npm run docs`). A test fails when the
 * committed file differs, the same way `build --check` guards generated/.
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/rules/index.ts';
import { renderRulesDoc } from '../src/rules/rules-doc.ts';
import { writeFileAtomic } from '../src/util/atomic-write.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
await writeFileAtomic(resolve(root, 'docs/rules.md'), renderRulesDoc(RULES));
console.log(`wrote docs/rules.md (${RULES.length} rules)`);
