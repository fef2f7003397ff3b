export { acceptFindings, findingKey, type Acceptance, type Accepted, type IgnoreEntry, type IgnoreFile } from './accept.ts';
export { loadIgnoreFile, loadBaseline, IGNORE_FILE } from './load.ts';
