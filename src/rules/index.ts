import type { Rule, RuleFamily } from '../types.js';
import { ci } from './ci.js';
import { code } from './code.js';
import { config } from './config.js';
import { consoleRules } from './console.js';
import { dependencies } from './dependencies.js';
import { docs } from './docs.js';
import { keys } from './keys.js';
import { names } from './names.js';

/** The rule catalog: one file per family, each rule plain data. */
export const FAMILIES: RuleFamily[] = [code, config, dependencies, ci, keys, docs, names, consoleRules];

export const RULES: Rule[] = FAMILIES.flatMap((f) => f.rules);

export const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Every family's literals, deduplicated: the prefilter's alternation. */
export const PREFILTER_LITERALS: string[] = [...new Set(FAMILIES.flatMap((f) => f.literals))];

/** Paths that skip the literal prefilter. */
export const CANDIDATE_PATHS: RegExp[] = FAMILIES.flatMap((f) => (f.candidatePaths ? [f.candidatePaths] : []));

/**
 * Rules that point at a supporting line (a name, a call of the token function), not at the flow
 * itself: said once, not inside a region said already, and gathered into one manual step a file.
 */
export const SUPPORTING_RULES = new Set(['code-jwt-only-name', 'docs-jwt-only-name', 'code-jwt-token-function-call']);
