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
    expect(manualSnippet('keys/private.key', 'key-private-key-file')).toBeUndefined();
  });

  it('gives workflow steps the OAuth step or environment as YAML', () => {
    const step = parse(manualSnippet('.github/workflows-example/deploy.yml', 'ci-aio-apps-action-jwt-auth')!) as { with: Record<string, string> }[];
    expect(step[0].with.command).toBe('oauth_sts');
    expect(Object.keys(step[0].with)).toEqual(expect.arrayContaining(['CLIENTSECRET', 'TECHNICALACCOUNTEMAIL', 'SCOPES']));
    expect(Object.keys(step[0].with)).not.toContain('KEY');
    const env = parse(manualSnippet('.github/workflows/sync.yml', 'ci-jwt-private-key-secret')!) as { env: Record<string, string> };
    expect(Object.keys(env.env).join(' ')).not.toMatch(/KEY|META/);
  });

  it('gives a JWT package step the token request in the language of the manifest', () => {
    const cases = [
      ['package.json', 'javascript'],
      ['app/requirements-dev.txt', 'python'],
      ['pom.xml', 'java'],
      ['build.gradle.kts', 'kotlin'],
      ['build.sbt', 'scala'],
      ['src/App/App.csproj', 'csharp'],
      ['composer.json', 'php'],
      ['go.mod', 'go'],
      ['Gemfile', 'ruby'],
      ['DESCRIPTION', 'r'],
    ] as const;
    for (const [file, id] of cases) {
      const lang = LANGUAGES.find((l) => l.id === id)!;
      expect(manualSnippet(file, 'dep-adobe-jwt-package'), file).toBe(lang.tokenSnippet);
    }
    expect(manualSnippet('docs/package.md', 'dep-adobe-jwt-package')).toBeUndefined();
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
