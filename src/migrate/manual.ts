// Ready snippets for the manual steps, in the language of the file that needs the change: each
// language's entry in the registry (src/languages/) carries its token request.
import { languageOf } from '../languages/index.js';

/** The token snippet for a code finding's file, in its language; undefined for other findings. */
export function manualSnippet(file: string, ruleId: string): string | undefined {
  if (!ruleId.startsWith('code-')) return undefined;
  return languageOf(file)?.tokenSnippet;
}
