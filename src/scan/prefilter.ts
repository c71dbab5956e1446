// The cheap first pass: a file reaches the rules only if its bytes hold one of the catalog's
// literals, or its path is one a family always reads (manifests name JWT libraries without
// any Adobe word). The fixture walk proves each positive is reachable through this gate.
import { CANDIDATE_PATHS, PREFILTER_LITERALS } from '../rules/index.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ANY_LITERAL = PREFILTER_LITERALS.length ? new RegExp(PREFILTER_LITERALS.map(escape).join('|')) : /(?!)/;

export function hasLiteral(buf: Buffer, n: number): boolean {
  // latin1 maps bytes 1:1 to chars, so ASCII literals match whatever the encoding.
  return ANY_LITERAL.test(buf.toString('latin1', 0, n));
}

export function isCandidate(buf: Buffer, n: number, path: string): boolean {
  return CANDIDATE_PATHS.some((re) => re.test(path)) || hasLiteral(buf, n);
}
