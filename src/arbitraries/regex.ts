import * as fc from 'fast-check';
import type { RE2JS } from 're2js';
import { compileLinearRegExp } from '../validators/index.ts';
import { unsupported } from './errors.ts';

/**
 * Strings that match a `pattern`, produced by walking the very program the validator runs.
 *
 * apiconform validates `pattern` with RE2 (src/validators/regexp.ts). Generating from a JS
 * RegExp (fast-check's `stringMatching`) would disagree with it on syntax RE2 has and JS lacks
 * (`(?i)`, `\pL`, `\z`), and its negated classes filter forever when no printable character
 * fits. Here the RE2 program (an NFA of ALT / RUNE / EMPTY_WIDTH instructions) is walked from its
 * start to MATCH, steered by a list of choices that fast-check generates and shrinks: fewer or
 * smaller choices mean fewer loop iterations and earlier alternatives, so strings shrink to the
 * shortest match. Assertions (`^ $ \b`) are checked during the walk, with backtracking, and the
 * result is confirmed with RE2 before it is used.
 *
 * This reads re2js's compiled program (`re2Input.prog`), which re2js does not export as API;
 * the version is pinned and `compilePattern` checks the shape, reporting `unsupported` if a
 * different re2js ever changes it.
 */
interface Inst {
  op: number;
  out: number;
  arg: number;
  runes: ArrayLike<number>;
}

const ALT = 1;
const ALT_MATCH = 2;
const CAPTURE = 3;
const EMPTY_WIDTH = 4;
const FAIL = 5;
const MATCH = 6;
const NOP = 7;
const RUNE = 8;
const RUNE1 = 9;
const RUNE_ANY = 10;
const RUNE_ANY_NOT_NL = 11;

const BEGIN_LINE = 1;
const END_LINE = 2;
const BEGIN_TEXT = 4;
const END_TEXT = 8;
const WORD_BOUNDARY = 16;
const NO_WORD_BOUNDARY = 32;

const NEWLINE = 10;
const ANY: readonly number[] = [0, 0x10ffff];
const ANY_NOT_NL: readonly number[] = [0, 9, 11, 0x10ffff];
const STEP_BUDGET = 20_000;
/** Beyond this many instructions the quadratic loop analysis is skipped. */
const LOOP_ANALYSIS_LIMIT = 3000;

export interface CompiledPattern {
  readonly source: string;
  /** Whether some path reaches MATCH at all (ignoring assertions): false proves no match. */
  readonly canMatch: boolean;
  test(text: string): boolean;
  /**
   * A matching string steered by `choices`, aiming at `targetLength` code points; loops are not
   * left early while it is shorter than `minimumLength`.
   */
  walk(choices: readonly number[], targetLength: number, minimumLength?: number): string | undefined;
}

const cache = new Map<string, CompiledPattern>();

export function compilePattern(source: string, pointer: string): CompiledPattern {
  let compiled = cache.get(source);
  if (compiled) return compiled;
  let re: RE2JS;
  try {
    re = compileLinearRegExp(source);
  } catch (error) {
    throw unsupported(pointer, `pattern ${JSON.stringify(source)} is not a valid RE2 expression: ${(error as Error).message}`, error);
  }
  const prog = (re as unknown as { re2Input?: { prog?: { inst?: unknown; start?: unknown } } }).re2Input?.prog;
  if (!prog || !Array.isArray(prog.inst) || typeof prog.start !== 'number' || !prog.inst.every(isInst)) {
    throw unsupported(pointer, 'this version of re2js does not expose its compiled program; patterns cannot be generated');
  }
  compiled = new PatternWalker(source, re, prog.inst as Inst[], prog.start);
  cache.set(source, compiled);
  return compiled;
}

function isInst(value: unknown): boolean {
  const v = value as Inst;
  return typeof v === 'object' && v !== null && typeof v.op === 'number' && typeof v.out === 'number' && typeof v.arg === 'number' && v.runes !== undefined;
}

/** A matching-string arbitrary with lengths in [minLength, maxLength] aimed for (not enforced). */
export function patternArbitrary(pattern: CompiledPattern, minLength: number, maxLength: number | undefined): fc.Arbitrary<string | undefined> {
  const span = Math.max(0, Math.min((maxLength ?? minLength + 16) - minLength, 32));
  const choiceCount = Math.min(400, 2 * (minLength + span) + 24);
  return fc
    .tuple(fc.integer({ min: 0, max: span }), fc.array(fc.nat({ max: 0xffff }), { maxLength: choiceCount, size: 'max' }))
    .map(([extra, choices]) => pattern.walk(choices, minLength + extra, minLength));
}

interface ChoicePoint {
  pc: number;
  length: number;
  pending: number;
  endLocked: boolean;
  sinceRune: number;
}

class PatternWalker implements CompiledPattern {
  readonly canMatch: boolean;
  private readonly dist: number[];
  /** For an ALT that closes a loop: which branch goes round again (`out` or `arg`). */
  private readonly loopBranch = new Map<number, 'out' | 'arg'>();
  private readonly asciiCache = new Map<number, number[]>();

  constructor(
    readonly source: string,
    private readonly re: RE2JS,
    private readonly inst: Inst[],
    private readonly start: number,
  ) {
    this.dist = distances(inst);
    this.canMatch = Number.isFinite(this.dist[start] ?? Infinity);
    if (inst.length <= LOOP_ANALYSIS_LIMIT) this.findLoops();
  }

  test(text: string): boolean {
    return this.re.test(text);
  }

  walk(choices: readonly number[], targetLength: number, minimumLength = 0): string | undefined {
    let index = 0;
    const next = (): number | undefined => (index < choices.length ? choices[index++] : undefined);
    const prefix: number[] = [];
    const first = next();
    if (first !== undefined && first % 4 === 1) {
      const n = 1 + ((first >> 2) % 3);
      for (let i = 0; i < n; i++) prefix.push(niceRune(next()));
    }
    return this.walkFrom(prefix, next, targetLength, minimumLength) ?? (prefix.length > 0 ? this.walkFrom([], next, targetLength, minimumLength) : undefined);
  }

  private walkFrom(prefix: number[], next: () => number | undefined, target: number, minimum: number): string | undefined {
    const out = prefix.slice();
    const stack: ChoicePoint[] = [];
    let pc = this.start;
    let pending = 0;
    let endLocked = false;
    let sinceRune = 0;
    const limit = this.inst.length + 1;
    for (let steps = 0; steps < STEP_BUDGET; steps++) {
      let dead = false;
      const inst = this.inst[pc];
      if (!inst || sinceRune > limit) dead = true;
      else {
        switch (inst.op) {
          case MATCH: {
            if (!endOk(pending, out)) {
              dead = true;
              break;
            }
            if (!endLocked && pending === 0) {
              // Unanchored at the end: pad towards the target length, or sometimes add a little.
              const c = next();
              const extra = out.length < target ? target - out.length : c !== undefined && c % 4 === 1 ? 1 + ((c >> 2) % 3) : 0;
              for (let i = 0; i < extra; i++) out.push(niceRune(next()));
            }
            return String.fromCodePoint(...out);
          }
          case FAIL:
            dead = true;
            break;
          case CAPTURE:
          case NOP:
            pc = inst.out;
            sinceRune++;
            break;
          case EMPTY_WIDTH: {
            const flags = inst.arg;
            const prev = out.length > 0 ? out[out.length - 1] : undefined;
            if (flags & BEGIN_TEXT && out.length > 0) dead = true;
            else if (flags & BEGIN_LINE && prev !== undefined && prev !== NEWLINE) dead = true;
            else {
              if (flags & END_TEXT) endLocked = true;
              pending |= flags & (END_LINE | WORD_BOUNDARY | NO_WORD_BOUNDARY);
              if ((pending & WORD_BOUNDARY) !== 0 && (pending & NO_WORD_BOUNDARY) !== 0) dead = true;
              pc = inst.out;
              sinceRune++;
            }
            break;
          }
          case ALT:
          case ALT_MATCH: {
            const chosen = this.chooseBranch(pc, inst, next(), out.length < target, out.length < minimum);
            const other = chosen === inst.out ? inst.arg : inst.out;
            stack.push({ pc: other, length: out.length, pending, endLocked, sinceRune: sinceRune + 1 });
            pc = chosen;
            sinceRune++;
            break;
          }
          case RUNE:
          case RUNE1:
          case RUNE_ANY:
          case RUNE_ANY_NOT_NL: {
            if (endLocked) {
              dead = true;
              break;
            }
            const ranges = inst.op === RUNE_ANY ? ANY : inst.op === RUNE_ANY_NOT_NL ? ANY_NOT_NL : runeRanges(inst);
            const rune = this.pickRune(pc, ranges, next(), pending, out);
            if (rune === undefined) {
              dead = true;
              break;
            }
            out.push(rune);
            pending = 0;
            sinceRune = 0;
            pc = inst.out;
            break;
          }
          default:
            dead = true;
        }
      }
      if (dead) {
        const back = stack.pop();
        if (!back) return undefined;
        pc = back.pc;
        out.length = back.length;
        pending = back.pending;
        endLocked = back.endLocked;
        sinceRune = back.sinceRune;
      }
    }
    return undefined;
  }

  private chooseBranch(pc: number, inst: Inst, choice: number | undefined, grow: boolean, mustGrow: boolean): number {
    const { out, arg } = inst;
    const dOut = this.dist[out] ?? Infinity;
    const dArg = this.dist[arg] ?? Infinity;
    if (!Number.isFinite(dOut)) return arg;
    if (!Number.isFinite(dArg)) return out;
    const shorter = dArg < dOut ? arg : out;
    const longer = shorter === out ? arg : out;
    const loop = this.loopBranch.get(pc);
    if (loop !== undefined) {
      const again = loop === 'out' ? out : arg;
      const leave = loop === 'out' ? arg : out;
      if (!grow) return leave;
      return !mustGrow && choice !== undefined && choice % 8 === 0 ? leave : again;
    }
    if (choice === undefined) return grow ? longer : shorter;
    if (grow) return choice % 2 === 0 ? ((choice >> 1) & 1 ? out : arg) : longer;
    return choice & 1 ? arg : out;
  }

  private pickRune(pc: number, ranges: ArrayLike<number>, choice: number | undefined, pending: number, out: number[]): number | undefined {
    let ascii = this.asciiCache.get(pc);
    if (!ascii) {
      ascii = asciiIn(ranges);
      this.asciiCache.set(pc, ascii);
    }
    let candidates: number[] | undefined;
    if (pending !== 0) {
      // The next character must satisfy pending `$` (multiline) or `\b`/`\B` assertions.
      const prev = out.length > 0 ? out[out.length - 1] : undefined;
      const pool = ascii.length > 0 ? ascii : [...sampleRunes(ranges)];
      candidates = pool.filter((r) => nextOk(pending, prev, r));
      if (candidates.length === 0) return undefined;
    }
    if (candidates) return candidates[(choice ?? 0) % candidates.length];
    if (choice === undefined) {
      if (ascii.length === 0) return firstRune(ranges);
      return ascii.find(isAlnum) ?? ascii[0];
    }
    if (ascii.length > 0 && choice % 8 !== 7) return ascii[(choice >> 3) % ascii.length];
    return anyRune(ranges, choice) ?? ascii[0];
  }

  private findLoops(): void {
    const inst = this.inst;
    const successors = (pc: number): number[] => {
      const i = inst[pc];
      if (!i || i.op === MATCH || i.op === FAIL) return [];
      return i.op === ALT || i.op === ALT_MATCH ? [i.out, i.arg] : [i.out];
    };
    const reaches = (from: number, target: number): boolean => {
      const seen = new Set<number>();
      const stack = [from];
      while (stack.length > 0) {
        const pc = stack.pop()!;
        if (pc === target) return true;
        if (seen.has(pc)) continue;
        seen.add(pc);
        stack.push(...successors(pc));
      }
      return false;
    };
    inst.forEach((i, pc) => {
      if (i.op !== ALT && i.op !== ALT_MATCH) return;
      const outLoops = reaches(i.out, pc);
      const argLoops = reaches(i.arg, pc);
      if (outLoops !== argLoops) this.loopBranch.set(pc, outLoops ? 'out' : 'arg');
    });
  }
}

/** Fewest characters from each instruction to MATCH, ignoring assertions. */
function distances(inst: Inst[]): number[] {
  const dist = inst.map((i) => (i.op === MATCH ? 0 : Infinity));
  for (let changed = true, rounds = 0; changed && rounds <= inst.length + 1; rounds++) {
    changed = false;
    inst.forEach((i, pc) => {
      let d = Infinity;
      switch (i.op) {
        case ALT:
        case ALT_MATCH:
          d = Math.min(dist[i.out] ?? Infinity, dist[i.arg] ?? Infinity);
          break;
        case CAPTURE:
        case NOP:
        case EMPTY_WIDTH:
          d = dist[i.out] ?? Infinity;
          break;
        case RUNE:
        case RUNE1:
        case RUNE_ANY:
        case RUNE_ANY_NOT_NL:
          d = i.op === RUNE && i.runes.length === 0 ? Infinity : 1 + (dist[i.out] ?? Infinity);
          break;
        default:
          return;
      }
      if (d < dist[pc]!) {
        dist[pc] = d;
        changed = true;
      }
    });
  }
  return dist;
}

const FOLD_CASE = 1;

function runeRanges(inst: Inst): ArrayLike<number> {
  const runes = inst.runes;
  if (inst.op === RUNE1 || runes.length === 1) {
    const r = runes[0]!;
    if (inst.op === RUNE && (inst.arg & FOLD_CASE) !== 0) return [r, r];
    return [r, r];
  }
  return runes;
}

function isSurrogate(r: number): boolean {
  return r >= 0xd800 && r <= 0xdfff;
}

function isAlnum(r: number): boolean {
  return (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
}

function isWordRune(r: number | undefined): boolean {
  return r !== undefined && (isAlnum(r) || r === 95);
}

/** Printable ASCII members of a rune-range list (pairs lo, hi). */
function asciiIn(ranges: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const lo = Math.max(ranges[i]!, 0x20);
    const hi = Math.min(ranges[i + 1]!, 0x7e);
    for (let r = lo; r <= hi; r++) out.push(r);
  }
  return out;
}

function firstRune(ranges: ArrayLike<number>): number | undefined {
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    for (let r = ranges[i]!; r <= ranges[i + 1]!; r = r === 0xd7ff ? 0xe000 : r + 1) if (!isSurrogate(r)) return r;
  }
  return undefined;
}

function* sampleRunes(ranges: ArrayLike<number>): Generator<number> {
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const lo = ranges[i]!;
    const hi = Math.min(ranges[i + 1]!, lo + 64);
    for (let r = lo; r <= hi; r++) if (!isSurrogate(r)) yield r;
  }
}

/** A rune anywhere in the ranges, chosen by `choice` proportionally to range sizes. */
function anyRune(ranges: ArrayLike<number>, choice: number): number | undefined {
  let total = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) total += ranges[i + 1]! - ranges[i]! + 1;
  if (total <= 0) return undefined;
  let offset = Math.floor(((choice >> 3) * 2654435761) % total);
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const size = ranges[i + 1]! - ranges[i]! + 1;
    if (offset < size) {
      const r = ranges[i]! + offset;
      return isSurrogate(r) ? firstRune([Math.min(0xe000, ranges[i + 1]!), ranges[i + 1]!]) ?? firstRune(ranges) : r;
    }
    offset -= size;
  }
  return firstRune(ranges);
}

const NICE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.';

function niceRune(choice: number | undefined): number {
  return NICE.charCodeAt((choice ?? 0) % NICE.length);
}

/** Whether `rune` may follow `prev` given the pending assertions. */
function nextOk(pending: number, prev: number | undefined, rune: number): boolean {
  if (pending & END_LINE && rune !== NEWLINE) return false;
  const boundary = isWordRune(prev) !== isWordRune(rune);
  if (pending & WORD_BOUNDARY && !boundary) return false;
  if (pending & NO_WORD_BOUNDARY && boundary) return false;
  return true;
}

/** Whether the pending assertions hold at the end of the text. */
function endOk(pending: number, out: number[]): boolean {
  const prev = out.length > 0 ? out[out.length - 1] : undefined;
  const boundary = isWordRune(prev);
  if (pending & WORD_BOUNDARY && !boundary) return false;
  if (pending & NO_WORD_BOUNDARY && boundary) return false;
  return true;
}
