// The language registry: what each entry must carry for the manual steps and the chain rewrites.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LANGUAGES } from '../src/languages/index.js';
import { camelName, spellName } from '../src/migrate/chains.js';
import { manualSnippet } from '../src/migrate/manual.js';

describe('language registry', () => {
  it.each(LANGUAGES.map((l) => [l.id, l] as const))('%s has a token snippet for its manual steps', (_id, lang) => {
    const file = `src/app${lang.extensions[0]}`;
    const snippet = manualSnippet(file, 'code-ims-jwt-exchange');
    expect(snippet).toBe(lang.tokenSnippet);
    expect(snippet).toContain('client_credentials');
    expect(snippet).toContain('https://ims-na1.adobelogin.com/ims/token/v3');
    expect(snippet).not.toContain('jwt');
  });

  it('gives no snippet for findings that are not code or settings', () => {
    expect(manualSnippet('src/app.py', 'config-jwt-signing-key')).toBeUndefined();
    expect(manualSnippet('README.md', 'code-ims-jwt-exchange')).toBeUndefined();
    expect(manualSnippet('package.json', 'dep-adobe-jwt-package')).toBeUndefined();
  });

  it('gives settings files the OAuth settings in their own format', () => {
    const properties = manualSnippet('src/main/resources/config.properties', 'config-jwt-signing-key')!;
    expect(properties.split('\n').filter((l) => !l.startsWith('#')).every((l) => /^\w+=\S/.test(l))).toBe(true);
    expect(manualSnippet('resources/python/config.ini', 'code-ims-jwt-exchange-config')).toBe(properties);
    const json = manualSnippet('bin/envConfig.json', 'code-jwt-meta-scope-claim')!;
    expect(Object.keys(JSON.parse(`{${json}}`))).toEqual(['client_id', 'client_secret', 'scopes', 'token_url']);
    const yaml = manualSnippet('config/adobe.yaml', 'config-jwt-signing-key')!;
    expect(Object.keys(parse(yaml) as object)).toEqual(['client_id', 'client_secret', 'scopes', 'token_url']);
    for (const s of [properties, json, yaml]) expect(s).toContain('https://ims-na1.adobelogin.com/ims/token/v3');
  });

  it.each(LANGUAGES.filter((l) => l.calls).map((l) => [l.id, l] as const))('%s spells chain methods both ways', (_id, lang) => {
    expect(lang.env?.read('PDF_SERVICES_CLIENT_ID')).toContain('PDF_SERVICES_CLIENT_ID');
    const spelled = spellName('servicePrincipalCredentialsBuilder', lang.methodCase);
    expect(camelName(spelled)).toBe('servicePrincipalCredentialsBuilder');
  });

  it('spells one method name in each case', () => {
    expect(spellName('withClientSecret', 'pascal')).toBe('WithClientSecret');
    expect(spellName('withClientSecret', 'snake')).toBe('with_client_secret');
    expect(camelName('from_file')).toBe('fromFile');
    expect(camelName('FromFile')).toBe('fromFile');
  });
});
