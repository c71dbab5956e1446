// Every pattern the project runs on repository text must run in time linear in the input. The
// sources run repository text through src/regex.ts (RE2 semantics); a native RegExp is allowed
// only on input known to be short (a key name, an identifier, a value already cut to a bound),
// and says so with a `native-regex:` comment on its line or the line above.
import { describe, expect, it } from 'vitest';
import { nativeRegexCalls } from './helpers/regex-calls.js';
import { linear } from '../src/regex.js';
import { RULES } from '../src/rules/index.js';

describe('native RegExp calls in src/', () => {
  it('each one says why its input is bounded', () => {
    const unjustified = nativeRegexCalls()
      .filter((c) => !c.reason)
      .map((c) => `${c.file}:${c.line}: ${c.text}`);
    expect(unjustified).toEqual([]);
  }, 120_000);
});

describe('the rules', () => {
  it('every pattern of every rule runs on the linear engine', async () => {
    const { RULES } = await import('../src/rules/index.js');
    for (const r of RULES) for (const re of [r.pattern, r.reject, ...(r.requires ?? []), ...(r.unless ?? [])]) if (re) expect(() => linear(re), r.id).not.toThrow();
  });
});

describe('the linear engine', () => {
  it('agrees with RegExp on ordinary text', () => {
    const text = 'const a = "https://ims-na1.adobelogin.com/ims/exchange/jwt";\nfoo(aud: `${host}/c/${id}`)\r\n';
    for (const re of [/ims\/exchange\/(?:v1\/)?jwt\b/g, /(?<hit>aud)\s*:\s*[^\n]{0,80}?\/c\//g, /^foo/gm, /\w+$/gm]) {
      const native = [...text.matchAll(re)].map((m) => [m.index, m[0]]);
      const ours = [...linear(re).matchAll(text)].map((m) => [m.index, m[0]]);
      expect(ours).toEqual(native);
    }
  });

  it('replaces, splits and keeps group spans after iterating', () => {
    const re = linear(/(a)(b)?/g);
    expect(re.replace('xaxab', (m) => `[${m.group(1)}${m.group(2) ?? '-'}]`)).toBe('x[a-]x[ab]');
    expect(linear(/,\s*/).split('a, b,c')).toEqual(['a', 'b', 'c']);
    const all = [...linear(/(?<k>\w)=(\d)/g).matchAll('a=1 b=2')];
    expect(all.map((m) => [m.group(2), m.span('k')?.index])).toEqual([['1', 0], ['2', 4]]);
  });

  it('refuses what RE2 cannot run in linear time (on first use: patterns compile lazily)', () => {
    expect(() => linear(/a(?!b)/).test('ab')).toThrow();
    expect(() => linear(/(a)\1/).test('aa')).toThrow();
  });

  it('compiles every pattern of the rule catalog', () => {
    let n = 0;
    for (const r of RULES) {
      for (const re of [r.pattern, r.paths, r.excludePaths, ...(r.requires ?? []), ...(r.unless ?? [])]) {
        if (!re) continue;
        expect(() => linear(re).test(''), `${r.id}: ${re.source.slice(0, 60)}`).not.toThrow();
        n++;
      }
    }
    expect(n).toBeGreaterThan(RULES.length);
  });
});
