import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { inputError } from '../util/errors.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { safeJoin } from './paths.ts';

/**
 * A build changes the output folder as one transaction, so that after a crash or `kill -9` at any
 * moment the folder is, once recovered, exactly the previous tree or exactly the new one:
 *
 * 1. every file the build writes goes to a staging folder inside the output folder
 *    (`.apiconform-staging/<path>`), the manifest included; the tree itself is untouched;
 * 2. the commit point: a journal (`.apiconform-commit.json`, written whole by rename) lists the
 *    files to remove;
 * 3. the staging tree is moved into place (a folder the tree lacks is moved whole, so a cold build
 *    is a couple of renames, not one per file), the removals are made, the manifest moved last;
 *    then the journal is deleted and the emptied staging folder removed.
 *
 * `recoverOutput()` runs first in every build (and `build --check`): with a journal it finishes
 * step 3 (roll forward; each step can be redone), without one it deletes the staging folder
 * (roll back). Staged files need no temp-and-rename of their own: nothing reads them before the
 * journal exists, and the journal exists only once they are all whole.
 */
export const STAGING_DIR = '.apiconform-staging';
export const JOURNAL_FILE = '.apiconform-commit.json';

interface Journal {
  remove: string[];
}

/** Writes one file of the new tree into the staging folder (its folders made on demand). */
export function stageFile(out: string, path: string, content: string): void {
  const target = safeJoin(join(out, STAGING_DIR), path);
  try {
    writeFileSync(target, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  crashPoint();
}

/** Makes the staged tree the output: the commit point, then the moves (see above). */
export async function commitStaged(out: string, remove: readonly string[]): Promise<void> {
  for (const path of remove) safeJoin(out, path); // refuse before committing, not half-way through
  await writeFileAtomic(join(out, JOURNAL_FILE), `${JSON.stringify({ remove: [...remove] } satisfies Journal)}\n`);
  crashPoint();
  applyJournal(out, { remove: [...remove] });
}

/** Drops what a build staged before it failed (nothing of the tree has changed yet). */
export function discardStaged(out: string): void {
  rmSync(join(out, STAGING_DIR), { recursive: true, force: true });
}

/**
 * Brings an output folder left by an interrupted build back to a whole tree: forward to the new
 * one if the build had committed, back to the previous one otherwise. A no-op (two `stat`s) on a
 * folder no build was interrupted in.
 */
export function recoverOutput(out: string): void {
  const journal = readJournal(out);
  if (journal) applyJournal(out, journal);
  else if (existsSync(join(out, STAGING_DIR))) {
    discardStaged(out);
    crashPoint();
  }
  removeStrayTemps(out);
}

function readJournal(out: string): Journal | undefined {
  let text: string;
  try {
    text = readFileSync(join(out, JOURNAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // written whole by rename, so it is either absent or complete: anything else was not written by a build
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(text) as Journal;
  } catch {
    journal = undefined;
  }
  if (!Array.isArray(journal?.remove) || !journal.remove.every((p) => typeof p === 'string')) {
    throw inputError('not a build journal: delete it and the staging folder beside it, then build again', { file: join(out, JOURNAL_FILE) });
  }
  return journal;
}

/** Step 3; every part of it can run again after being interrupted. */
function applyJournal(out: string, journal: Journal): void {
  const staging = join(out, STAGING_DIR);
  if (existsSync(staging)) moveInto(staging, out, true);
  for (const path of journal.remove) removeOwnedFile(out, path);
  const manifest = join(staging, MANIFEST_FILE);
  if (existsSync(manifest)) {
    renameSync(manifest, join(out, MANIFEST_FILE));
    crashPoint();
  }
  unlinkSync(join(out, JOURNAL_FILE));
  crashPoint();
  rmSync(staging, { recursive: true, force: true }); // only empty folders are left in it
}

/** Moves the entries of `from` into `to`: a folder `to` lacks goes whole, others are merged. */
function moveInto(from: string, to: string, top: boolean): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (top && entry.name === MANIFEST_FILE) continue; // the manifest goes last
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const existing = lstatOrUndefined(target);
    if (entry.isDirectory() && existing?.isDirectory()) {
      moveInto(source, target, false);
      continue;
    }
    if (existing && (entry.isDirectory() || existing.isDirectory())) rmSync(target, { recursive: true, force: true });
    renameSync(source, target);
    crashPoint();
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Removes a file the previous build owned, and its folders once they are empty. */
function removeOwnedFile(out: string, path: string): void {
  const full = safeJoin(out, path);
  rmSync(full, { force: true });
  crashPoint();
  for (let dir = dirname(full); dir.startsWith(out + sep) && dir !== out; dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') break;
      throw error;
    }
  }
}

/** The journal's temp file (`..apiconform-commit.json.<pid>-….tmp`) if a kill caught it half-written. */
function removeStrayTemps(out: string): void {
  let names: string[];
  try {
    names = readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw error;
  }
  for (const name of names) if (name.startsWith(`.${JOURNAL_FILE}.`) && name.endsWith('.tmp')) rmSync(join(out, name), { force: true });
}

let steps = 0;
const crashAt = Number(process.env.APICONFORM_TEST_CRASH_AT_STEP ?? NaN);

/**
 * Test hook: with `APICONFORM_TEST_CRASH_AT_STEP=N` the process kills itself (SIGKILL, as
 * `kill -9` would) at the Nth change it makes to the output folder, to prove every moment is safe.
 */
function crashPoint(): void {
  if (++steps === crashAt) process.kill(process.pid, 'SIGKILL');
}
