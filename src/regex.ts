// Every pattern the project runs on repository text runs here, on RE2 semantics (re2js): time
// linear in the input whatever the text, so no file can hang a scan or a migration. Patterns are
// written as ordinary RegExp literals (readable, checked by TypeScript) and compiled once.
// RE2 has no lookahead and no backreferences; captureless lookbehinds are allowed (re2js runs
// them in linear time on its NFA), but cost the fast DFA path, so hot rules avoid them.
import { RE2JS } from 're2js';

export interface Span {
  index: number;
  end: number;
}

export interface LinearMatch {
  index: number;
  end: number;
  /** The matched text. */
  0: string;
  /** Text of a numbered group, or undefined when it did not take part. */
  group(n: number): string | undefined;
  /** Span of a named group, or undefined when it did not take part. */
  span(name: string): Span | undefined;
}

const cache = new Map<string, LinearRegExp>();
/** Window of the NFA pass, and the context it reads before and after (see matchAll). */
const WINDOW = 64 * 1024;
const WINDOW_CONTEXT = 1024;
const WINDOW_REACH = 8 * 1024;

export class LinearRegExp {
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  private compiled?: RE2JS;
  private groupIndex: Record<string, number> = {};
  private names = new Set<string>();

  constructor(source: string, flags = '') {
    this.source = source;
    this.flags = flags;
    this.global = flags.includes('g');
  }

  /**
   * Compiled on first use: most patterns never meet a file that passes the prefilter, and each
   * scan thread would otherwise compile every one of them at start-up.
   */
  private get re(): RE2JS {
    if (this.compiled) return this.compiled;
    let f = 0;
    if (this.flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
    if (this.flags.includes('m')) f |= RE2JS.MULTILINE;
    if (this.flags.includes('s')) f |= RE2JS.DOTALL;
    if (/\(\?<[=!]/.test(this.source)) f |= RE2JS.LOOKBEHINDS; // native-regex: our own pattern source
    this.compiled = RE2JS.compile(RE2JS.translateRegExp(this.source), f);
    this.groupIndex = this.compiled.namedGroups() as Record<string, number>;
    this.names = new Set(Object.keys(this.groupIndex));
    return this.compiled;
  }

  /** Whether the pattern matches anywhere (the DFA path when the pattern allows it). */
  test(text: string): boolean {
    return this.re.test(text);
  }

  /**
   * Matches left to right, without overlap, at most `limit`. Each match carries its groups'
   * spans, so matches stay valid after the iteration moves on.
   *
   * The position-finding engine (an NFA) is several times slower than the DFA that only answers
   * "is there a match". So the text is cut into windows: the DFA rules out every window without a
   * match, and the NFA runs only on the windows that have one, with context on both sides so
   * anchors and boundaries read as in the whole text. A match may reach at most WINDOW_REACH past
   * its window; rules and rewriters match at most a few lines. `start`: where the search begins.
   */
  *matchAll(text: string, limit = Infinity, start = 0): Generator<LinearMatch> {
    if (limit <= 0) return;
    let n = 0;
    let lastEnd = start;
    for (let a = start - (start % WINDOW); a < text.length || a === 0; a += WINDOW) {
      const b = Math.min(text.length, a + WINDOW);
      const from = Math.max(0, a - WINDOW_CONTEXT);
      const to = Math.min(text.length, b + WINDOW_REACH);
      const slice = from === 0 && to === text.length ? text : text.slice(from, to);
      if (this.re.test(slice)) {
        const m = this.re.matcher(slice);
        let found = m.find(Math.min(slice.length, Math.max(a, lastEnd) - from));
        while (found && n < limit) {
          const start = m.start() + from;
          if (start >= b && b < text.length) break; // the next window's
          n++;
          const match = this.snapshot(m, slice, from);
          lastEnd = match.end > match.index ? match.end : match.end + 1;
          yield match;
          found = m.find();
        }
      }
      if (n >= limit || b >= text.length) return;
    }
  }

  /** The first match at or after `from`. */
  exec(text: string, from = 0): LinearMatch | undefined {
    if (from === 0) {
      for (const match of this.matchAll(text, 1)) return match;
      return undefined;
    }
    const m = this.re.matcher(text);
    return m.find(from) ? this.snapshot(m, text) : undefined;
  }

  /** The match as offsets into the whole text (`offset`: where `text` starts in it). */
  private snapshot(m: ReturnType<RE2JS['matcher']>, text: string, offset = 0): LinearMatch {
    const count = m.groupCount();
    const spans: number[] = [m.start(), m.end()];
    for (let g = 1; g <= count; g++) spans.push(m.start(g), m.end(g));
    if (offset) for (let i = 0; i < spans.length; i++) if (spans[i] >= 0) spans[i] += offset;
    const base = offset; // `text` is the slice: its offsets are the spans less `base`
    const names = this.names;
    const named = this.groupIndex;
    return {
      index: spans[0],
      end: spans[1],
      0: text.slice(spans[0] - base, spans[1] - base),
      group: (g: number) => (g <= count && spans[2 * g] >= 0 ? text.slice(spans[2 * g] - base, spans[2 * g + 1] - base) : undefined),
      span: (name: string) => {
        const g = names.has(name) ? named[name] : undefined;
        return g !== undefined && spans[2 * g] >= 0 ? { index: spans[2 * g], end: spans[2 * g + 1] } : undefined;
      },
    };
  }

  /**
   * Replaces every match (with the `g` flag) or the first. `with` gets the match; a string is
   * inserted as it is (no `$1` expansion: build the text in a function).
   */
  replace(text: string, by: string | ((m: LinearMatch) => string)): string {
    const parts: string[] = [];
    let last = 0;
    for (const m of this.matchAll(text, this.global ? Infinity : 1)) {
      parts.push(text.slice(last, m.index), typeof by === 'string' ? by : by(m));
      last = m.end;
    }
    if (last === 0 && parts.length === 0) return text;
    parts.push(text.slice(last));
    return parts.join('');
  }

  /** Splits around matches; an empty match never splits. */
  split(text: string): string[] {
    const out: string[] = [];
    let last = 0;
    for (const m of this.matchAll(text)) {
      if (m.end === m.index) continue;
      out.push(text.slice(last, m.index));
      last = m.end;
    }
    out.push(text.slice(last));
    return out;
  }
}

/** The linear-time form of a RegExp literal (compiled once per source and flags). */
export function linear(re: RegExp | string, flags?: string): LinearRegExp {
  const source = typeof re === 'string' ? re : re.source;
  const f = typeof re === 'string' ? (flags ?? '') : re.flags;
  const key = `${f}/${source}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = new LinearRegExp(source, f);
    cache.set(key, compiled);
  }
  return compiled;
}

/** Lines of a text, each with its end of line kept (linear; no regex). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    out.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
