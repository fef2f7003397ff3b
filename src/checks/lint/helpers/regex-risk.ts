/**
 * Catastrophic backtracking in a `pattern`: apiconform runs patterns with RE2 (linear time), but
 * the schemas it publishes are used by validators with backtracking engines (JavaScript's
 * RegExp, Python's `re`, Java), where a pattern such as `^(a+)+$` takes exponential time on a
 * short non-matching string. This finds the two classic shapes, conservatively (a pattern it
 * cannot parse, or whose character sets it cannot evaluate, is not flagged):
 * - a nested unbounded repetition whose inner repetition can be split between outer iterations:
 *   `(a+)+`, `(\w+\s?)*`, `([a-z]+\.?)*` — but not `([a-z]+\.)*`, where the `.` separates them;
 * - an unbounded repetition of alternatives that can match the same character: `(\w|\d)+`,
 *   `(.|\s)*` — but not `(.|\n)*`.
 */
export function catastrophicBacktracking(pattern: string): string | undefined {
  let tree: Alternation;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return undefined; // not ours to judge: the normaliser reports patterns that do not compile
  }
  return findRisk(tree);
}

type Node = CharNode | GroupNode | RepeatNode | EmptyNode;
interface CharNode {
  kind: 'char';
  source: string;
}
interface GroupNode {
  kind: 'group';
  alternation: Alternation;
  /** Look-arounds consume nothing and are not repeated into ambiguity. */
  lookaround: boolean;
}
interface RepeatNode {
  kind: 'repeat';
  node: Node;
  min: number;
  max: number;
  source: string;
}
/** Anchors, word boundaries and back-references: consume no characters we can reason about. */
interface EmptyNode {
  kind: 'empty';
}
type Sequence = Node[];
type Alternation = Sequence[];

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Alternation {
    const result = this.alternation();
    if (this.i !== this.s.length) throw new Error('unbalanced )');
    return result;
  }

  private alternation(): Alternation {
    const alternatives: Alternation = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): Sequence {
    const items: Sequence = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const start = this.i;
      const atom = this.atom();
      items.push(this.quantifier(atom, start));
    }
    return items;
  }

  private atom(): Node {
    const c = this.s[this.i]!;
    if (c === '(') {
      this.i++;
      let lookaround = false;
      if (this.s[this.i] === '?') {
        const rest = this.s.slice(this.i);
        const prefix = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(rest);
        if (!prefix) throw new Error('unknown group');
        lookaround = ['=', '!', '<=', '<!'].includes(prefix[1]!);
        this.i += prefix[0].length;
      }
      const alternation = this.alternation();
      if (this.s[this.i] !== ')') throw new Error('unclosed (');
      this.i++;
      return { kind: 'group', alternation, lookaround };
    }
    if (c === '[') return { kind: 'char', source: this.charClass() };
    if (c === '^' || c === '$') {
      this.i++;
      return { kind: 'empty' };
    }
    if (c === '\\') {
      const next = this.s[this.i + 1];
      if (next === undefined) throw new Error('trailing \\');
      if (next === 'b' || next === 'B') {
        this.i += 2;
        return { kind: 'empty' };
      }
      if (/[1-9]/.test(next) || next === 'k') throw new Error('back-reference'); // RE2 rejects them; the normaliser reports it
      const escape = /^\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|.)/su.exec(this.s.slice(this.i));
      if (!escape) throw new Error('bad escape');
      this.i += escape[0].length;
      return { kind: 'char', source: escape[0] };
    }
    if ('*+?{'.includes(c) && !(c === '{' && !/^\{\d+(,\d*)?\}/.test(this.s.slice(this.i)))) throw new Error('nothing to repeat');
    const char = String.fromCodePoint(this.s.codePointAt(this.i)!);
    this.i += char.length;
    return { kind: 'char', source: /[.]/.test(char) ? char : escapeLiteral(char) };
  }

  private charClass(): string {
    let j = this.i + 1;
    if (this.s[j] === '^') j++;
    if (this.s[j] === ']') j++;
    while (j < this.s.length && this.s[j] !== ']') j += this.s[j] === '\\' ? 2 : 1;
    if (j >= this.s.length) throw new Error('unclosed [');
    const source = this.s.slice(this.i, j + 1);
    this.i = j + 1;
    return source;
  }

  private quantifier(node: Node, start: number): Node {
    const rest = this.s.slice(this.i);
    const q = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(rest);
    if (!q) return node;
    this.i += q[0].length;
    let min: number;
    let max: number;
    if (q[1] === '*') [min, max] = [0, Infinity];
    else if (q[1] === '+') [min, max] = [1, Infinity];
    else if (q[1] === '?') [min, max] = [0, 1];
    else {
      min = Number(q[2]);
      max = q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
    }
    return { kind: 'repeat', node, min, max, source: this.s.slice(start, this.i) };
  }
}

function escapeLiteral(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function findRisk(alternation: Alternation): string | undefined {
  for (const sequence of alternation) {
    for (const node of sequence) {
      const risk = nodeRisk(node);
      if (risk) return risk;
    }
  }
  return undefined;
}

function nodeRisk(node: Node): string | undefined {
  if (node.kind === 'group') return node.lookaround ? undefined : findRisk(node.alternation);
  if (node.kind !== 'repeat') return undefined;
  // exponential when unbounded; polynomial of a high degree (as bad in practice) from 10 repetitions
  if (node.max === Infinity || node.max >= 10) {
    const inner = node.node.kind === 'group' && !node.node.lookaround ? node.node.alternation : [[node.node]];
    for (const sequence of inner) {
      for (let k = 0; k < sequence.length; k++) {
        const candidate = sequence[k]!;
        const repeated = unboundedRepeatIn(candidate);
        if (!repeated) continue;
        const chars = charsOf(repeated);
        if (!chars) continue;
        const others = sequence.filter((_, i) => i !== k);
        if (others.every((other) => nullable(other) || overlaps(charsOf(other), chars))) {
          return `nested repetition ${repeated.source} inside ${node.source}`;
        }
      }
    }
    if (inner.length > 1) {
      const singles = inner.map((sequence) => (sequence.length === 1 ? singleCharSet(sequence[0]!) : undefined));
      for (let a = 0; a < singles.length; a++) {
        for (let b = a + 1; b < singles.length; b++) {
          if (singles[a] && singles[b] && overlaps(singles[a], singles[b])) return `alternatives that match the same character repeated by ${node.source}`;
        }
      }
    }
  }
  return nodeRisk(node.node);
}

/** The unbounded repetition a node is or directly wraps (`a+`, `(a+)`, `((a)+)`). */
function unboundedRepeatIn(node: Node): RepeatNode | undefined {
  if (node.kind === 'repeat') return node.max === Infinity ? node : undefined;
  if (node.kind === 'group' && !node.lookaround && node.alternation.length === 1 && node.alternation[0]!.length === 1) return unboundedRepeatIn(node.alternation[0]![0]!);
  return undefined;
}

function nullable(node: Node): boolean {
  switch (node.kind) {
    case 'empty':
      return true;
    case 'char':
      return false;
    case 'repeat':
      return node.min === 0 || nullable(node.node);
    case 'group':
      return node.lookaround || node.alternation.some((sequence) => sequence.every(nullable));
  }
}

/** A single-character atom (possibly repeated or parenthesised)'s character set. */
function singleCharSet(node: Node): Set<number> | undefined {
  if (node.kind === 'char') return charSet(node.source);
  if (node.kind === 'repeat') return singleCharSet(node.node);
  if (node.kind === 'group' && !node.lookaround && node.alternation.length === 1 && node.alternation[0]!.length === 1) return singleCharSet(node.alternation[0]![0]!);
  return undefined;
}

/** Every character a node can consume, or undefined when one of its atoms cannot be evaluated. */
function charsOf(node: Node): Set<number> | undefined {
  switch (node.kind) {
    case 'empty':
      return new Set();
    case 'char':
      return charSet(node.source);
    case 'repeat':
      return charsOf(node.node);
    case 'group': {
      if (node.lookaround) return new Set();
      const all = new Set<number>();
      for (const sequence of node.alternation) {
        for (const item of sequence) {
          const chars = charsOf(item);
          if (!chars) return undefined;
          for (const c of chars) all.add(c);
        }
      }
      return all;
    }
  }
}

function overlaps(a: Set<number> | undefined, b: Set<number> | undefined): boolean {
  if (!a || !b) return false;
  for (const c of a) if (b.has(c)) return true;
  return false;
}

/** Characters an atom is tested on: ASCII plus a few beyond it (NBSP, é, CJK, an emoji, a line separator). */
const SAMPLE = [...Array.from({ length: 128 }, (_, i) => i), 0xa0, 0xe9, 0x2028, 0x4e2d, 0x1f600];
const charSets = new Map<string, Set<number> | undefined>();

function charSet(source: string): Set<number> | undefined {
  if (charSets.has(source)) return charSets.get(source);
  let result: Set<number> | undefined;
  for (const flags of ['u', '']) {
    try {
      const re = new RegExp(`^(?:${source})$`, flags);
      result = new Set(SAMPLE.filter((c) => re.test(String.fromCodePoint(c))));
      break;
    } catch {
      // try without the u flag (legacy escapes such as `\-` outside a class), else give up
    }
  }
  charSets.set(source, result);
  return result;
}
