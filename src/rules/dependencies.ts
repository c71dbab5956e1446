import { linear } from '../regex.js';
import type { FileInput, Hit, RuleFamily } from '../types.js';

// Manifests that declare JWT libraries. Adobe's own JWT packages are reported on sight; generic
// JWT libraries only count when the same folder (or below) has other JWT findings
// (`needsContext: 'project'`), since most projects use them for their own tokens.

const PACKAGE_JSON = /(?:^|\/)package\.json$/;
const PYTHON_MANIFESTS = /(?:^|\/)(?:requirements[\w.-]*\.txt|pyproject\.toml|Pipfile)$/;
const OTHER_MANIFESTS =
  /(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?|build\.sbt|[^/]+\.csproj|go\.mod|Gemfile|composer\.json)$/;

const GENERIC_MESSAGE =
  'This JWT library is used here for the Adobe Service Account (JWT) flow. After moving the token request to OAuth Server-to-Server (grant_type=client_credentials at /ims/token/v3), remove the dependency unless the project still needs it for other tokens.';

const FIELD = linear(/^([A-Za-z][\w.@-]*)\s*:/);
const JOSE = linear(/(?:^|[\s,])(jose)\s*(?:\([^)\n]{0,40}\))?\s*(?:,|$)/);

/** R DESCRIPTION files: `jose` in Imports/Depends/Suggests/LinkingTo (fields may span lines). */
function rDescriptionJose(file: FileInput): Hit[] {
  const hits: Hit[] = [];
  const lines = file.text.split('\n');
  let offset = 0;
  let inDeps = false;
  for (const line of lines) {
    const field = FIELD.exec(line);
    // native-regex: a field name
    if (field) inDeps = /^(?:Imports|Depends|Suggests|LinkingTo)$/.test(field.group(1)!);
    else if (!/^[ \t\r]/.test(line.slice(0, 1))) inDeps = false; // native-regex: one character
    if (inDeps) {
      const start = field ? field.end : 0;
      const m = JOSE.exec(line.slice(start));
      if (m) hits.push({ index: offset + start + m.index + m[0].indexOf('jose'), length: 4 });
    }
    offset += line.length + 1;
  }
  return hits;
}

export const dependencies: RuleFamily = {
  name: 'dependencies',
  literals: [],
  candidatePaths:
    /(?:^|\/)(?:package\.json|requirements[\w.-]*\.txt|pyproject\.toml|Pipfile|pom\.xml|build\.gradle(?:\.kts)?|[^/]+\.csproj|go\.mod|Gemfile|DESCRIPTION|composer\.json)$/,
  rules: [
    {
      id: 'dep-adobe-jwt-package',
      title: 'Adobe JWT authentication package',
      severity: 'error',
      category: 'dependency',
      message:
        "This package only implements Adobe's Service Account (JWT) flow, which no longer issues tokens. Remove it and get tokens with OAuth Server-to-Server (@adobe/aio-lib-ims with an OAuth context, or grant_type=client_credentials at /ims/token/v3).",
      paths: PACKAGE_JSON,
      pattern: /"(?<hit>@adobe\/jwt-auth|@adobe\/aio-lib-ims-jwt|@adobe\/aio-cli-plugin-jwt-auth|aio-cli-plugin-jwt-auth)"\s*:/,
    },
    {
      id: 'dep-jwt-library-npm',
      title: 'JWT library used for Adobe (npm)',
      severity: 'warning',
      category: 'dependency',
      message: GENERIC_MESSAGE,
      needsContext: 'project',
      paths: PACKAGE_JSON,
      pattern: /"(?<hit>jsonwebtoken|jwt-simple|jose|jsrsasign|node-jose)"\s*:/,
    },
    {
      id: 'dep-jwt-library-python',
      title: 'JWT library used for Adobe (Python)',
      severity: 'warning',
      category: 'dependency',
      message: GENERIC_MESSAGE,
      needsContext: 'project',
      paths: PYTHON_MANIFESTS,
      // requirements lines, PEP 621 arrays ("pyjwt[crypto]>=2"), Poetry/Pipfile tables (pyjwt = "*").
      pattern: /^[ \t]*["']?(?<hit>pyjwt|python-jose|jwcrypto)(?:\[[\w, -]{0,40}\])?[ \t]*(?:[=<>!~;@"',]|$)/im,
    },
    {
      id: 'dep-jwt-library-other',
      title: 'JWT library used for Adobe (Java, .NET, Go, Ruby, R, PHP)',
      severity: 'warning',
      category: 'dependency',
      message: GENERIC_MESSAGE,
      needsContext: 'project',
      paths: OTHER_MANIFESTS,
      pattern: new RegExp(
        [
          // Maven
          String.raw`<artifactId>\s*(?<hit>jjwt(?:-api|-impl|-jackson|-gson|-orgjson)?|java-jwt|nimbus-jose-jwt|jose4j)\s*</artifactId>`,
          // Gradle (Groovy and Kotlin DSL)
          String.raw`["'](?:io\.jsonwebtoken:jjwt[\w-]*|com\.auth0:java-jwt|com\.nimbusds:nimbus-jose-jwt|org\.bitbucket\.b_c:jose4j)[:"']`,
          // sbt (Scala)
          String.raw`"(?:io\.jsonwebtoken|com\.auth0|com\.nimbusds|org\.bitbucket\.b_c)"\s*%%?\s*"(?:jjwt[\w-]*|java-jwt|nimbus-jose-jwt|jose4j)"`,
          // .NET
          String.raw`<PackageReference\s+Include\s*=\s*"(?:jose-jwt|JWT|System\.IdentityModel\.Tokens\.Jwt)"`,
          // Go
          String.raw`^[ \t]*(?:require[ \t]+)?(?:github\.com/adobe/ims-go|github\.com/golang-jwt/jwt(?:/v\d+)?|github\.com/dgrijalva/jwt-go)[ \t]+v\d`,
          // Ruby
          String.raw`^[ \t]*gem[ \t]+["']jwt["']`,
          // PHP
          String.raw`"(?:firebase/php-jwt|lcobucci/jwt)"\s*:`,
        ].join('|'),
        'm',
      ),
    },
    {
      id: 'dep-pdf-services-jwt-sdk',
      title: 'PDF Services SDK used with service-account (JWT) credentials',
      severity: 'warning',
      category: 'dependency',
      message:
        'This project builds PDF Services service-account (JWT) credentials with this SDK. Move to a release that has service-principal credentials (OAuth Server-to-Server client id and secret; 4.x of the Node, Java, .NET and Python SDKs) when the credential code changes.',
      // Only where the project's code builds the service-account credentials: the SDK itself stays.
      needsContext: 'project',
      paths: new RegExp(`${PACKAGE_JSON.source}|${PYTHON_MANIFESTS.source}|${OTHER_MANIFESTS.source}`),
      pattern: new RegExp(
        [
          String.raw`<PackageReference\s+Include\s*=\s*"(?<hit>Adobe\.PDFServicesSDK)"`,
          String.raw`<artifactId>\s*(?<hit2>pdfservices-sdk)\s*</artifactId>`,
          String.raw`"(?<hit3>@adobe/pdfservices-node-sdk)"\s*:`,
          // requirements.txt: the whole line is the hit.
          String.raw`^["']?pdfservices-sdk\b`,
        ].join('|'),
        'm',
      ),
    },
    {
      id: 'dep-jwt-library-r',
      title: 'JWT library used for Adobe (R)',
      severity: 'warning',
      category: 'dependency',
      message: GENERIC_MESSAGE,
      needsContext: 'project',
      paths: /(?:^|\/)DESCRIPTION$/,
      match: rDescriptionJose,
    },
  ],
};
