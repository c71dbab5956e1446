export const id = 767;
export const ids = [767];
export const modules = {

/***/ 300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k$: () => (/* binding */ CODE_FILES),
  eX: () => (/* binding */ languageOf),
  ww: () => (/* binding */ manifestLanguage)
});

// UNUSED EXPORTS: LANGUAGES, pathsOf

// EXTERNAL MODULE: ./src/languages/types.ts
var types = __webpack_require__(1370);
;// CONCATENATED MODULE: ./src/languages/csharp.ts

/** .NET's JWT libraries and certificate signing, shared by C#, F# and VB.NET. */
const DOTNET_SIGNING = /^[ \t]*(?:using|open|Imports)[ \t]+(?:Jose|JWT|System\.IdentityModel\.Tokens\.Jwt)\b|\bJWT\.(?:Encode|encode)\s*\(|\bJose\.JWT\.Encode\b|\bnew\s+JwtSecurityToken\s*\(|\bJwtSecurityTokenHandler\b|\bJwtBuilder\b|\.SignData\s*\(|\bnew\s+X509Certificate2\s*\(|\bRSACryptoServiceProvider\b|\.ImportRSAPrivateKey\s*\(|\.ImportPkcs8PrivateKey\s*\(/m;
const csharp = {
    id: 'csharp',
    name: 'C#',
    extensions: ['.cs'],
    manifests: /\.csproj$|^packages\.config$/,
    lineComments: ['//', '*', '/*'],
    parser: 'csharp',
    functionNodes: ['method_declaration', 'constructor_declaration', 'local_function_statement'],
    classNodes: ['class_declaration', 'struct_declaration'],
    jwtSigning: DOTNET_SIGNING,
    calls: { call: 'invocation_expression', function: 'function', member: 'member_access_expression', name: 'name', receiver: 'expression', arguments: 'arguments' },
    methodCase: 'pascal',
    // Fully qualified: a file need not have `using System;`.
    env: { read: (name) => `System.Environment.GetEnvironmentVariable("${name}")` },
    tokenSnippet: `// OAuth Server-to-Server token (HttpClient)
var form = new FormUrlEncodedContent(new Dictionary<string, string> {
    ["grant_type"] = "client_credentials", ["client_id"] = clientId,
    ["client_secret"] = clientSecret, ["scope"] = scopes });
var res = await http.PostAsync("${types/* IMS_TOKEN_URL */.o}", form);
// response JSON: access_token, token_type, expires_in (seconds)`,
    form: {
        visibility: { public: /\bpublic\b/ },
        blocks: ['block', 'declaration_list', 'compilation_unit'],
        entry: 'initializer_expression',
        separator: ',',
        quote: '"',
        assigns: types/* JVM_CLR_ASSIGNS */.R,
        exportsGlobals: true,
        identifier: /([A-Za-z_]\w*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/fsharp.ts


/** F# and VB.NET: no grammar is bundled, so no token-function region (the signals still hold). */
const fsharp = {
    id: 'fsharp',
    name: 'F# / VB.NET',
    extensions: ['.fs', '.fsx', '.fsi', '.vb'],
    lineComments: ['//', "'", '(*'],
    functionNodes: [],
    classNodes: [],
    jwtSigning: DOTNET_SIGNING,
    tokenSnippet: `// OAuth Server-to-Server token (HttpClient)
let form = new FormUrlEncodedContent(dict [ "grant_type", "client_credentials"; "client_id", clientId
                                            "client_secret", clientSecret; "scope", scopes ])
let! res = http.PostAsync("${types/* IMS_TOKEN_URL */.o}", form) |> Async.AwaitTask
// response JSON: access_token, token_type, expires_in (seconds)`,
};

;// CONCATENATED MODULE: ./src/languages/go.ts

const go = {
    id: 'go',
    name: 'Go',
    extensions: ['.go'],
    manifests: /^go\.mod$/,
    lineComments: ['//', '*', '/*'],
    parser: 'go',
    functionNodes: ['function_declaration', 'method_declaration'],
    classNodes: [],
    jwtSigning: /\bjwt\.NewWithClaims\s*\(|"github\.com\/(?:golang-jwt\/jwt|dgrijalva\/jwt-go)[^"]*"|\bjwt\.ParseRSAPrivateKeyFromPEM\s*\(/,
    tokenSnippet: `// OAuth Server-to-Server token
form := url.Values{"grant_type": {"client_credentials"}, "client_id": {clientID},
	"client_secret": {clientSecret}, "scope": {scopes}}
res, err := http.PostForm("${types/* IMS_TOKEN_URL */.o}", form)
// response JSON: access_token, token_type, expires_in (seconds)`,
    form: {
        visibility: { public: /^func[ \t]+(?:\([^)]*\)[ \t]*)?[A-Z]/ },
        blocks: ['source_file', 'statement_list'],
        imports: ['import_spec'],
        entry: 'keyed_element',
        callEntry: 'argument_list',
        separator: ',',
        quote: '"',
        // `signed := …`, `signed, err := …`, `var signed = …`
        assigns: /^(?:var[ \t]+)?(\w+)(?:[ \t]*,[ \t]*\w+)*[ \t]*:?=/,
        errorCheck: /^if[ \t]+err[ \t]*!=[ \t]*nil[ \t]*\{/,
        exportsGlobals: true,
        identifier: /([A-Za-z_]\w*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/java.ts

/** The JVM's JWT libraries and key loading, shared by Java, Kotlin, Scala and Groovy. */
const JVM_SIGNING = /^[ \t]*import[ \t]+(?:io\.jsonwebtoken|com\.auth0\.jwt|com\.nimbusds\.jose|org\.jose4j)\b|\bJwts\.builder\s*\(|\bJWT\.create\s*\(|\bnew\s+SignedJWT\s*\(|\bPKCS8EncodedKeySpec\b|\bKeyFactory\.getInstance\s*\(\s*"RSA"|\bSignatureAlgorithm\.RS256\b/m;
const java = {
    id: 'java',
    name: 'Java',
    extensions: ['.java'],
    manifests: /^(?:pom\.xml|build\.gradle)$/,
    lineComments: ['//', '*', '/*'],
    parser: 'java',
    functionNodes: ['method_declaration', 'constructor_declaration'],
    classNodes: ['class_declaration', 'enum_declaration'],
    jwtSigning: JVM_SIGNING,
    calls: { call: 'method_invocation', name: 'name', receiver: 'object', arguments: 'arguments' },
    methodCase: 'camel',
    env: { read: (name) => `System.getenv("${name}")` },
    tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, UTF_8)
    + "&client_secret=" + URLEncoder.encode(clientSecret, UTF_8) + "&scope=" + URLEncoder.encode(scopes, UTF_8);
HttpRequest req = HttpRequest.newBuilder(URI.create("${types/* IMS_TOKEN_URL */.o}"))
    .header("Content-Type", "application/x-www-form-urlencoded")
    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
// response JSON: access_token, token_type, expires_in (seconds)`,
    form: {
        visibility: { public: /\bpublic\b/ },
        blocks: ['block', 'class_body', 'program'],
        separator: ',',
        quote: '"',
        assigns: types/* JVM_CLR_ASSIGNS */.R,
        exportsGlobals: true,
        identifier: /([A-Za-z_]\w*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/groovy.ts


/** Groovy (Jenkins pipelines, Gradle scripts): no grammar is bundled, so no token-function region. */
const groovy = {
    id: 'groovy',
    name: 'Groovy',
    extensions: ['.groovy', '.gvy'],
    filenames: ['Jenkinsfile'],
    lineComments: ['//', '*', '/*'],
    functionNodes: [],
    classNodes: [],
    jwtSigning: JVM_SIGNING,
    tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, UTF_8) +
    "&client_secret=" + URLEncoder.encode(clientSecret, UTF_8) + "&scope=" + URLEncoder.encode(scopes, UTF_8)
HttpRequest req = HttpRequest.newBuilder(URI.create("${types/* IMS_TOKEN_URL */.o}"))
    .header("Content-Type", "application/x-www-form-urlencoded")
    .POST(HttpRequest.BodyPublishers.ofString(form)).build()
// response JSON: access_token, token_type, expires_in (seconds)`,
};

;// CONCATENATED MODULE: ./src/languages/javascript.ts

const javascript = {
    id: 'javascript',
    name: 'JavaScript / TypeScript',
    extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'],
    manifests: /^package\.json$/,
    lineComments: ['//', '*', '/*'],
    // The TSX grammar reads JavaScript, JSX and TypeScript alike; it loads in milliseconds, where
    // the TypeScript compiler (kept for the rewrites) takes a third of a second.
    parser: 'tsx',
    functionNodes: ['function_declaration', 'generator_function_declaration', 'method_definition', 'function_expression', 'function', 'arrow_function'],
    classNodes: ['class_declaration', 'abstract_class_declaration', 'class'],
    jwtSigning: /\b(?:require|import)\s*\(\s*['"](?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|jws)['"]\s*\)|(?:\bfrom|\bimport)\s*['"](?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|jws)['"]|\bKJUR\.jws\.JWS\.sign\s*\(|\bjwt\.sign\s*\(|\bjws\.sign\s*\(|\bcrypto\.createSign\s*\(/,
    calls: { call: 'call_expression', function: 'function', member: 'member_expression', name: 'property', receiver: 'object', arguments: 'arguments' },
    methodCase: 'camel',
    env: { read: (name) => `process.env.${name}` },
    tokenSnippet: `// OAuth Server-to-Server token (fetch)
const res = await fetch('${types/* IMS_TOKEN_URL */.o}', {
  method: 'POST',
  body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId,
    client_secret: clientSecret, scope: scopes }),
});
const { access_token, expires_in } = await res.json(); // expires_in is in seconds`,
    form: {
        visibility: { public: /\bexport\b/ },
        blocks: ['program', 'statement_block', 'class_body'],
        entry: 'pair',
        separator: ',',
        quote: "'",
        assigns: /^(?:(?:const|let|var)[ \t]+)?(?:this\.)?(\w+)[ \t]*=/,
        exportsGlobals: true,
        identifier: /([A-Za-z_$][\w$]*)/g,
        signingCallback: /^(?:jwt|jsonwebtoken|jws)\.sign$/,
    },
};

;// CONCATENATED MODULE: ./src/languages/kotlin.ts


const kotlin = {
    id: 'kotlin',
    name: 'Kotlin',
    extensions: ['.kt', '.kts'],
    manifests: /^build\.gradle\.kts$/,
    lineComments: ['//', '*', '/*'],
    parser: 'kotlin',
    functionNodes: ['function_declaration'],
    classNodes: ['class_declaration', 'object_declaration'],
    jwtSigning: JVM_SIGNING,
    tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
val form = listOf("grant_type" to "client_credentials", "client_id" to clientId,
    "client_secret" to clientSecret, "scope" to scopes)
    .joinToString("&") { (k, v) -> k + "=" + URLEncoder.encode(v, Charsets.UTF_8) }
val req = HttpRequest.newBuilder(URI.create("${types/* IMS_TOKEN_URL */.o}"))
    .header("Content-Type", "application/x-www-form-urlencoded")
    .POST(HttpRequest.BodyPublishers.ofString(form)).build()
// response JSON: access_token, token_type, expires_in (seconds)`,
    form: {
        visibility: { private: /\b(?:private|internal|protected)\b/ },
        blocks: ['block', 'class_body', 'source_file', 'statements'],
        imports: ['import'],
        // `"jwt_token" to jwt` in `mapOf(…)`
        entry: 'infix_expression',
        separator: ',',
        quote: '"',
        assigns: /^(?:(?:private|internal|public|protected|override|const|lateinit)[ \t]+)*(?:val|var)[ \t]+(\w+)(?:[ \t]*:[^=\n]+)?[ \t]*=/,
        exportsGlobals: true,
        identifier: /([A-Za-z_]\w*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/php.ts

const php = {
    id: 'php',
    name: 'PHP',
    extensions: ['.php'],
    manifests: /^composer\.json$/,
    lineComments: ['//', '#', '*', '/*'],
    parser: 'php',
    functionNodes: ['function_definition', 'method_declaration'],
    classNodes: ['class_declaration'],
    jwtSigning: /\bopenssl_sign\s*\(|\bJWT::encode\s*\(|^[ \t]*use[ \t]+Firebase\\JWT\b|\bopenssl_pkey_get_private\s*\(|\bLcobucci\\JWT\b/m,
    tokenSnippet: `// OAuth Server-to-Server token
$ch = curl_init('${types/* IMS_TOKEN_URL */.o}');
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_RETURNTRANSFER => true,
  CURLOPT_POSTFIELDS => http_build_query(['grant_type' => 'client_credentials',
    'client_id' => $clientId, 'client_secret' => $clientSecret, 'scope' => $scopes])]);
$token = json_decode(curl_exec($ch), true); // access_token, expires_in (seconds)`,
    form: {
        visibility: { private: /\b(?:private|protected)\b/ },
        blocks: ['program', 'compound_statement', 'declaration_list'],
        imports: ['namespace_use_declaration'],
        entry: 'array_element_initializer',
        separator: ',',
        quote: "'",
        assigns: /^\$(\w+)[ \t]*=/,
        exportsGlobals: true,
        identifier: /\$?([A-Za-z_]\w*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/powershell.ts

const powershell = {
    id: 'powershell',
    name: 'PowerShell',
    extensions: ['.ps1', '.psm1'],
    lineComments: ['#', '<#'],
    parser: 'powershell',
    functionNodes: ['function_statement'],
    classNodes: ['class_statement'],
    jwtSigning: /X509Certificate2\]::new\s*\(|\bX509Certificate2\b[^\n]{0,40}\(|\.SignData\s*\(|\bNew-Jwt\b|\bRSACryptoServiceProvider\b/i,
    tokenSnippet: `# OAuth Server-to-Server token
$body = @{ grant_type = 'client_credentials'; client_id = $ClientId; client_secret = $ClientSecret; scope = $Scopes }
$token = Invoke-RestMethod -Method Post -Uri '${types/* IMS_TOKEN_URL */.o}' -Body $body -ContentType 'application/x-www-form-urlencoded'
# $token.access_token; $token.expires_in is in seconds`,
    form: {
        blocks: ['statement_list'],
        entry: 'hash_entry',
        separator: ';',
        quote: "'",
        assigns: /^\$(?:script:|global:)?(\w+)[ \t]*=/i,
        exportsGlobals: false,
        identifier: /\$?([A-Za-z_]\w*(?:-[A-Za-z]\w*)*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/python.ts

const python = {
    id: 'python',
    name: 'Python',
    extensions: ['.py'],
    manifests: /^(?:requirements[\w.-]*\.txt|pyproject\.toml|Pipfile|setup\.cfg)$/,
    lineComments: ['#'],
    parser: 'python',
    functionNodes: ['function_definition'],
    classNodes: ['class_definition'],
    jwtSigning: /^[ \t]*(?:import[ \t]+jwt\b|from[ \t]+jwt(?:\.\w+)?[ \t]+import\b|from[ \t]+jose[ \t]+import\b|import[ \t]+jose\b|from[ \t]+authlib\.jose[ \t]+import\b)|\bjwt\.encode\s*\(|\bserialization\.load_pem_private_key\s*\(/m,
    calls: { call: 'call', function: 'function', member: 'attribute', name: 'attribute', receiver: 'object', arguments: 'arguments' },
    methodCase: 'snake',
    env: { read: (name) => `os.environ.get('${name}')`, import: { present: /^import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b/m, line: 'import os' } },
    tokenSnippet: `# OAuth Server-to-Server token (requests)
res = requests.post('${types/* IMS_TOKEN_URL */.o}', data={
    'grant_type': 'client_credentials', 'client_id': client_id,
    'client_secret': client_secret, 'scope': scopes})
token = res.json()['access_token']  # expires_in is in seconds`,
    form: {
        blocks: ['module', 'block'],
        imports: ['import_statement', 'import_from_statement'],
        entry: 'pair',
        separator: ',',
        quote: "'",
        assigns: /^(?:self\.)?(\w+)[ \t]*(?::[^=\n]*)?=/,
        exportsGlobals: true,
        identifier: /([A-Za-z_]\w*)/g,
    },
    branches: {
        statement: 'if_statement',
        elseIf: 'elif_clause',
        else: 'else_clause',
        condition: 'condition',
        body: 'consequence',
        ifKeyword: 'if',
        elseIfKeyword: 'elif',
        empty: 'pass',
    },
};

;// CONCATENATED MODULE: ./src/languages/r.ts

const r = {
    id: 'r',
    name: 'R',
    extensions: ['.r', '.rmd'],
    manifests: /^DESCRIPTION$/,
    // The package's export list: R calls (`export(auth_jwt)`), generated by roxygen.
    filenames: ['NAMESPACE'],
    lineComments: ['#', "#'"],
    parser: 'r',
    functionNodes: ['function_definition'],
    classNodes: [],
    jwtSigning: /\bjwt_encode_sig\s*\(|\bjwt_claim\s*\(|\blibrary\s*\(\s*["']?jose\b|\bjose::|\bopenssl::read_key\s*\(/,
    tokenSnippet: `# OAuth Server-to-Server token (httr)
res <- httr::POST("${types/* IMS_TOKEN_URL */.o}", encode = "form", body = list(grant_type = "client_credentials",
  client_id = client_id, client_secret = client_secret, scope = scopes))
token <- httr::content(res)$access_token  # expires_in is in seconds`,
    form: {
        blocks: ['program', 'braced_expression'],
        entry: 'argument',
        separator: ',',
        quote: "'",
        assigns: /^([A-Za-z_.][\w.]*)[ \t]*(?:<<?-|=)/,
        exportsGlobals: true,
        identifier: /([A-Za-z_.][\w.]*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/ruby.ts

const ruby = {
    id: 'ruby',
    name: 'Ruby',
    extensions: ['.rb', '.gemspec', '.rake'],
    filenames: ['Gemfile', 'Rakefile'],
    manifests: /^Gemfile$/,
    lineComments: ['#'],
    parser: 'ruby',
    functionNodes: ['method', 'singleton_method'],
    classNodes: ['class', 'module'],
    jwtSigning: /\bJWT\.encode\s*\(|^[ \t]*require[ \t]+['"]jwt['"]|\bOpenSSL::PKey::RSA\.new\s*\(/m,
    tokenSnippet: `# OAuth Server-to-Server token
res = Net::HTTP.post_form(URI("${types/* IMS_TOKEN_URL */.o}"), "grant_type" => "client_credentials",
  "client_id" => client_id, "client_secret" => client_secret, "scope" => scopes)
token = JSON.parse(res.body) # access_token, expires_in (seconds)`,
    form: {
        blocks: ['program', 'body_statement'],
        entry: 'pair',
        separator: ',',
        quote: "'",
        assigns: /^@?(\w+)[ \t]*(?:\|\|)?=/,
        exportsGlobals: true,
        identifier: /([A-Za-z_]\w*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/scala.ts


const scala = {
    id: 'scala',
    name: 'Scala',
    extensions: ['.scala', '.sc'],
    manifests: /^build\.sbt$/,
    lineComments: ['//', '*', '/*'],
    parser: 'scala',
    functionNodes: ['function_definition'],
    classNodes: ['class_definition', 'object_definition', 'trait_definition'],
    jwtSigning: JVM_SIGNING,
    tokenSnippet: `// OAuth Server-to-Server token (java.net.http)
val form = Seq("grant_type" -> "client_credentials", "client_id" -> clientId,
  "client_secret" -> clientSecret, "scope" -> scopes)
  .map { case (k, v) => k + "=" + URLEncoder.encode(v, "UTF-8") }.mkString("&")
val req = HttpRequest.newBuilder(URI.create("${types/* IMS_TOKEN_URL */.o}"))
  .header("Content-Type", "application/x-www-form-urlencoded")
  .POST(HttpRequest.BodyPublishers.ofString(form)).build()
// response JSON: access_token, token_type, expires_in (seconds)`,
    form: {
        visibility: { private: /\b(?:private|protected)\b/ },
        blocks: ['block', 'template_body', 'compilation_unit'],
        imports: ['import_declaration'],
        // `"jwt_token" -> jwt` in `UrlForm(…)` or `Map(…)`
        entry: 'infix_expression',
        separator: ',',
        quote: '"',
        assigns: /^(?:(?:private|protected|override|final|implicit|lazy)[ \t]+)*(?:val|var)[ \t]+(\w+)(?:[ \t]*:[^=\n]+)?[ \t]*=/,
        exportsGlobals: true,
        identifier: /([A-Za-z_]\w*)/g,
    },
};

;// CONCATENATED MODULE: ./src/languages/shell.ts

const shell = {
    id: 'shell',
    name: 'Shell',
    extensions: ['.sh', '.bash', '.zsh', '.ksh'],
    lineComments: ['#'],
    parser: 'bash',
    functionNodes: ['function_definition'],
    classNodes: [],
    jwtSigning: /\bopenssl[ \t]+dgst[ \t]+-sha256[ \t]+-sign\b|\bopenssl[ \t]+(?:rsautl|pkeyutl)[ \t]+-sign\b|\bjwt[ \t]+encode\b/,
    tokenSnippet: `# OAuth Server-to-Server token
curl -s -X POST '${types/* IMS_TOKEN_URL */.o}' -H 'Content-Type: application/x-www-form-urlencoded' \\
  -d grant_type=client_credentials -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" -d "scope=$SCOPES"`,
    form: {
        blocks: ['program', 'compound_statement', 'do_group', 'if_statement', 'elif_clause', 'else_clause'],
        // curl's `-d "jwt_token=${JWT}"`, `--data-urlencode jwt_token=$JWT`
        flagEntry: /(-d[ \t]+|--data(?:-urlencode|-raw|-ascii)?(?:[ \t]+|=))(["']?)jwt_token=([^"'\s]*)(["']?)/g,
        separator: ' ',
        quote: '"',
        assigns: /^(?:(?:export|local|readonly|declare)[ \t]+)?(\w+)=/,
        // A script's variables are another's only when it is sourced.
        exportsGlobals: false,
        identifier: /([A-Za-z_]\w*)/g,
    },
};

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/languages/index.ts
// The language registry: rules, regions, snippets and rewriters derive from these entries. A new
// language is one file here (plus its fixtures).















const LANGUAGES = [javascript, python, java, kotlin, scala, groovy, csharp, fsharp, php, go, ruby, r, powershell, shell];
const BY_EXTENSION = new Map();
const BY_NAME = new Map();
for (const lang of LANGUAGES) {
    for (const e of lang.extensions)
        BY_EXTENSION.set(e, lang);
    for (const n of lang.filenames ?? [])
        BY_NAME.set(n, lang);
}
/** The language of a file, from its name (undefined for data, docs and unknown files). */
function languageOf(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const named = BY_NAME.get(name);
    if (named)
        return named;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? BY_EXTENSION.get(name.slice(dot).toLowerCase()) : undefined;
}
/** The language whose packages a dependency manifest declares (package.json: JavaScript). */
function manifestLanguage(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return LANGUAGES.find((l) => l.manifests?.test(name)); // native-regex: a file name
}
/** A path pattern matching the files of these languages (derived: one list, in the registry). */
function pathsOf(langs) {
    const ends = langs.flatMap((l) => l.extensions.map(src_text/* escapeRegExp */.Nt));
    const names = langs.flatMap((l) => (l.filenames ?? []).map(src_text/* escapeRegExp */.Nt));
    return new RegExp(`(?:${ends.join('|')})$|(?:^|/)(?:${names.join('|') || '(?!)'})$`, 'i');
}
/** Every source file of a registered language. */
const CODE_FILES = pathsOf(LANGUAGES);


/***/ }),

/***/ 1370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ JVM_CLR_ASSIGNS),
/* harmony export */   o: () => (/* binding */ IMS_TOKEN_URL)
/* harmony export */ });
/** The OAuth Server-to-Server token endpoint, as the snippets write it. */
const IMS_TOKEN_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';
/** A Java or C# declaration with a value: modifiers, a type (`var`, generics), the name. */
const JVM_CLR_ASSIGNS = /^(?:(?:public|private|protected|internal|static|final|const|readonly)[ \t]+)*(?:[\w.<>\[\]?]+(?:<[\w.<>\[\]?, ]*>)?[ \t]+)?(\w+)[ \t]*=/;


/***/ }),

/***/ 3994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fD: () => (/* binding */ enclosing),
  oS: () => (/* binding */ loadGrammar),
  j$: () => (/* binding */ parseLoaded),
  Ku: () => (/* binding */ parseWith)
});

// UNUSED EXPORTS: hasErrors

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/parse/grammars.json
const grammars_namespaceObject = /*#__PURE__*/JSON.parse('{"Yv":{"package":"web-tree-sitter","file":"web-tree-sitter.js"},"fA":{"package":"web-tree-sitter","file":"web-tree-sitter.wasm"},"lN":{"tsx":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-tsx.wasm"},"python":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-python.wasm"},"java":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-java.wasm"},"csharp":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-c-sharp.wasm"},"php":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-php.wasm"},"go":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-go.wasm"},"ruby":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-ruby.wasm"},"powershell":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-powershell.wasm"},"bash":{"package":"@vscode/tree-sitter-wasm","file":"wasm/tree-sitter-bash.wasm"},"kotlin":{"package":"@tree-sitter-grammars/tree-sitter-kotlin","file":"tree-sitter-kotlin.wasm"},"scala":{"package":"tree-sitter-scala","file":"tree-sitter-scala.wasm"},"r":{"package":"@davisvaughan/tree-sitter-r","file":"tree-sitter-r.wasm"}}}');
;// CONCATENATED MODULE: ./src/parse/tree-sitter.ts
// Real parsers for the languages the JWT flow was written in: tree-sitter grammars compiled to
// WebAssembly (web-tree-sitter), so the same bundle runs on every runner OS and CPU. Each grammar
// is loaded on first use, only for a file that needs it; the bundle copies them to dist/grammars/.




const HERE = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
/** dist/grammars next to either bundle, else the npm package (tests run the sources). */
function locate(entry) {
    const name = entry.file.slice(entry.file.lastIndexOf('/') + 1);
    const candidates = [(0,external_node_path_.join)(HERE, 'grammars', name), (0,external_node_path_.join)(HERE, '..', 'grammars', name), (0,external_node_path_.join)(HERE, '..', '..', 'node_modules', entry.package, entry.file)];
    const found = candidates.find((p) => (0,external_node_fs_.existsSync)(p));
    if (!found)
        throw new Error(`tree-sitter file ${name} is missing (looked in ${candidates.join(', ')})`);
    return found;
}
let runtime;
const languages = new Map();
/**
 * The library, imported at run time from dist/grammars (or node_modules): bundled, its start-up
 * (`await import('module')`) breaks. Its WebAssembly is read here and handed over.
 */
async function library() {
    const lib = (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(locate(grammars_namespaceObject.Yv)).href));
    await lib.Parser.init({ wasmBinary: (0,external_node_fs_.readFileSync)(locate(grammars_namespaceObject.fA)) });
    return lib;
}
function language(id) {
    runtime ??= library();
    let lang = languages.get(id);
    if (!lang) {
        lang = runtime.then((lib) => lib.Language.load((0,external_node_fs_.readFileSync)(locate(grammars_namespaceObject.lN[id]))));
        languages.set(id, lang);
    }
    return lang;
}
/** The syntax tree of a text, or undefined when the grammar cannot be loaded here. */
async function parseWith(id, text) {
    return (await loadGrammar(id)) ? parseLoaded(id, text) : undefined;
}
const loaded = new Map();
/**
 * Loads grammars ahead of `parseLoaded`, for a pass that must stay synchronous (the migration
 * plan). Returns false for a grammar that cannot be loaded here.
 */
async function loadGrammar(id) {
    if (loaded.has(id))
        return true;
    try {
        const lang = await language(id);
        loaded.set(id, { lib: await runtime, lang });
        return true;
    }
    catch (e) {
        if (process.env.ADOBE_JWT_MIGRATE_DEBUG)
            process.stderr.write(`tree-sitter ${id}: ${e.stack}\n`);
        return false;
    }
}
/** The syntax tree of a text with a grammar `loadGrammar` loaded; the caller deletes it. */
function parseLoaded(id, text) {
    const entry = loaded.get(id);
    if (!entry)
        return undefined;
    const parser = new entry.lib.Parser();
    try {
        parser.setLanguage(entry.lang);
        return parser.parse(text) ?? undefined;
    }
    finally {
        parser.delete();
    }
}
/** Whether a parse found syntax errors (a tree-sitter parse always yields a tree). */
function hasErrors(tree) {
    return tree.rootNode.hasError;
}
/** The innermost node of one of `types` enclosing the character offset `at`. */
function enclosing(tree, at, types) {
    let node = tree.rootNode.descendantForIndex(at, at);
    while (node) {
        if (types.has(node.type))
            return node;
        node = node.parent;
    }
    return undefined;
}


/***/ }),

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Rd: () => (/* binding */ redactText),
/* harmony export */   _I: () => (/* binding */ textKind),
/* harmony export */   dL: () => (/* binding */ findSecrets)
/* harmony export */ });
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3508);
// Redaction: every string that leaves the scanner (snippets, report text, diffs) goes through here.
// It hides secret values, never code: identifiers and expressions (`process.env.X`,
// `json.access_token`) stay readable. Every pattern runs on the linear-time engine.

const PEM_BLOCK = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/-----BEGIN ([A-Z0-9 ]*)-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g);
const PEM_LINE_BODY = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/^[\s"'`]*[A-Za-z0-9+/]{40,}={0,2}[\s"',`\\n]*$/);
const JWT_VALUE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g);
const ADOBE_SECRET = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/\bp8e-[A-Za-z0-9_-]{8,}/g);
const SECRET_KEY_NAMES = 'client_{0,2}secrets?|client-secrets?|clientsecrets?|secret|password|passwd|passphrase|private_{0,2}key|private-key|privatekey|priv[_-]?key(?:[_-]data)?|access[_-]?token|jwt[_-]?token|refresh[_-]?token|api[_-]?secret|auth[_-]?token';
// key = value, key: value, "key": value, KEY=value (env), with the value up to a delimiter.
const KEY_VALUE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(`((?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]*[_-])?(?:${SECRET_KEY_NAMES})["']?[ \\t]*[:=][ \\t]*["'\`]?)([^"'\`\\s,;}{)]{6,})`, 'gi');
// The same keys holding a list (aio-lib-ims client_secrets: ["..."]): every quoted item goes.
const KEY_LIST = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(`((?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]*[_-])?(?:${SECRET_KEY_NAMES})["']?[ \\t]*[:=][ \\t]*["']?\\[)([^\\]\\n]*)`, 'gi');
const LIST_ITEM = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/(\\?["'])([^"'\\]{6,})(\\?["'])/g);
const LIST_ITEM_VALUE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/["']([^"'\\]{8,})\\?["']/g);
const LONG_TOKEN = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/[A-Za-z0-9+/_-]{48,}={0,2}/g);
const LINE_BREAK = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/\r?\n|\\n/);
/** Values that look like expressions or references, not secrets. */
function isReference(value) {
    // native-regex: anchored prefix test on a value of one line
    return /^(?:\$\{?|\{\{|process\.env|os\.environ|env\.|secrets\.|<|\[|%|\(|@|getenv|System\.|config\.|cfg\.|options\.|opts\.|self\.|this\.)/i.test(value);
}
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|ipynb|java|kt|kts|scala|groovy|cs|fs|vb|php|go|rb|r|R|swift|rs)$/;
function textKind(path) {
    return CODE_FILE.test(path) ? 'code' : 'data'; // native-regex: a path
}
/** A run of token characters that carries entropy (not a path, a word or an identifier). */
function looksLikeToken(run) {
    // native-regex: classes on one run of at most a line (here and below)
    const digits = /\d/.test(run);
    // native-regex: as above
    return digits && ((/[a-z]/.test(run) && /[A-Z]/.test(run)) || run.length >= 64);
}
/** A base64 run as long as a key's lines: a PEM block without one is armour in code, not a key. */
const KEY_RUN = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/[A-Za-z0-9+/]{40,}/);
/**
 * Whether a PEM block carries key material. Code that strips the armour
 * (`pem.replace("-----BEGIN PRIVATE KEY-----", "")`) names both markers with no key between.
 */
function carriesKey(block) {
    return KEY_RUN.test(block) || !block.includes('-----END');
}
/** One line (or snippet) with secret values hidden. */
function redact(text, kind = 'data') {
    let out = PEM_BLOCK.replace(text, (m) => (carriesKey(m[0]) ? `-----BEGIN ${m.group(1)}----- [REDACTED]` : m[0]));
    if (PEM_LINE_BODY.test(out))
        return '[REDACTED key material]';
    out = JWT_VALUE.replace(out, '[REDACTED]');
    out = ADOBE_SECRET.replace(out, '[REDACTED]');
    out = KEY_LIST.replace(out, (m) => {
        const items = LIST_ITEM.replace(m.group(2), (i) => (isReference(i.group(2)) ? i[0] : `${i.group(1)}[REDACTED]${i.group(3)}`));
        return `${m.group(1)}${items}`;
    });
    out = KEY_VALUE.replace(out, (m) => {
        const prefix = m.group(1);
        const value = m.group(2);
        const quoted = /["'`]$/.test(prefix); // native-regex: the last character of a prefix
        if (isReference(value) || (kind === 'code' && !quoted && !looksSecret(value)))
            return m[0];
        return `${prefix}[REDACTED]`;
    });
    return LONG_TOKEN.replace(out, (m) => (looksLikeToken(m[0]) ? '[REDACTED]' : m[0]));
}
/**
 * A whole text redacted line by line, with every line of a PEM block hidden (a line-by-line pass
 * alone would show a key's short last line). Line count and line ends stay, so diffs line up.
 */
function redactText(text, kind = 'data') {
    const out = [];
    let last = 0;
    for (const m of PEM_BLOCK.matchAll(text)) {
        if (!carriesKey(m[0]))
            continue;
        out.push(redactEachLine(text.slice(last, m.index), kind));
        const lines = m[0].split('\n');
        out.push(lines.map((l, i) => (i === 0 ? `-----BEGIN ${m.group(1)}----- [REDACTED]` : l.endsWith('\r') ? '[REDACTED]\r' : l ? '[REDACTED]' : '')).join('\n'));
        last = m.end;
    }
    out.push(redactEachLine(text.slice(last), kind));
    return out.join('');
}
function redactEachLine(text, kind) {
    return text
        .split('\n')
        .map((l) => redact(l, kind))
        .join('\n');
}
/**
 * Whether a value is worth masking in logs: long enough, not an identifier, a reference or PEM
 * armour. Masking a word that appears in ordinary log lines (`privateKey`, `CLIENT_SECRET`)
 * would turn the whole log into `***`.
 */
function looksSecret(value) {
    if (value.length < 8 || isReference(value) || value.startsWith('-----'))
        return false;
    // native-regex: one value; code (calls, indexing, templates) is not a secret
    if (/[()[\]{}<>]/.test(value))
        return false;
    // native-regex: anchored character classes on one value (here and below)
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(value) && !/\d/.test(value))
        return false; // an identifier or a word
    // native-regex: as above; a dotted expression
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value))
        return false;
    return true;
}
/** Per pattern and file: a file with more "secrets" than this is generated, not a credential store. */
const MAX_SECRETS = 200;
/**
 * Secret values in a text, for core.setSecret. Errs on the side of collecting more secrets,
 * but never ordinary words: masking a word used in log lines hides the log itself.
 */
function findSecrets(text) {
    const found = new Set();
    for (const m of PEM_BLOCK.matchAll(text, MAX_SECRETS)) {
        for (const line of LINE_BREAK.split(m[0])) {
            const body = line.trim().replace(/^["'`]|["'`,]+$/g, ''); // native-regex: anchored ends of one line
            // Only base64 lines are key material; an unterminated block runs on into ordinary code.
            if (body.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(body))
                found.add(body); // native-regex: one line, one class
        }
    }
    for (const re of [JWT_VALUE, ADOBE_SECRET])
        for (const m of re.matchAll(text, MAX_SECRETS))
            found.add(m[0]);
    for (const m of KEY_LIST.matchAll(text, MAX_SECRETS)) {
        for (const item of LIST_ITEM_VALUE.matchAll(m.group(2)))
            if (looksSecret(item.group(1)))
                found.add(item.group(1));
    }
    for (const m of KEY_VALUE.matchAll(text, MAX_SECRETS)) {
        const value = m.group(2);
        if (looksSecret(value))
            found.add(value);
    }
    return [...found];
}


/***/ }),

/***/ 3508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sn: () => (/* binding */ linear),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* unused harmony export LinearRegExp */
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);
// Every pattern the project runs on repository text runs here, on RE2 semantics (re2js): time
// linear in the input whatever the text, so no file can hang a scan or a migration. Patterns are
// written as ordinary RegExp literals (readable, checked by TypeScript) and compiled once.
// RE2 has no lookahead and no backreferences; captureless lookbehinds are allowed (re2js runs
// them in linear time on its NFA), but cost the fast DFA path, so hot rules avoid them.

const cache = new Map();
/** Window of the NFA pass, and the context it reads before and after (see matchAll). */
const WINDOW = 64 * 1024;
const WINDOW_CONTEXT = 1024;
const WINDOW_REACH = 8 * 1024;
class LinearRegExp {
    source;
    flags;
    global;
    compiled;
    groupIndex = {};
    names = new Set();
    constructor(source, flags = '') {
        this.source = source;
        this.flags = flags;
        this.global = flags.includes('g');
    }
    /**
     * Compiled on first use: most patterns never meet a file that passes the prefilter, and each
     * scan thread would otherwise compile every one of them at start-up.
     */
    get re() {
        if (this.compiled)
            return this.compiled;
        let f = 0;
        if (this.flags.includes('i'))
            f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.CASE_INSENSITIVE;
        if (this.flags.includes('m'))
            f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.MULTILINE;
        if (this.flags.includes('s'))
            f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.DOTALL;
        if (/\(\?<[=!]/.test(this.source))
            f |= re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.LOOKBEHINDS; // native-regex: our own pattern source
        this.compiled = re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.translateRegExp(this.source), f);
        this.groupIndex = this.compiled.namedGroups();
        this.names = new Set(Object.keys(this.groupIndex));
        return this.compiled;
    }
    /** Whether the pattern matches anywhere (the DFA path when the pattern allows it). */
    test(text) {
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
    *matchAll(text, limit = Infinity, start = 0) {
        if (limit <= 0)
            return;
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
                    if (start >= b && b < text.length)
                        break; // the next window's
                    n++;
                    const match = this.snapshot(m, slice, from);
                    lastEnd = match.end > match.index ? match.end : match.end + 1;
                    yield match;
                    found = m.find();
                }
            }
            if (n >= limit || b >= text.length)
                return;
        }
    }
    /** The first match at or after `from`. */
    exec(text, from = 0) {
        if (from === 0) {
            for (const match of this.matchAll(text, 1))
                return match;
            return undefined;
        }
        const m = this.re.matcher(text);
        return m.find(from) ? this.snapshot(m, text) : undefined;
    }
    /** The match as offsets into the whole text (`offset`: where `text` starts in it). */
    snapshot(m, text, offset = 0) {
        const count = m.groupCount();
        const spans = [m.start(), m.end()];
        for (let g = 1; g <= count; g++)
            spans.push(m.start(g), m.end(g));
        if (offset)
            for (let i = 0; i < spans.length; i++)
                if (spans[i] >= 0)
                    spans[i] += offset;
        const base = offset; // `text` is the slice: its offsets are the spans less `base`
        const names = this.names;
        const named = this.groupIndex;
        return {
            index: spans[0],
            end: spans[1],
            0: text.slice(spans[0] - base, spans[1] - base),
            group: (g) => (g <= count && spans[2 * g] >= 0 ? text.slice(spans[2 * g] - base, spans[2 * g + 1] - base) : undefined),
            span: (name) => {
                const g = names.has(name) ? named[name] : undefined;
                return g !== undefined && spans[2 * g] >= 0 ? { index: spans[2 * g], end: spans[2 * g + 1] } : undefined;
            },
        };
    }
    /**
     * Replaces every match (with the `g` flag) or the first. `with` gets the match; a string is
     * inserted as it is (no `$1` expansion: build the text in a function).
     */
    replace(text, by) {
        const parts = [];
        let last = 0;
        for (const m of this.matchAll(text, this.global ? Infinity : 1)) {
            parts.push(text.slice(last, m.index), typeof by === 'string' ? by : by(m));
            last = m.end;
        }
        if (last === 0 && parts.length === 0)
            return text;
        parts.push(text.slice(last));
        return parts.join('');
    }
    /** Splits around matches; an empty match never splits. */
    split(text) {
        const out = [];
        let last = 0;
        for (const m of this.matchAll(text)) {
            if (m.end === m.index)
                continue;
            out.push(text.slice(last, m.index));
            last = m.end;
        }
        out.push(text.slice(last));
        return out;
    }
}
/** The linear-time form of a RegExp literal (compiled once per source and flags). */
function linear(re, flags) {
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
function splitLines(text) {
    const out = [];
    let start = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
        out.push(text.slice(start, i + 1));
        start = i + 1;
    }
    if (start < text.length)
        out.push(text.slice(start));
    return out;
}


/***/ }),

/***/ 9235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ PRIVATE_KEY_NAME),
/* harmony export */   Cv: () => (/* binding */ ADOBE_NAME),
/* harmony export */   U2: () => (/* binding */ META_SCOPES_NAME),
/* harmony export */   cC: () => (/* binding */ GITHUB_WORKFLOW),
/* harmony export */   ci: () => (/* binding */ ci),
/* harmony export */   d_: () => (/* binding */ OTHER_NAME),
/* harmony export */   fq: () => (/* binding */ FILE_ADOBE)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3508);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4536);



// CI pipelines that feed the Service Account (JWT) credential to their steps.
// At any depth: monorepos keep whole apps, each with its own .github/workflows (and example
// workflows kept in a folder beside it, such as .github/workflows-example).
const GITHUB_WORKFLOW = /(?:^|\/)\.github\/workflows[\w.-]*\/[^/]+\.ya?ml$/;
const COMPOSITE_ACTION = /(?:^|\/)action\.ya?ml$/;
const CI_FILES = /(?:^|\/)\.github\/workflows[\w.-]*\/[^/]+\.ya?ml$|(?:^|\/)(?:action\.ya?ml|\.gitlab-ci\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|bitbucket-pipelines\.ya?ml|Jenkinsfile|\.travis\.ya?ml|\.drone\.ya?ml|cloudbuild\.ya?ml|buildspec\.ya?ml)$|(?:^|\/)(?:\.circleci|\.buildkite|\.gitlab|\.azure-pipelines|\.pipelines)\/[^/]+\.ya?ml$/;
/** The file talks to Adobe: Adobe actions, the aio CLI, AIO_/ADOBE_ names, IMS hosts, metascopes. */
const FILE_ADOBE = /\badobe\/aio-|@adobe\/aio-cli|\baio[ \t]+(?:app|login|config|console|cloudmanager|runtime|rt|plugins|where|api-mesh|event)\b|adobelogin\.com|\bAIO_[A-Z]|\bADOBE_[A-Z]|\bent_[a-z_]+_sdk\b/;
/** Names (upper-cased, `-`/`.` as `_`) that say Adobe on their own. */
const ADOBE_NAME = /ADOBE|(?:^|_)AIO(?:_|$)|(?:^|_)IMS(?:_|$)|TECH_?ACC/;
/** Names of other systems' keys that sit in the same pipelines (SSH deploys, GitHub Apps, signing). */
const OTHER_NAME = /SSH|DEPLOY|GPG|PGP|SIGN|TLS|SSL|SFTP|GIT|(?:^|_)GH(?:_|$)|(?:^|_)APP(?:_|$)|BOT|DOCKER|NPM|APPLE|ANDROID|GOOGLE|GCP|GCLOUD|FIREBASE|AWS|AZURE|SNOWFLAKE|VAULT|SERVER|HOST|KUBE|K8S|TERRAFORM|HEROKU|VERCEL|NETLIFY|JENKINS|SALESFORCE|SF_|CERT/;
const PRIVATE_KEY_NAME = /(?:^|_)PRIVATE_?KEY(?:_|$)|PRIVATEKEY/;
const META_SCOPES_NAME = /META_?SCOPES?(?:_|$)/;
const LINE_KEY = (0,_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .linear */ .sn)(/^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?([A-Za-z_][\w.-]{0,100})[ \t]*[:=]/);
const SECRET_REF = (0,_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .linear */ .sn)(/\bsecrets\.([A-Za-z_]\w{0,100})|\bsecrets\[\s*['"]([\w-]{1,100})['"]\s*\]/g);
const VAR_REF = (0,_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .linear */ .sn)(/\$\{?([A-Za-z_]\w{0,100})\}?|\$\(([\w.]{1,100})\)|\$env:([A-Za-z_]\w{0,100})|\b(?:vars|env)\.([A-Za-z_]\w{0,100})|\b(?:credentials|credentialsId:)\s*\(?\s*['"]([\w.-]{1,100})['"]/g);
const COMMENT = (0,_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .linear */ .sn)(/^[ \t]*(?:#|\/\/|\*)/);
// native-regex: names are at most 100 characters
const norm = (name) => name.toUpperCase().replace(/[-.]/g, '_');
/** Per non-comment line: its key and the secrets/variables it references. */
function scanLines(text) {
    const out = [];
    let offset = 0;
    for (const line of text.split('\n')) {
        const here = offset;
        offset += line.length + 1;
        if (line.length > 2000 || COMMENT.test(line))
            continue;
        const key = LINE_KEY.exec(line)?.group(1);
        const secrets = [...SECRET_REF.matchAll(line)].map((m) => norm((m.group(1) ?? m.group(2))));
        const vars = [...VAR_REF.matchAll(line)].map((m) => norm((m.group(1) ?? m.group(2) ?? m.group(3) ?? m.group(4) ?? m.group(5))));
        out.push({ index: here + line.length - line.trimStart().length, key: key ? norm(key) : undefined, secrets, vars });
    }
    return out;
}
/**
 * Lines passing a JWT-shaped secret (name matching `shape`) with Adobe context: an Adobe name on the
 * line, or an Adobe file without another system's name on the line. GitHub workflows must take it
 * from `secrets.`; other CI systems reference their variables (`$NAME`, `$(NAME)`, credentials()).
 */
/**
 * Lines of a pipeline that hand a secret of this shape to a step. `adobe`: the name or the file
 * says Adobe. `unnamed`: neither does (E2E_PRIVATE_KEY_B64), and no other system is named either:
 * a finding only in a package with JWT code of its own.
 */
function jwtSecretLines(shape, allowLiteral, which = 'adobe') {
    return (file) => {
        const fileAdobe = (0,_regex_js__WEBPACK_IMPORTED_MODULE_1__/* .linear */ .sn)(FILE_ADOBE).test(file.text);
        // native-regex: a path
        const github = GITHUB_WORKFLOW.test(file.path) || COMPOSITE_ACTION.test(file.path);
        const hits = [];
        for (const l of scanLines(file.text)) {
            const refs = github ? l.secrets : [...l.secrets, ...l.vars];
            const names = [...(l.key ? [l.key] : []), ...refs];
            // native-regex: names are at most 100 characters (here and below)
            if (!names.some((n) => shape.test(n)))
                continue;
            // native-regex: names, as above
            if (refs.length === 0 && !(allowLiteral && l.key && shape.test(l.key)))
                continue;
            // native-regex: names, as above
            const other = names.some((n) => OTHER_NAME.test(n));
            // native-regex: names, as above
            const adobe = names.some((n) => ADOBE_NAME.test(n)) || (fileAdobe && !other);
            if (which === 'adobe' ? !adobe : adobe || other)
                continue;
            hits.push({ index: l.index, length: 1 });
        }
        return hits;
    };
}
/** `adobe/aio-apps-action` steps run with `command: auth` or given a `KEY` input. */
function aioAppsActionJwt(file) {
    const doc = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .yamlDocument */ .r0)(file.text, { uniqueKeys: false });
    const hits = [];
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Map(_, node) {
            const uses = node.get('uses');
            // native-regex: anchored literal prefix
            if (typeof uses !== 'string' || !/^adobe\/aio-apps-action(?:@|$)/.test(uses.trim()))
                return;
            const withNode = node.get('with', true);
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(withNode))
                return;
            for (const pair of withNode.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                    continue;
                const name = String(pair.key.value);
                const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.value) ? String(pair.value.value).trim() : '';
                const jwt = (name === 'command' && value === 'auth') || name === 'KEY';
                const range = pair.key.range;
                if (jwt && range)
                    hits.push({ index: range[0], length: range[1] - range[0] });
            }
        },
    });
    return hits;
}
const ci = {
    name: 'ci',
    literals: [],
    candidatePaths: CI_FILES,
    rules: [
        {
            id: 'ci-aio-apps-action-jwt-auth',
            title: 'aio-apps-action JWT auth step',
            severity: 'error',
            category: 'ci',
            message: 'This adobe/aio-apps-action step uses the JWT `auth` command or the KEY (private key) input, which no longer yield tokens. Switch it to `command: oauth_sts` with CLIENTID, CLIENTSECRET, TECHNICALACCOUNTID, TECHNICALACCOUNTEMAIL, IMSORGID and SCOPES, and drop the KEY secret.',
            paths: new RegExp(`${GITHUB_WORKFLOW.source}|${COMPOSITE_ACTION.source}`),
            requires: [/adobe\/aio-apps-action/],
            match: aioAppsActionJwt,
        },
        {
            id: 'ci-jwt-private-key-secret',
            title: 'Adobe JWT private key passed to CI',
            severity: 'error',
            category: 'ci',
            message: 'This pipeline hands the Adobe Service Account (JWT) private key to a step. After switching to OAuth Server-to-Server (client id + client secret + scopes), remove the key secret here and revoke the key by deleting the JWT credential in the Adobe Developer Console.',
            paths: CI_FILES,
            match: jwtSecretLines(PRIVATE_KEY_NAME, false),
        },
        {
            id: 'ci-private-key-secret-in-jwt-package',
            title: 'Private key passed to CI in a project that uses the JWT flow',
            severity: 'warning',
            category: 'ci',
            message: 'This pipeline hands a private key to a step, in a project whose code uses the Adobe Service Account (JWT) flow (the secret name does not say which system the key is for). If it is the JWT key, remove it when the code moves to OAuth Server-to-Server (client id, client secret, scopes) and revoke it by deleting the JWT credential in the Adobe Developer Console.',
            needsContext: 'package',
            paths: CI_FILES,
            match: jwtSecretLines(PRIVATE_KEY_NAME, false, 'unnamed'),
        },
        {
            id: 'ci-jwt-meta-scopes',
            title: 'Adobe JWT metascopes in CI',
            severity: 'error',
            category: 'ci',
            message: 'Metascopes only exist for the Adobe Service Account (JWT) flow. Replace them with the OAuth Server-to-Server scopes listed on the credential in the Adobe Developer Console (for aio contexts: SCOPES, plus TECHNICAL_ACCOUNT_EMAIL and CLIENT_SECRETS).',
            paths: CI_FILES,
            unless: [/\bent_aem_cloud_api\b/],
            match: jwtSecretLines(META_SCOPES_NAME, true),
        },
        {
            id: 'ci-aio-jwt-auth-plugin',
            title: 'aio JWT auth plugin in CI',
            severity: 'error',
            category: 'ci',
            message: 'This pipeline gets its token through the aio JWT auth plugin, which depends on the retired Service Account (JWT) flow. Configure an OAuth Server-to-Server aio context instead (or use adobe/aio-apps-action with `command: oauth_sts`).',
            paths: CI_FILES,
            pattern: /\baio[ \t]+plugins(?::install|[ \t]+install)[ \t]+(?:-[\w-]+[ \t]+){0,3}(?<hit>(?:@adobe\/)?aio-cli-plugin-jwt-auth)\b|\baio[ \t]+(?<hit2>jwt-auth:[\w-]+)/,
        },
    ],
};


/***/ }),

/***/ 6442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ code),
/* harmony export */   d: () => (/* binding */ AEM_OAUTH_GUIDE)
/* harmony export */ });
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3508);
/* harmony import */ var _languages_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(300);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7184);




// Code (and config-like strings) that performs the Service Account (JWT) flow itself:
// the exchange call, the JWT claims, the form it posts, the libraries that sign it, and the
// SDK credentials built on it.
/** Languages the migration engine rewrites (JS/TS and Python). */
const JS_TS = /\.[cm]?[jt]sx?$/;
const PYTHON = /\.(?:py|ipynb)$/;
const JS_TS_PY = /\.(?:[cm]?[jt]sx?|py|ipynb)$/;
/** Config-like files where an exchange URL is read at runtime (not docs). */
const CONFIG_FILES = /\.(?:ini|cfg|conf|config|properties|ya?ml|json|jsonc|json5|toml|xml|tf|tfvars|hcl|env|plist)$|(?:^|\/)\.env(?:\.[\w-]+)*$|(?:^|\/)\.aio$/i;
/** Scripts and build files that can install or run the aio JWT CLI plugin. */
const SCRIPT_PATHS = /(?:^|\/)(?:Dockerfile[\w.-]*|Makefile|Procfile|Jenkinsfile)$/;
/**
 * The Service Account (JWT) flow, as opposed to any IMS use: an OAuth Server-to-Server file
 * also names adobelogin.com, so generic JWT libraries need one of these as well.
 */
const JWT_FLOW = /\/ims\/exchange|meta_?scopes?|\bent_[a-z_]+_sdk\b|event_receiver_api|jwt_token|techacct|adobelogin\.com\/[cs]\//i;
/**
 * AEM as a Cloud Service service credentials (legacy, a warning) also exchange a JWT: their
 * metascope, or the shape of their JSON (integration.imsEndpoint, technicalAccount.clientId).
 */
const AEM_CLOUD = /ent_aem_cloud_api|aemcs-api-client-lib|technicalAccount(?:\??\.|['"]\]\s*\[\s*['"])clientId|\bintegration(?:\??\.|\[\s*['"]|['"]\]\s*\[\s*['"])(?:imsEndpoint|metascopes|technicalAccount)/;
/** Adobe's AEM guide to OAuth Server-to-Server for AEM as a Cloud Service server-side APIs. */
const AEM_OAUTH_GUIDE = 'https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developing/generating-access-tokens-for-server-side-apis';
const EXCHANGE = /\bims\/exchange\/(?:v1\/)?jwt\b/;
const EXCHANGE_MESSAGE = 'This calls the Adobe IMS JWT exchange, which no longer issues tokens. Request a token with grant_type=client_credentials, client_id, client_secret and scope at /ims/token/v3 (OAuth Server-to-Server) instead.';
/** Metascope claims: the literal claim URL, or one built from an IMS host variable. */
const META_SCOPE_CLAIM = /(?:adobelogin\.com\/s\/|[}'"\x60]\/s\/(?:\$?\{|ent_\w|event_receiver_api)|%[sv]\/s\/|['"\x60]\/?s\/['"\x60]|\$\w+\/s\/\$?\{?\w)/;
/** The aud claim: the literal audience URL, or `aud` built from an IMS host variable. */
const AUDIENCE_CLAIM = /(?:adobelogin\.com\/c\/|\b(?:aud|AUD|Aud)(?:ience|IENCE)?(?:_\w{0,30}|[A-Z]\w{0,30})?['"]?\s*(?:[:=,]|=>)[^\n]{0,120}?(?:\}\/c\/|%[sv]\/c\/|['"\x60]\/?c\/|\$\w+\/c\/))/;
/** Adobe in the file at all: jwt_token is IMS's own field name, so a form class named for Adobe is enough. */
const ADOBE_ANY = new RegExp(`${_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ADOBE_IMS */ .SE.source}|adobe|\\bims\\b`, 'i');
/** The jwt_token form field, in each shape a form is written (fixture lines in rules/code). */
const JWT_TOKEN_FIELD_FORMS = {
    // `'jwt_token': jwt`, `["jwt_token"] = $jwt`, `"jwt_token\": ` in an escaped JSON string
    quotedKey: String.raw `['"]jwt_token\\?['"]`,
    // `client_id=...&jwt_token=${jwt}`, `'jwt_token=' + jwt`
    urlencodedPair: String.raw `(?:^|[&?'"\x60])jwt_token=`,
    // `{ jwt_token: jwt }`, `jwt_token: signed(...)`
    objectKey: String.raw `\bjwt_token\s*:\s*[\w$'"\x60[(]\w*`,
    // `list(client_id = id, client_secret = s, jwt_token = jwt)` on one line
    afterSecret: String.raw `\bclient_secret\b[^\n]{0,80}\bjwt_token\b`,
    // an R or keyword argument on its own line: `jwt_token = jwt,`, `jwt_token = sign(id))`
    argumentLine: String.raw `^[ \t]*jwt_token\s*=\s*[\w$.]+(?:\([^()\n]{0,80}\))?[ \t]*(?:,|\)|$)`,
};
const JWT_TOKEN_FIELD = new RegExp(Object.values(JWT_TOKEN_FIELD_FORMS).join('|'), 'm');
/** Type annotations (`jwt_token: str`) and empty defaults (`jwt_token = None`) are not the form field. */
const JWT_TOKEN_NOT_FIELD = /^jwt_token\s*:\s*(?:str|string|number|Optional)$|^[ \t]*jwt_token\s*=\s*(?:NULL|None|null|nil)[ \t]*[,)]?$/;
const JS_JWT_LIBS = String.raw `(?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt)`;
const JS_JWT_LIBRARY = new RegExp(String.raw `\b(?:require|import)\s*\(\s*['"]${JS_JWT_LIBS}['"]\s*\)|(?:\bfrom|\bimport)\s*['"]${JS_JWT_LIBS}['"]|\bKJUR\.jws\.JWS\.sign\s*\(`);
const PY_JWT_LIBRARY = /^[ \t]*"?(?:import[ \t]+jwt\b|from[ \t]+jwt(?:\.\w+)?[ \t]+import\b|from[ \t]+jose[ \t]+import[^\n]{0,40}\bjwt\b|import[ \t]+jose\b)|\bjwt\.encode\s*\(/m;
/**
 * JWT signing in the languages the migration engine does not rewrite: each file is matched with
 * its own language's signing calls and imports, from the language registry.
 */
function manualSigningHits(file) {
    const lang = (0,_languages_index_js__WEBPACK_IMPORTED_MODULE_1__/* .languageOf */ .eX)(file.path);
    if (!lang || lang.id === 'javascript' || lang.id === 'python')
        return [];
    return [...(0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(lang.jwtSigning).matchAll(file.text, 1000)].map((m) => ({ index: m.index, length: m.end - m.index }));
}
/** `@adobe/jwt-auth` imports and the calls of the names they bind (JS/TS). */
const JWT_AUTH_IMPORT = /\b(?:(?:const|let|var)\s+(?:(\w+)|\{[^}\n]{0,200}\})\s*=\s*|import\s+(\w+)\s*=\s*)?(?:require|import)\s*\(\s*['"`]@adobe\/jwt-auth['"`]\s*\)|\bimport\s+(?:(\w+)\s*(?:,\s*\{[^}\n]{0,200}\}\s*)?|\*\s*as\s+(\w+)\s*|\{[^}\n]{0,200}\}\s*)from\s*['"]@adobe\/jwt-auth['"]/g;
function jwtAuthHits(file) {
    const hits = [];
    const names = new Set();
    for (const m of (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(JWT_AUTH_IMPORT).matchAll(file.text)) {
        hits.push({ index: m.index, length: m.end - m.index });
        for (const name of [m.group(1), m.group(2), m.group(3), m.group(4)])
            if (name)
                names.add(name);
        if (hits.length >= 1000)
            return hits; // a generated file can match everywhere
    }
    for (const name of names) {
        const call = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(String.raw `(?<![\w$.])(?<!function\s+)${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeRegExp */ .Nt)(name)}\s*\(`, 'g');
        for (const m of call.matchAll(file.text)) {
            hits.push({ index: m.index, length: name.length });
            if (hits.length >= 1000)
                return hits;
        }
    }
    return hits;
}
/**
 * Code that takes the token lifetime for milliseconds, as the JWT exchange answered it
 * (fixtures: code/python-expiry-ms, code/java-expiry-ms).
 */
const EXPIRY_AS_MILLISECONDS = new RegExp([
    // time.time() + token["expires_in"] / 1000
    String.raw `\bexpir(?:es_in|esIn|y|ation|e)\b[\w'"\]).$]{0,40}\s*\/\s*1000\b`,
    // System.currentTimeMillis() + accessToken.getExpiresIn();  Date.now() + body.expires_in,
    String.raw `(?:currentTimeMillis\(\)|Date\.now\(\)|\.getTime\(\))\s*\+\s*[\w.]{0,40}(?:expires_?in|ExpiresIn)\b(?:\(\))?\s*(?:[;,)]|$)`,
    // * the value in milliseconds when the token will expire.  (a doc comment, then within three
    // lines the expires_in field, not multiplied there)
    String.raw `^[ \t]*(?:\*|\/\/|#)[^\n]{0,80}\bmilliseconds?\b[^\n]{0,40}\bexpire[^\n]*(?:\n[^\n]*){0,3}?\bexpires_?in\b[^*\n]*$`,
].join('|'), 'im');
const code = {
    name: 'code',
    literals: ['adobe', 'Adobe', 'ADOBE', 'ims/exchange', 'jwt-auth'],
    rules: [
        {
            id: 'code-jwt-token-function',
            title: 'JWT token function',
            severity: 'error',
            category: 'code',
            message: 'This function builds, signs or exchanges the Adobe Service Account JWT (the lines of it are reported too). Replace it with one OAuth Server-to-Server request: POST grant_type=client_credentials, client_id, client_secret and scope to /ims/token/v3, and drop the key loading, the claims and the signing.',
            origin: 'region',
        },
        {
            id: 'code-jwt-token-function-call',
            title: 'A use of the JWT token function',
            severity: 'warning',
            category: 'code',
            message: 'This line calls, imports or exports a function or class of the Service Account (JWT) flow (reported as the token function elsewhere in this package). Review it with that function: its arguments (private key, technical account, metascopes) become the client secret and scopes, or the call goes.',
            origin: 'region',
        },
        {
            id: 'aem-service-credential-token-function',
            title: 'AEM service credential token function',
            severity: 'warning',
            category: 'code',
            message: `This function exchanges an AEM as a Cloud Service service credential (a JWT signed with its private key). Adobe now calls these credentials legacy: move to OAuth Server-to-Server as Adobe's AEM guide describes (${AEM_OAUTH_GUIDE}).`,
            origin: 'region',
        },
        {
            id: 'code-ims-jwt-exchange',
            title: 'Adobe IMS JWT exchange endpoint',
            severity: 'error',
            category: 'code',
            message: EXCHANGE_MESSAGE,
            paths: JS_TS_PY,
            unless: [AEM_CLOUD],
            pattern: EXCHANGE,
            skipComments: true,
        },
        {
            id: 'code-ims-jwt-exchange-manual',
            title: 'Adobe IMS JWT exchange endpoint (manual migration)',
            severity: 'error',
            category: 'code',
            message: `${EXCHANGE_MESSAGE} Code in this language is not rewritten automatically.`,
            // Any text that is not docs, config (the config rule's) or JS/TS/Python (the rewritten rule's).
            excludePaths: new RegExp(`${JS_TS_PY.source}|${CONFIG_FILES.source}|${_context_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_CODE_TEXT */ .yo.source}`, 'i'),
            unless: [AEM_CLOUD],
            pattern: EXCHANGE,
            skipComments: true,
        },
        {
            id: 'code-ims-jwt-exchange-config',
            title: 'Adobe IMS JWT exchange URL in configuration',
            severity: 'error',
            category: 'code',
            message: 'This configuration points at the Adobe IMS JWT exchange, which no longer issues tokens. Point it at /ims/token/v3 and change the code that reads it to send grant_type=client_credentials with client_id, client_secret and scope.',
            paths: CONFIG_FILES,
            excludePaths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .DOC_PATHS */ .Wr,
            unless: [AEM_CLOUD],
            pattern: EXCHANGE,
            skipComments: true,
        },
        {
            id: 'code-jwt-meta-scope-claim',
            title: 'JWT metascope claim',
            severity: 'error',
            category: 'code',
            message: 'This builds a Service Account (JWT) metascope claim. OAuth Server-to-Server has no JWT: drop the claim and request the scopes shown on the credential in the Developer Console as a comma-separated scope parameter at /ims/token/v3.',
            excludePaths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_CODE_TEXT */ .yo,
            requires: [_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ADOBE_IMS */ .SE, JWT_FLOW],
            unless: [AEM_CLOUD],
            pattern: META_SCOPE_CLAIM,
            skipComments: true,
        },
        {
            id: 'code-jwt-audience-claim',
            title: 'JWT audience claim for Adobe IMS',
            severity: 'error',
            category: 'code',
            message: 'This builds the aud claim of a Service Account (JWT) token. Remove the JWT and request an OAuth Server-to-Server token with client_id and client_secret at /ims/token/v3.',
            excludePaths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_CODE_TEXT */ .yo,
            requires: [_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ADOBE_IMS */ .SE, JWT_FLOW],
            unless: [AEM_CLOUD],
            pattern: AUDIENCE_CLAIM,
            skipComments: true,
        },
        {
            id: 'code-jwt-token-form-field',
            title: 'jwt_token field posted to Adobe IMS',
            severity: 'error',
            category: 'code',
            message: 'This posts a signed JWT to Adobe IMS. Send grant_type=client_credentials, client_id, client_secret and scope to /ims/token/v3 instead, and drop the jwt_token field.',
            excludePaths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_CODE_TEXT */ .yo,
            requires: [ADOBE_ANY],
            unless: [AEM_CLOUD],
            pattern: JWT_TOKEN_FIELD,
            reject: JWT_TOKEN_NOT_FIELD,
        },
        {
            id: 'code-adobe-jwt-auth',
            title: '@adobe/jwt-auth',
            severity: 'error',
            category: 'code',
            message: '@adobe/jwt-auth only performs the retired JWT exchange. Replace it with a POST to /ims/token/v3 (grant_type=client_credentials, client_id, client_secret, scope) or @adobe/aio-lib-ims with an OAuth Server-to-Server context.',
            paths: JS_TS,
            match: jwtAuthHits,
        },
        {
            id: 'code-aio-jwt-plugin',
            title: 'Adobe I/O JWT plugin or CLI command',
            severity: 'error',
            category: 'code',
            message: 'The aio JWT plugin signs a Service Account JWT. Use @adobe/aio-lib-ims with an OAuth Server-to-Server context (client_secrets, scopes, technical_account_email) or `aio app use` with the OAuth credential instead.',
            paths: new RegExp(`${_context_js__WEBPACK_IMPORTED_MODULE_3__/* .CODE_PATHS */ .t9.source}|${SCRIPT_PATHS.source}`, 'i'),
            excludePaths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .DOC_PATHS */ .Wr,
            pattern: /@adobe\/aio-lib-ims-jwt\b|\baio-cli-plugin-jwt-auth\b|\baio\s+jwt-auth:access-token\b/,
        },
        {
            id: 'code-aio-ims-jwt-context',
            title: 'aio-lib-ims JWT context in code',
            severity: 'error',
            category: 'code',
            message: 'aio-lib-ims uses the JWT plugin while a context holds meta_scopes and private_key. Replace them with client_secrets, scopes and technical_account_email from the OAuth Server-to-Server credential.',
            paths: JS_TS,
            // The context may be built in a helper that never imports aio-lib-ims: its other keys say so.
            requires: [/@adobe\/aio-lib-ims(?:[^\w-]|$)|@adobe\/aio-sdk\b|\btechnical_account_id\b|\bims_org_id\b/, /\bprivate_key\b/],
            pattern: /['"]?\bmeta_scopes['"]?\s*:/,
        },
        {
            id: 'code-jwt-library-js',
            title: 'JWT library used beside Adobe IMS (JS/TS)',
            severity: 'warning',
            category: 'code',
            message: 'This file signs tokens next to Adobe JWT claims or the JWT exchange. If it signs the Adobe Service Account JWT, remove the signing and request an OAuth Server-to-Server token at /ims/token/v3 instead.',
            paths: JS_TS,
            requires: [_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ADOBE_IMS */ .SE, JWT_FLOW],
            unless: [AEM_CLOUD],
            pattern: JS_JWT_LIBRARY,
        },
        {
            id: 'code-jwt-library-python',
            title: 'JWT library used beside Adobe IMS (Python)',
            severity: 'warning',
            category: 'code',
            message: 'This file uses PyJWT or python-jose next to Adobe JWT claims or the JWT exchange. If it signs the Adobe Service Account JWT, remove the signing and request an OAuth Server-to-Server token at /ims/token/v3 instead.',
            paths: PYTHON,
            requires: [_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ADOBE_IMS */ .SE, JWT_FLOW],
            unless: [AEM_CLOUD],
            pattern: PY_JWT_LIBRARY,
        },
        {
            id: 'code-jwt-library-manual',
            title: 'JWT signing beside Adobe IMS (manual migration)',
            severity: 'warning',
            category: 'code',
            message: 'This signs a token next to Adobe JWT claims or the JWT exchange. If it is the Adobe Service Account JWT, remove the signing, certificate and private key and request an OAuth Server-to-Server token at /ims/token/v3 by hand.',
            paths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .CODE_PATHS */ .t9,
            excludePaths: JS_TS_PY,
            requires: [_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ADOBE_IMS */ .SE, JWT_FLOW],
            unless: [AEM_CLOUD],
            match: manualSigningHits,
        },
        {
            // The JWT exchange answered expires_in in milliseconds; /ims/token/v3 answers in seconds.
            id: 'code-jwt-expiry-milliseconds',
            title: 'Token lifetime read as milliseconds',
            severity: 'warning',
            category: 'code',
            message: 'This divides the token lifetime by 1000: the JWT exchange answered expires_in in milliseconds, OAuth Server-to-Server (/ims/token/v3) answers in seconds. After the move, read it as seconds, or the token looks expired almost at once.',
            paths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .CODE_PATHS */ .t9,
            excludePaths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_CODE_TEXT */ .yo,
            needsContext: 'package',
            pattern: EXPIRY_AS_MILLISECONDS,
        },
        {
            id: 'code-ims-go-exchange-jwt',
            title: 'adobe/ims-go ExchangeJWT',
            severity: 'error',
            category: 'code',
            message: 'ims-go ExchangeJWT calls the retired JWT exchange. Request an OAuth Server-to-Server token (client_credentials with client_id, client_secret and scopes at /ims/token/v3) instead of ExchangeJWT.',
            paths: /\.go$/,
            requires: [/github\.com\/adobe\/ims-go/],
            pattern: /\.ExchangeJWT\s*\(|\bExchangeJWTRequest\s*\{/,
        },
        {
            id: 'code-pdf-services-service-account',
            title: 'PDF Services SDK service-account (JWT) credentials',
            severity: 'error',
            category: 'code',
            message: 'PDF Services service-account credentials use the retired JWT flow. Upgrade the SDK and build ServicePrincipalCredentials from the OAuth Server-to-Server client id and client secret instead.',
            paths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .CODE_PATHS */ .t9,
            excludePaths: _context_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_CODE_TEXT */ .yo,
            requires: [/pdfservices/i],
            // Google Cloud's ServiceAccountCredentials share the class name.
            unless: [/com\.google\.auth\.oauth2\.ServiceAccountCredentials|google\.oauth2\.service_account|Google\.Apis\.Auth/],
            pattern: /(?<!oauth2\.)\b(?:serviceAccountCredentialsBuilder|ServiceAccountCredentialsBuilder|service_account_credentials_builder|ServiceAccountCredentials|service_account_credentials)\b/,
        },
    ],
};


/***/ }),

/***/ 7184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SE: () => (/* binding */ ADOBE_IMS),
/* harmony export */   Wr: () => (/* binding */ DOC_PATHS),
/* harmony export */   t9: () => (/* binding */ CODE_PATHS),
/* harmony export */   yo: () => (/* binding */ NOT_CODE_TEXT)
/* harmony export */ });
/* harmony import */ var _languages_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(300);
// Context patterns shared by rule families: "this file talks to Adobe IMS".

/** Adobe IMS context: a generic JWT library only counts in a file that also matches this. */
const ADOBE_IMS = /adobelogin\.com|ims-na1|\/ims\/exchange|techacct\.adobe\.com|@AdobeOrg|\bmeta_?scopes?\b|metaScopes|\bent_[a-z_]+_sdk\b/i;
/** Files that are documentation, not code or configuration. */
const DOC_PATHS = /\.(?:md|mdx|markdown|rst|adoc|txt|html?)$/i;
/**
 * Source code: every language of the registry (src/languages/), and the build files and languages
 * with no entry of their own there (no token-function parser, no snippet).
 */
const CODE_PATHS = new RegExp(`${_languages_index_js__WEBPACK_IMPORTED_MODULE_0__/* .CODE_FILES */ .k$.source}|\\.(?:sbt|gradle|csx|swift|rs|pl|pm|lua|ex|exs|dart|clj|ipynb|tf)$|(?:^|\\/)(?:Dockerfile[\\w.-]*|Makefile)$`, 'i');
/**
 * Text that is neither documentation nor a record of history or of a package manager: the
 * language-independent signals (the exchange, the claim URLs, the jwt_token field) count in all
 * of it, whatever the language.
 */
const NOT_CODE_TEXT = new RegExp(`${DOC_PATHS.source}|(?:^|\\/)(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|NEWS)[^/]*$|(?:^|\\/)(?:package-lock\\.json|yarn\\.lock|pnpm-lock\\.yaml|poetry\\.lock|Pipfile\\.lock|go\\.sum|Gemfile\\.lock|composer\\.lock)$|\\.(?:min\\.js|map|svg|csv|lock|expect)$|(?:^|\\/)(?:apidocs|javadoc|api-?docs|typedoc)\\/|(?:^|\\/)xrefmap\\.yml$|-search-index\\.js$`, 'i');


/***/ }),

/***/ 6768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rc: () => (/* binding */ VERSIONED_API_DOCS),
/* harmony export */   ll: () => (/* binding */ HISTORY_FILES),
/* harmony export */   mN: () => (/* binding */ docs)
/* harmony export */ });
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3508);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7184);


// Documentation that tells readers to set up or use the Service Account (JWT) credential.
// Only Adobe documents count, and lines that talk about the migration away from JWT are skipped.
/** The document is about Adobe. */
// "Service Account (JWT)" is the Console's own name for the credential: Adobe's docs site pages
// use it without saying "Adobe".
const ADOBE_DOC = /adobe|adobelogin\.com|\baio (?:app|login|console|config)\b|\bent_[a-z_]+_sdk\b|\bService Account \(JWT\)/i;
/**
 * Lines that describe the deprecation or the move to OAuth Server-to-Server, not the setup. (AEM as a
 * Cloud Service service credential setup counts: Adobe calls those credentials legacy now.)
 */
const MIGRATION_LINE = /migrat|deprecat|end[- ]of[- ]life|\bEOL\b|sunset|retire|no longer|replace|instead of|switch(?:ed|ing)? (?:from|to)|Server[- ]to[- ]Server|\bS2S\b|client_credentials|\/ims\/token\/v[23]/i;
/**
 * Release notes tell history, not setup; pages about the move to OAuth Server-to-Server (a
 * migration guide, the OAuth pages with their FAQ) name the JWT credential to explain what
 * replaces it; generated references of released versions (apidocs/2.1.0/) are history too.
 */
/** Generated references of released versions (apidocs/2.1.0/). */
const VERSIONED_API_DOCS = /(?:^|\/)(?:apidocs|javadoc|api-?docs|typedoc)\/v?\d+\.\d+/i;
const HISTORY_FILES = new RegExp(String.raw `(?:^|\/)(?:CHANGELOG|CHANGES|HISTORY|RELEASE[-_]?NOTES|RELEASES|NEWS)[^/]*$|(?:^|\/)(?:news|changelog|releases)\/|migrat|server-?to-?server|(?:^|\/)oauth[\w-]*\/|${VERSIONED_API_DOCS.source}`, 'i');
/** Hits of `re` on lines that are not about the migration. */
function setupLines(re) {
    const pattern = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(re);
    const migration = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(MIGRATION_LINE);
    return (file) => {
        const hits = [];
        let offset = 0;
        const lines = file.text.split('\n');
        lines.forEach((line, i) => {
            // A heading whose first lines say the credential is deprecated titles a page about the move.
            const movedOn = HEADING.test(line) && lines.slice(i + 1, i + 7).some((l) => l.length <= 4000 && migration.test(l));
            if (line.length <= 4000 && !migration.test(line) && !movedOn) {
                const m = pattern.exec(line);
                if (m)
                    hits.push({ index: offset + m.index, length: m.end - m.index });
            }
            offset += line.length + 1;
        });
        return hits;
    };
}
/** Markdown-like documents, where headings make sections. */
const SECTIONED_DOCS = /\.(?:md|mdx|markdown)$|(?:^|\/)README$/i;
const FENCE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/^[ \t]{0,3}(?:```|~~~)/);
const HEADING = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/^[ \t]{0,3}(#{1,6})[ \t]+(\S[^\n]*)$/);
/** A heading that names the JWT setup (not the migration away from it). */
const JWT_HEADING = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/\bJWT\b|\bService[ -]Account\b|\bkey[ -]?pair\b|\bprivate[ -]key\b|\bpublic[ -]key\b|\bcertificate\b|\bmeta[ -]?scopes?\b|\bjwt-auth\b|\btechnical[ -]account\b/i);
/** Lines that make a section about the JWT setup, whatever its heading says. */
const SETUP_LINE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/\bService[ -]Account \(JWT\)|\bJWT (?:credentials?|integration|auth(?:entication)?|token|flow|grant|assertion)\b|certificate_pub\.crt|private\.key|\bmeta[_ ]?scopes?\b|\bent_[a-z_]+_sdk\b|\/ims\/exchange\/(?:v1\/)?jwt|\btechnical[_ ]?account[_ ]?id\b|\bjwt_token\b|@techacct\.adobe\.com|\bopenssl[ \t]+req\b/i);
/** The sections of a Markdown text (headings inside fenced code are text, not headings). */
function sections(text) {
    const out = [];
    const open = [];
    let fenced = false;
    let offset = 0;
    for (const line of text.split('\n')) {
        if (FENCE.test(line))
            fenced = !fenced;
        const m = !fenced && line.length < 400 ? HEADING.exec(line) : undefined;
        if (m) {
            const level = m.group(1).length;
            while (open.length && open[open.length - 1].level >= level)
                open.pop().end = offset;
            const s = { level, start: offset, end: text.length, heading: m.group(2) };
            out.push(s);
            open.push(s);
        }
        offset += line.length + 1;
    }
    return out;
}
/**
 * Sections that walk through the JWT setup: a heading that names it, or two setup lines in the
 * section's own text; each is one finding spanning the section (the outermost, when nested).
 */
function setupSections(file) {
    const migration = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(MIGRATION_LINE);
    const hits = [];
    let coveredTo = -1;
    for (const s of sections(file.text)) {
        if (s.start < coveredTo)
            continue;
        const body = file.text.slice(s.start, s.end);
        let setup = 0;
        // The heading is judged on its own below; the lines under it make the setup count.
        for (const line of body.split('\n').slice(1))
            if (line.length <= 4000 && SETUP_LINE.test(line) && !migration.test(line))
                setup++;
        const named = JWT_HEADING.test(s.heading) && !migration.test(s.heading);
        if ((named && setup >= 1) || setup >= 2) {
            const end = body.endsWith('\n') ? s.end - 1 : s.end;
            hits.push({ index: s.start, length: Math.max(1, end - s.start) });
            coveredTo = s.end;
        }
    }
    return hits;
}
const base = {
    severity: 'note',
    category: 'docs',
    paths: _context_js__WEBPACK_IMPORTED_MODULE_1__/* .DOC_PATHS */ .Wr,
    excludePaths: HISTORY_FILES,
    requires: [ADOBE_DOC],
};
const docs = {
    name: 'docs',
    literals: ['adobe', 'Adobe', 'ADOBE', 'ims/exchange'],
    rules: [
        {
            ...base,
            id: 'docs-jwt-setup-section',
            title: 'Docs: a section on the JWT setup',
            message: 'This section walks readers through the Service Account (JWT) setup (credential, key pair, metascopes or the JWT exchange), which Adobe has retired. Rewrite it for an OAuth Server-to-Server credential: client id, client secret and scopes from the Developer Console, token from /ims/token/v3.',
            paths: SECTIONED_DOCS,
            match: setupSections,
        },
        {
            ...base,
            id: 'docs-service-account-jwt',
            title: 'Docs: Service Account (JWT) credential',
            message: 'These docs tell readers to create or use a Service Account (JWT) credential, which Adobe has retired. Rewrite the step for an OAuth Server-to-Server credential (client id, client secret, scopes).',
            match: setupLines(new RegExp([
                String.raw `\bService[ -]Account \(JWT\)|\bJWT \(Service Account\)|\bService Account Integration\b`,
                String.raw `\bJWT (?:credentials?|integration)\b|\bService Account (?:credentials?|authentication) \(?JWT`,
                // Links to Adobe's JWT guides: the adobeio-auth pages and the Console's JWT samples.
                String.raw `adobeio-auth\/[\w./-]*(?:ServiceAccountIntegration|\/JWT\/)|\/authentication\/JWT\/`,
                String.raw `devs_projects_jwt|adobe-dev-console\/tree\/[\w.-]+\/samples\/adobe-jwt-`,
                // The JWT credential's pair of values, asked for together.
                String.raw `\btechnical account id\b[^\n]{0,60}\bprivate key\b`,
            ].join('|'), 'i')),
        },
        {
            ...base,
            id: 'docs-jwt-keypair-setup',
            title: 'Docs: JWT key pair generation',
            message: 'These docs walk through creating or uploading the JWT key pair (private.key / certificate_pub.crt). OAuth Server-to-Server needs no key pair: drop the step and document the client secret and scopes instead.',
            match: setupLines(new RegExp([
                String.raw `certificate_pub\.crt|\bGenerate (?:a )?(?:public[/ ]private )?key ?pair\b|\bUpload (?:a |the )?public key\b`,
                // The samples' steps: a certificate and private key made (a bare `openssl req -x509`
                // is as often a TLS certificate for a local server), then the certificate uploaded.
                String.raw `\bUpload (?:the |your |a )?(?:public )?certificate\b`,
                String.raw `\b(?:create|generate)\b[^\n]{0,40}\bcertificate and (?:the )?private key\b`,
            ].join('|'), 'i')),
        },
        {
            ...base,
            id: 'docs-meta-scope-config',
            title: 'Docs: metascopes configuration',
            message: 'These docs configure JWT metascopes. OAuth Server-to-Server uses scopes instead: document the comma-separated scope list shown on the credential in the Adobe Developer Console.',
            match: setupLines(/\bmeta[_ ]?scopes?\b|\bent_[a-z_]+_sdk\b/i),
        },
        {
            ...base,
            id: 'docs-ims-jwt-exchange-url',
            title: 'Docs: IMS JWT exchange URL',
            message: 'These docs point to the IMS JWT exchange endpoint, which no longer issues tokens. Document the OAuth Server-to-Server token request instead: POST grant_type=client_credentials to /ims/token/v3.',
            requires: undefined,
            match: setupLines(/\/ims\/exchange\/(?:v1\/)?jwt\b/),
        },
    ],
};


/***/ }),

/***/ 6499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vn: () => (/* binding */ CANDIDATE_PATHS),
  D$: () => (/* binding */ PREFILTER_LITERALS),
  y0: () => (/* binding */ RULES),
  kF: () => (/* binding */ RULES_BY_ID),
  e2: () => (/* binding */ SUPPORTING_RULES)
});

// UNUSED EXPORTS: FAMILIES

// EXTERNAL MODULE: ./src/rules/ci.ts
var ci = __webpack_require__(9235);
// EXTERNAL MODULE: ./src/rules/code.ts
var code = __webpack_require__(6442);
// EXTERNAL MODULE: ./src/rules/context.ts
var context = __webpack_require__(7184);
// EXTERNAL MODULE: ./src/regex.ts
var regex = __webpack_require__(3508);
;// CONCATENATED MODULE: ./src/rules/config.ts



// Configuration that carries a Service Account (JWT) credential: aio-lib-ims contexts, App Builder
// workspace files, Developer Console downloads, SDK configs, User Sync Tool, Postman exports, Java
// and INI settings, AEM 6.5 token providers. Also AEM as a Cloud Service service credentials (legacy: a warning).
// ---------------------------------------------------------------------------------------------
// Paths and file-level context
/** dotenv files: .env, .env.local, .env.sample, stage.env, env.example. */
const ENV_PATHS = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|env\.(?:example|sample|template|dist))$/;
/** Key/value configuration files the generic settings rules read. */
const SETTINGS_PATHS = new RegExp(`\\.(?:properties|ini|cfg|conf|config|toml|ya?ml|json|jsonc)$|${ENV_PATHS.source}`);
/** App Builder / I/O Runtime manifests: their own rule (fixable). */
const APP_BUILDER_PATHS = /(?:^|\/)(?:(?:app|ext)\.config\.ya?ml|manifest\.ya?ml|[\w-]+\.manifest\.ya?ml)$/;
/** AEM 6.5 / AMS OSGi configurations of the Granite IMS token provider. */
const AEM_TOKEN_PROVIDER_PATHS = /(?:^|\/)com\.adobe\.granite\.auth\.(?:oauth\.accesstoken\.provider|ims\.impl\.IMSAccessTokenRequestCustomizerImpl)[^/]*(?:\/\.content\.xml)?$/;
/** CI definitions: the ci family owns them. */
const CI_PATHS = /(?:^|\/)\.github\/workflows[\w.-]*\/|(?:^|\/)(?:action\.ya?ml|\.gitlab-ci\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|bitbucket-pipelines\.ya?ml|Jenkinsfile|\.travis\.ya?ml)$|(?:^|\/)\.circleci\//;
/** Files other families or rules own. */
const NOT_GENERIC = /(?:^|\/)\.aio$|(?:^|\/)(?:\d+ )?connector-umapi\.ya?ml$|(?:^|\/)package(?:-lock)?\.json$|(?:^|\/)(?:tsconfig|jsconfig)[\w.-]*\.json$/;
/** The file is about Adobe (META_SCOPES alone may be Facebook's). */
const ADOBE_CTX = /adobe|ims-na1|techacct|\bent_[a-z0-9_]+_sdk\b|\baio[._-](?:meta|technical|ims|api|client|encoded|credential)|metascopes/i;
/** The file holds a JWT-only setting besides the private key. */
const JWT_TRIAD = /meta[_.-]{0,2}scopes?|metascopes?|technical[_.-]{0,2}account|tech[_.-]?acc(?:oun)?t|techacct|ims\/exchange|\bent_[a-z0-9_]+_sdk\b/i;
/** JSON shapes the structured rules judge (the generic line rules stay out of them). */
const STRUCTURED_JSON = /"(?:integration_type|contexts|\$ims|tech_id|PUBLIC_KEYS_WITH_EXPIRY)"\s*:|_postman_/;
/** An OAuth Server-to-Server (or user OAuth) configuration. */
const OAUTH_MARKERS = /(?<!meta[_.-]{0,2})scopes\b|client_?_?secrets|\bclient_credentials\b|\/ims\/token\/v[123]|authentication_method[ \t]*[:=][ \t]*["']?oauth/i;
// ---------------------------------------------------------------------------------------------
// Line helpers (linear: one pass over the lines, bounded regexes per line)
const AIO_CONTEXT_KEY = /^AIO_(?:\$ims|ims_contexts)_/i;
const COMMENT_LINE = (0,regex/* linear */.sn)(/^[ \t]*(?:#|;|\/\/|!|<!--|\/\*|\*)/);
/** `key = value`, `key: value`, `"key": value`, `<add key="key" value=...>`, `export KEY=value`. */
const KEY_AT_LINE = (0,regex/* linear */.sn)(/^[ \t]*(?:export[ \t]+|-[ \t]+)?["']?([\w.$-]{1,120})["']?[ \t]*[:=]|\bkey=["']([\w.$-]{1,120})["']/);
function* keyLines(text) {
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        const line = text.slice(start, end);
        if (!COMMENT_LINE.test(line)) {
            const m = KEY_AT_LINE.exec(line);
            if (m) {
                const key = (m.group(1) ?? m.group(2));
                const at = line.indexOf(key, m.index);
                yield { key, index: start + at, rest: line.slice(at + key.length, at + key.length + 400) };
            }
        }
        start = end + 1;
    }
}
function keyHits(text, keyTest, valueTest) {
    const hits = [];
    for (const kl of keyLines(text)) {
        // native-regex: a key is at most 120 characters, the rest of its line at most 400
        if (AIO_CONTEXT_KEY.test(kl.key))
            continue; // aio-lib-ims context variables have their own rule
        // native-regex: as above
        if (keyTest.test(kl.key) || (valueTest && valueTest.test(kl.rest))) {
            hits.push({ index: kl.index, length: kl.key.length });
            if (hits.length >= 1000)
                break;
        }
    }
    return hits;
}
// Key names (tested against a whole key, so anchored).
const METASCOPES_KEY = /^[\w.$-]{0,80}(?:meta[_.-]?scopes?|metascopes?)$/i;
const PRIVATE_KEY_KEY = /^[\w.$-]{0,80}?(?:private[_.-]?key(?:[_.-]?(?:path|file|location|data|pem|content))?|key[_.-]?(?:path|file)|path[_.-]?to[_.-]?(?:private[_.-]?)?key|encoded[_.-]?pkcs8|pkcs(?:8|12)[_.-]?file[_.-]?path)$/i;
const TECH_ACCOUNT_KEY = /^[\w.$-]{0,80}?(?:technical[_.-]?account[_.-]?id|tech[_.-]?acc(?:oun)?t[_.-]?id|techacct)$/i;
/** A metascope as a value: ent_analytics_bulk_ingest_sdk, /s/ent_user_sdk. */
const METASCOPE_VALUE = /^["']?[ \t]*[:=][^\n]{0,300}?(?:^|[\s"'\/,=:[(])ent_[a-z0-9_]{2,60}_sdk\b/;
let cachedText;
let cachedJson = null;
/** Parsed JSON and key positions, or null when the text is not JSON. Cached for the file at hand. */
function readJson(text) {
    if (text === cachedText)
        return cachedJson;
    cachedText = text;
    cachedJson = null;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return null;
    }
    cachedJson = { value, keys: locateKeys(text) };
    return cachedJson;
}
/** Every object key of a valid JSON text with its position and the path of its object. */
function locateKeys(text) {
    const out = [];
    const stack = [];
    const childPath = () => {
        const f = stack[stack.length - 1];
        if (!f)
            return [];
        return f.kind === 'o' ? [...f.path, f.key ?? ''] : [...f.path, f.idx];
    };
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 34 /* " */) {
            let j = i + 1;
            while (j < n && text.charCodeAt(j) !== 34)
                j += text.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
            const f = stack[stack.length - 1];
            if (f && f.kind === 'o' && f.expectKey) {
                const key = JSON.parse(text.slice(i, j + 1));
                out.push({ path: f.path, key, index: i + 1, length: j - i - 1 });
                f.key = key;
                f.expectKey = false;
            }
            i = j + 1;
            continue;
        }
        if (c === 123 /* { */)
            stack.push({ kind: 'o', path: childPath(), key: null, idx: 0, expectKey: true });
        else if (c === 91 /* [ */)
            stack.push({ kind: 'a', path: childPath(), key: null, idx: 0, expectKey: false });
        else if (c === 125 /* } */ || c === 93 /* ] */)
            stack.pop();
        else if (c === 44 /* , */) {
            const f = stack[stack.length - 1];
            if (f?.kind === 'o')
                f.expectKey = true;
            else if (f)
                f.idx++;
        }
        i++;
    }
    return out;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function at(value, path) {
    let v = value;
    for (const p of path) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[p];
    }
    return v;
}
/** Hits for chosen keys of the objects a predicate picks. */
function jsonKeyHits(file, pick) {
    const doc = readJson(file.text);
    if (!doc)
        return [];
    const hits = [];
    const decided = new Map();
    for (const k of doc.keys) {
        const id = JSON.stringify(k.path);
        let wanted = decided.get(id);
        if (!wanted) {
            const obj = at(doc.value, k.path);
            wanted = new Set(isObject(obj) ? pick(obj, k.path) : []);
            decided.set(id, wanted);
        }
        if (wanted.has(k.key))
            hits.push({ index: k.index, length: k.length });
        if (hits.length >= 1000)
            break;
    }
    return hits;
}
// ---------------------------------------------------------------------------------------------
// Structured matchers
/** aio-lib-ims contexts: ims.contexts.<name> (and the older $ims.<name>) holding JWT keys. */
function aioJwtContexts(file) {
    return jsonKeyHits(file, (obj, path) => {
        const inContexts = (path.length === 3 && path[0] === 'ims' && path[1] === 'contexts') || (path.length === 2 && path[0] === '$ims');
        if (!inContexts)
            return [];
        return ['meta_scopes', 'private_key'].filter((k) => k in obj);
    });
}
function credentialEntry(path) {
    return path.length >= 2 && typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'credentials';
}
/** Workspace JSON: `integration_type: service`, or a bare `jwt` object in a credentials entry. */
function workspaceJwtCredentials(file) {
    return jsonKeyHits(file, (obj, path) => {
        if (!credentialEntry(path))
            return [];
        const type = obj.integration_type;
        if (type === 'service')
            return ['integration_type'];
        if (type === undefined && isObject(obj.jwt))
            return ['jwt'];
        return [];
    });
}
function workspaceMigrating(file) {
    return jsonKeyHits(file, (obj, path) => credentialEntry(path) && obj.integration_type === 'oauth_server_to_server_migrate' ? ['integration_type'] : []);
}
/** Developer Console "Download JSON" of a JWT credential. */
function consoleJwtDownload(file) {
    return jsonKeyHits(file, (obj) => {
        if ('PUBLIC_KEYS_WITH_EXPIRY' in obj)
            return ['PUBLIC_KEYS_WITH_EXPIRY'];
        if ('API_KEY' in obj && 'TECHNICAL_ACCOUNT_ID' in obj && !('SCOPES' in obj) && !('CLIENT_SECRETS' in obj)) {
            return ['TECHNICAL_ACCOUNT_ID'];
        }
        return [];
    });
}
/** aepp / aanalytics2 / cjapy JSON config: tech_id + pathToKey (or private_key), no scopes. */
function pythonSdkJwtConfig(file) {
    return jsonKeyHits(file, (obj) => {
        if (!('tech_id' in obj) || 'scopes' in obj)
            return [];
        if (!('pathToKey' in obj) && !('private_key' in obj))
            return [];
        return ['tech_id', 'pathToKey', 'private_key'].filter((k) => k in obj);
    });
}
/** App Builder manifests: action inputs carrying the JWT context (private key, metascopes). */
const APP_INPUT_KEY = /^[\w$-]{0,80}(?:meta[_-]?_?scopes?|metascopes?|private[_-]?_?key)$/i;
const APP_INPUT_VALUE = /^["']?[ \t]*:[ \t]*["']?\$\{?[\w$]{0,120}?(?:META_?_?SCOPES?|METASCOPES?|PRIVATE_?_?KEY|meta__scopes|private__key)\b/i;
function appBuilderInputs(file) {
    return keyHits(file.text, APP_INPUT_KEY, APP_INPUT_VALUE);
}
/** A settings line commented out, whose value is the JWT exchange (example configs ship these). */
const COMMENTED_EXCHANGE = /^[ \t]*(?:#|;|\/\/)[ \t]*(?<hit>[\w.-]+[ \t]*[:=][ \t]*["']?[^\s"']*\/ims\/exchange\/jwt)/gm;
/**
 * The AEM Developer Console hands out two JSON files: the service credential (a JWT key pair) and
 * a local development token. A setting described as the JSON from that console is the former
 * unless its line says token.
 */
const AEM_CONSOLE_JSON = (0,regex/* linear */.sn)(/\bJSON\b[^\n]{0,80}\b(?:AEMaaCS|AEM as a Cloud Service|AEM Cloud Service|AEM) Developer Console/g);
function aemConsoleJson(file) {
    const hits = [];
    for (const m of AEM_CONSOLE_JSON.matchAll(file.text, 100)) {
        const start = file.text.lastIndexOf('\n', m.index) + 1;
        const end = file.text.indexOf('\n', m.end);
        const line = file.text.slice(start, end < 0 ? file.text.length : end);
        if (!/token/i.test(line))
            hits.push({ index: m.index, length: m.end - m.index }); // native-regex: one line
    }
    return hits;
}
const config = {
    name: 'config',
    literals: [
        'adobe',
        'Adobe',
        'ADOBE',
        'techacct',
        'meta_scopes',
        'meta__scopes',
        'metascopes',
        'integration_type',
        'priv_key_',
        'ent_aem_cloud_api',
        'imsEndpoint',
        'echnicalAccount',
        'ims/exchange',
        'Developer Console',
    ],
    // App Builder manifests name the JWT inputs through variables ($META_SCOPES) with no Adobe word.
    candidatePaths: APP_BUILDER_PATHS,
    rules: [
        {
            id: 'config-aio-jwt-context',
            title: 'aio-lib-ims JWT context in aio config',
            severity: 'error',
            category: 'config',
            message: 'This aio-lib-ims context is a Service Account (JWT) context. Remove meta_scopes and private_key (aio-lib-ims tries JWT first while they are present) and set client_secrets, scopes and technical_account_email from the OAuth Server-to-Server credential.',
            paths: /(?:^|\/)(?:\.aio|aio)$|\.json$/,
            requires: [/"(?:contexts|\$ims)"\s*:/],
            match: aioJwtContexts,
        },
        {
            id: 'config-aio-env-jwt-context',
            title: 'aio-lib-ims JWT context in environment',
            severity: 'error',
            category: 'config',
            message: 'This AIO_ims_contexts variable belongs to a Service Account (JWT) context. Run `aio app use` with the OAuth Server-to-Server workspace (or set ..._client__secrets, ..._scopes, ..._technical__account__email) and delete the meta__scopes and private__key variables.',
            paths: new RegExp(`${ENV_PATHS.source}|\\.ya?ml$|(?:^|\\/)Dockerfile[\\w.-]*$`),
            excludePaths: CI_PATHS,
            pattern: /(?<![\w$])(?<hit>AIO_(?:\$ims|ims_contexts)_\w{1,120}?_(?:meta_?_scopes|private_?_key))["']?[ \t]*[:=]/gi,
        },
        {
            id: 'config-app-builder-jwt-inputs',
            title: 'App Builder action inputs for a JWT context',
            severity: 'error',
            category: 'config',
            message: 'This action input passes a JWT private key or metascopes to the action. Pass the OAuth Server-to-Server client id, client secret and scopes instead, and request the token at /ims/token/v3 (or let aio-lib-ims use an OAuth context).',
            paths: APP_BUILDER_PATHS,
            requires: [/meta[_.-]{0,2}scopes?|metascopes?|tech[_.-]?acc(?:oun)?t|technical[_.-]?_?account|ims_contexts|techacct/i],
            match: appBuilderInputs,
        },
        {
            id: 'config-workspace-jwt-credential',
            title: 'Service Account (JWT) credential in workspace config',
            severity: 'error',
            category: 'config',
            message: 'This App Builder workspace holds a Service Account (JWT) credential. Add an OAuth Server-to-Server credential in the Developer Console, download the workspace again (or run `aio app use`) and switch the app to the oauth_server_to_server entry.',
            paths: /\.json$|(?:^|\/)\.aio$/,
            requires: [/"(?:integration_type|jwt)"\s*:/],
            match: workspaceJwtCredentials,
        },
        {
            id: 'config-workspace-jwt-migrating',
            title: 'Workspace credential mid-migration to OAuth',
            severity: 'warning',
            category: 'config',
            message: 'This credential is being migrated from JWT to OAuth Server-to-Server. Make the app use the oauth_server_to_server values, wait until the JWT credential is no longer used, delete it in the Developer Console, then download the workspace again.',
            paths: /\.json$|(?:^|\/)\.aio$/,
            requires: [/oauth_server_to_server_migrate/],
            match: workspaceMigrating,
        },
        {
            id: 'config-console-jwt-credential-json',
            title: 'Developer Console JWT credential download',
            severity: 'error',
            category: 'config',
            message: 'This is the Developer Console download of a Service Account (JWT) credential. Download the OAuth Server-to-Server credential instead (CLIENT_ID, CLIENT_SECRETS, SCOPES) and change the code that reads this file to request tokens at /ims/token/v3.',
            paths: /\.json$/,
            requires: [/"(?:PUBLIC_KEYS_WITH_EXPIRY|TECHNICAL_ACCOUNT_ID)"\s*:/],
            match: consoleJwtDownload,
        },
        {
            id: 'config-python-sdk-jwt-config',
            title: 'aepp / aanalytics2 / cjapy JWT config file',
            severity: 'error',
            category: 'config',
            message: 'This aepp/aanalytics2/cjapy config authenticates with JWT (tech_id + private key). Replace tech_id and pathToKey with "scopes" from the OAuth Server-to-Server credential; the library then uses the OAuth flow.',
            paths: /\.json$/,
            requires: [/"tech_id"\s*:/],
            match: pythonSdkJwtConfig,
        },
        {
            id: 'config-user-sync-jwt',
            title: 'User Sync Tool JWT connector settings',
            severity: 'error',
            category: 'config',
            message: 'This User Sync Tool umapi connector authenticates with JWT. Set authentication_method: oauth, use the OAuth Server-to-Server client_id and client_secret, and remove tech_acct_id and the private key settings.',
            paths: /\.ya?ml$/,
            requires: [/^enterprise[ \t]*:/m],
            unless: [/^[ \t]+authentication_method[ \t]*:[ \t]*["']?oauth/m],
            pattern: /^[ \t]+(?:(?<hit>tech_acct(?:_id)?|priv_key_(?:path|data)|secure_priv_key_data_key)[ \t]*:|(?<hit2>authentication_method)[ \t]*:[ \t]*["']?jwt)/gm,
        },
        {
            id: 'config-postman-jwt',
            title: 'Postman JWT environment or pre-request signing',
            severity: 'error',
            category: 'config',
            message: 'This Postman export uses the Adobe JWT flow (private key, metascopes, signed JWT exchange). Download the OAuth Server-to-Server Postman environment from the Developer Console and request the token at /ims/token/v3 with grant_type=client_credentials.',
            paths: /\.json$/,
            requires: [/_postman_|getpostman\.com/, ADOBE_CTX],
            pattern: 
            // The exchange URL itself is code-ims-jwt-exchange-config's.
            /(?<hit>"key"[ \t]*:[ \t]*"(?:PRIVATE_KEY|META_SCOPES?|METASCOPES?|JWT_TOKEN)"|KJUR\.jws\.JWS\.sign)/g,
        },
        {
            id: 'config-jwt-scope-claim-setting',
            title: 'Metascopes setting (JWT only)',
            severity: 'error',
            category: 'config',
            message: 'Metascopes exist only in the JWT flow. Replace this setting with the scope list of the OAuth Server-to-Server credential (comma-separated, from the Developer Console) and change the code that reads it.',
            paths: SETTINGS_PATHS,
            excludePaths: new RegExp(`${CI_PATHS.source}|${NOT_GENERIC.source}|${APP_BUILDER_PATHS.source}|${AEM_TOKEN_PROVIDER_PATHS.source}`),
            requires: [ADOBE_CTX],
            unless: [STRUCTURED_JSON],
            match: (file) => keyHits(file.text, METASCOPES_KEY, METASCOPE_VALUE),
        },
        {
            id: 'config-jwt-signing-key',
            title: 'JWT private key setting',
            severity: 'error',
            category: 'config',
            message: 'This setting points to the private key used to sign the Adobe JWT. OAuth Server-to-Server needs no key: remove the setting (and revoke the key), and use the client secret and scopes of the OAuth credential instead.',
            paths: SETTINGS_PATHS,
            excludePaths: new RegExp(`${CI_PATHS.source}|${NOT_GENERIC.source}|${APP_BUILDER_PATHS.source}|${AEM_TOKEN_PROVIDER_PATHS.source}`),
            requires: [ADOBE_CTX, JWT_TRIAD],
            unless: [STRUCTURED_JSON],
            match: (file) => keyHits(file.text, PRIVATE_KEY_KEY),
        },
        {
            id: 'config-service-account-id',
            title: 'Adobe technical account setting',
            severity: 'warning',
            category: 'config',
            message: 'This configuration names an Adobe technical account but no OAuth scopes, so it probably feeds a JWT integration. Check how it is used; an OAuth Server-to-Server setup needs the client id, client secret and scopes.',
            paths: SETTINGS_PATHS,
            excludePaths: new RegExp(`${CI_PATHS.source}|${NOT_GENERIC.source}|${APP_BUILDER_PATHS.source}|${AEM_TOKEN_PROVIDER_PATHS.source}`),
            requires: [ADOBE_CTX],
            unless: [
                STRUCTURED_JSON,
                OAUTH_MARKERS,
                /"API_KEY"\s*:/,
                /meta[_.-]{0,2}scopes?|metascopes?|private[_.-]?key|privateKey|priv_key_|key[_.-]?path|encoded[_.-]?pkcs8|pkcs(?:8|12)[_.-]?file|\bent_[a-z0-9_]+_sdk\b/i,
            ],
            match: (file) => keyHits(file.text, TECH_ACCOUNT_KEY),
        },
        {
            id: 'config-aem-jwt-token-provider',
            title: 'AEM OSGi IMS token provider using JWT',
            severity: 'error',
            category: 'config',
            message: 'This AEM Granite IMS access token provider signs a JWT. Set auth.token.provider.authorization.grants="client_credentials", auth.access.token.request to https://ims-na1.adobelogin.com/ims/token/v3, the OAuth client id, secret and scope (see Adobe\'s AEM 6.5 OAuth steps).',
            paths: AEM_TOKEN_PROVIDER_PATHS,
            unless: [/authorization\.grants[^\n]{0,40}client_credentials|\/ims\/token\/v[123]/],
            pattern: 
            // The exchange URL itself is code-ims-jwt-exchange-config's.
            /(?<hit>auth\.token\.provider\.keypair\.alias|\/s\/ent_[a-z0-9_]{2,60}_sdk|auth\.ims\.[\w.]{0,40}?jwt[\w.]{0,40})/gi,
        },
        {
            id: 'aem-cloud-service-credential',
            title: 'AEM as a Cloud Service service credential (legacy JWT)',
            severity: 'warning',
            category: 'config',
            message: `This is an AEM as a Cloud Service service credential (ent_aem_cloud_api / cm-p…-e…-integration): a JWT signed with its private key. Adobe's AEM documentation now calls it legacy and points to OAuth Server-to-Server; plan the move with Adobe's AEM guide (${code/* AEM_OAUTH_GUIDE */.d}). The findings beside it in this package are warnings for the same reason.`,
            // In docs it would silence the docs rules of the whole page; the docs rules skip AEM lines.
            excludePaths: context/* DOC_PATHS */.Wr,
            // The metascope, the client id, or code reading the credential's JSON shape
            // (integration.imsEndpoint, integration.technicalAccount.clientId, ['integration']['metascopes']).
            pattern: /(?<hit>\bent_aem_cloud_api\b|\bcm-p\d{1,10}-e\d{1,10}-integration\b|\bintegration(?:\??\.|\[\s*['"]|['"]\]\s*\[\s*['"])(?:imsEndpoint|metascopes|technicalAccount(?:Id)?)\b|\btechnicalAccount(?:\??\.|['"]\]\s*\[\s*['"])clientId\b)/g,
        },
        {
            id: 'aem-service-credential-download',
            title: 'AEM service credential JSON asked for',
            severity: 'warning',
            category: 'config',
            message: `This setting asks for the service credential JSON downloaded from the AEM as a Cloud Service Developer Console: a JWT key pair Adobe now calls legacy. Ask for OAuth Server-to-Server credentials instead, as Adobe's AEM guide describes (${code/* AEM_OAUTH_GUIDE */.d}).`,
            excludePaths: context/* DOC_PATHS */.Wr,
            match: aemConsoleJson,
        },
        {
            id: 'config-commented-jwt-exchange',
            title: 'Commented-out setting pointing at the JWT exchange',
            severity: 'warning',
            category: 'config',
            message: 'This commented-out setting names the retired IMS JWT exchange; whoever uncomments it gets a broken token request. Point it at /ims/token/v3 (or remove it) with the move to OAuth Server-to-Server.',
            paths: SETTINGS_PATHS,
            excludePaths: new RegExp(`${context/* DOC_PATHS */.Wr.source}|${CI_PATHS.source}`, 'i'),
            // A file whose live setting is the OAuth token endpoint keeps the old URL as history.
            unless: [/^[ \t]*[\w.-]+[ \t]*[:=][^\n]*\/ims\/token\/v\d/m],
            pattern: COMMENTED_EXCHANGE,
        },
    ],
};

;// CONCATENATED MODULE: ./src/rules/console.ts
// Findings of the Developer Console check (src/adobe/check.ts). They match no file content: their
// messages name the project, workspace and credential, and they sit on the file that links the
// project (workspace JSON, .aio, a client id) or on no file.
const consoleRules = {
    name: 'console',
    literals: [],
    rules: [
        {
            id: 'console-jwt-credential',
            title: 'Service Account (JWT) credential in the Developer Console',
            severity: 'error',
            category: 'config',
            message: 'A Developer Console project linked to this repository still has a Service Account (JWT) credential. Add the OAuth Server-to-Server credential to the project, switch the code and secrets, then delete the JWT credential.',
            origin: 'console',
        },
        {
            id: 'console-jwt-migration-in-progress',
            title: 'JWT to OAuth migration in progress in the Developer Console',
            severity: 'warning',
            category: 'config',
            message: 'A Developer Console credential linked to this repository is mid-migration from JWT to OAuth Server-to-Server. Deploy the OAuth credential, check its "last used" time, then delete the JWT credential to finish.',
            origin: 'console',
        },
        {
            id: 'console-query-service-credential',
            title: 'Query Service non-expiring credential',
            severity: 'note',
            category: 'config',
            message: 'An Experience Platform Query Service non-expiring credential must be migrated in the Experience Platform UI (Queries > Credentials > Migrate). The technical account id and password stay the same, so no code change is needed.',
            origin: 'console',
        },
    ],
};

;// CONCATENATED MODULE: ./src/rules/dependencies.ts

// Manifests that declare JWT libraries. Adobe's own JWT packages are reported on sight; generic
// JWT libraries only count when the same folder (or below) has other JWT findings
// (`needsContext: 'project'`), since most projects use them for their own tokens.
const PACKAGE_JSON = /(?:^|\/)package\.json$/;
const PYTHON_MANIFESTS = /(?:^|\/)(?:requirements[\w.-]*\.txt|pyproject\.toml|Pipfile)$/;
const OTHER_MANIFESTS = /(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?|build\.sbt|[^/]+\.csproj|go\.mod|Gemfile|composer\.json)$/;
const GENERIC_MESSAGE = 'This JWT library is used here for the Adobe Service Account (JWT) flow. After moving the token request to OAuth Server-to-Server (grant_type=client_credentials at /ims/token/v3), remove the dependency unless the project still needs it for other tokens.';
const FIELD = (0,regex/* linear */.sn)(/^([A-Za-z][\w.@-]*)\s*:/);
const JOSE = (0,regex/* linear */.sn)(/(?:^|[\s,])(jose)\s*(?:\([^)\n]{0,40}\))?\s*(?:,|$)/);
/** R DESCRIPTION files: `jose` in Imports/Depends/Suggests/LinkingTo (fields may span lines). */
function rDescriptionJose(file) {
    const hits = [];
    const lines = file.text.split('\n');
    let offset = 0;
    let inDeps = false;
    for (const line of lines) {
        const field = FIELD.exec(line);
        // native-regex: a field name
        if (field)
            inDeps = /^(?:Imports|Depends|Suggests|LinkingTo)$/.test(field.group(1));
        else if (!/^[ \t\r]/.test(line.slice(0, 1)))
            inDeps = false; // native-regex: one character
        if (inDeps) {
            const start = field ? field.end : 0;
            const m = JOSE.exec(line.slice(start));
            if (m)
                hits.push({ index: offset + start + m.index + m[0].indexOf('jose'), length: 4 });
        }
        offset += line.length + 1;
    }
    return hits;
}
const dependencies = {
    name: 'dependencies',
    literals: [],
    candidatePaths: /(?:^|\/)(?:package\.json|requirements[\w.-]*\.txt|pyproject\.toml|Pipfile|pom\.xml|build\.gradle(?:\.kts)?|[^/]+\.csproj|go\.mod|Gemfile|DESCRIPTION|composer\.json)$/,
    rules: [
        {
            id: 'dep-adobe-jwt-package',
            title: 'Adobe JWT authentication package',
            severity: 'error',
            category: 'dependency',
            message: "This package only implements Adobe's Service Account (JWT) flow, which no longer issues tokens. Remove it and get tokens with OAuth Server-to-Server (@adobe/aio-lib-ims with an OAuth context, or grant_type=client_credentials at /ims/token/v3).",
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
            pattern: new RegExp([
                // Maven
                String.raw `<artifactId>\s*(?<hit>jjwt(?:-api|-impl|-jackson|-gson|-orgjson)?|java-jwt|nimbus-jose-jwt|jose4j)\s*</artifactId>`,
                // Gradle (Groovy and Kotlin DSL)
                String.raw `["'](?:io\.jsonwebtoken:jjwt[\w-]*|com\.auth0:java-jwt|com\.nimbusds:nimbus-jose-jwt|org\.bitbucket\.b_c:jose4j)[:"']`,
                // sbt (Scala)
                String.raw `"(?:io\.jsonwebtoken|com\.auth0|com\.nimbusds|org\.bitbucket\.b_c)"\s*%%?\s*"(?:jjwt[\w-]*|java-jwt|nimbus-jose-jwt|jose4j)"`,
                // .NET
                String.raw `<PackageReference\s+Include\s*=\s*"(?:jose-jwt|JWT|System\.IdentityModel\.Tokens\.Jwt)"`,
                // Go
                String.raw `^[ \t]*(?:require[ \t]+)?(?:github\.com/adobe/ims-go|github\.com/golang-jwt/jwt(?:/v\d+)?|github\.com/dgrijalva/jwt-go)[ \t]+v\d`,
                // Ruby
                String.raw `^[ \t]*gem[ \t]+["']jwt["']`,
                // PHP
                String.raw `"(?:firebase/php-jwt|lcobucci/jwt)"\s*:`,
            ].join('|'), 'm'),
        },
        {
            id: 'dep-pdf-services-jwt-sdk',
            title: 'PDF Services SDK used with service-account (JWT) credentials',
            severity: 'warning',
            category: 'dependency',
            message: 'This project builds PDF Services service-account (JWT) credentials with this SDK. Move to a release that has service-principal credentials (OAuth Server-to-Server client id and secret; 4.x of the Node, Java, .NET and Python SDKs) when the credential code changes.',
            // Only where the project's code builds the service-account credentials: the SDK itself stays.
            needsContext: 'project',
            paths: new RegExp(`${PACKAGE_JSON.source}|${PYTHON_MANIFESTS.source}|${OTHER_MANIFESTS.source}`),
            pattern: new RegExp([
                String.raw `<PackageReference\s+Include\s*=\s*"(?<hit>Adobe\.PDFServicesSDK)"`,
                String.raw `<artifactId>\s*(?<hit2>pdfservices-sdk)\s*</artifactId>`,
                String.raw `"(?<hit3>@adobe/pdfservices-node-sdk)"\s*:`,
                // requirements.txt: the whole line is the hit.
                String.raw `^["']?pdfservices-sdk\b`,
            ].join('|'), 'm'),
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

// EXTERNAL MODULE: ./src/rules/docs.ts
var docs = __webpack_require__(6768);
;// CONCATENATED MODULE: ./src/rules/keys.ts

// Committed key material of the Service Account (JWT) credential. SSH and TLS keys are not
// findings: every key rule but the certificate one needs the key tied to Adobe
// (`needsContext: 'key'`: JWT findings in the same file, beside certificate_pub.crt, an Adobe-ish
// path, or named by a file with JWT findings).
const BEGIN = (0,regex/* linear */.sn)(/-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----/g);
/**
 * Each PEM private key block, BEGIN to END: the whole block is what must go. A block without its
 * END line (cut, or escaped in one JSON string) is the BEGIN line alone.
 */
function pemBlocks(file) {
    const hits = [];
    for (const m of BEGIN.matchAll(file.text, 100)) {
        // A key block is a few kilobytes: look no further than 16 KB for its END line.
        const window = file.text.slice(m.end, m.end + 16384);
        const end = window.indexOf('-----END');
        const stop = end >= 0 ? window.indexOf('-----', end + 8) : -1;
        hits.push({ index: m.index, length: stop >= 0 ? m.end + stop + 5 - m.index : m.end - m.index });
    }
    return hits;
}
/** Files whose name says "private key" (Adobe's download names it private.key). */
const PRIVATE_KEY_FILE = /(?:^|\/)[\w.-]*private[\w.-]*\.(?:key|pem)$/i;
const REVOKE = 'Deleting the file is not enough: the key stays in git history. Revoke it by deleting the Service Account (JWT) credential in the Adobe Developer Console once the OAuth Server-to-Server credential is in use.';
const keys = {
    name: 'keys',
    literals: ['PRIVATE KEY-----'],
    rules: [
        {
            id: 'key-pem-private-key',
            title: 'Committed private key (PEM)',
            severity: 'error',
            category: 'security',
            message: `A private key for the Adobe JWT credential is committed here. ${REVOKE}`,
            needsContext: 'key',
            excludePaths: PRIVATE_KEY_FILE,
            // OPENSSH, EC and DSA keys are not JWT keys; the form also matches inside JSON/.env values.
            match: pemBlocks,
        },
        {
            id: 'key-private-key-file',
            title: 'Committed private key file',
            severity: 'error',
            category: 'security',
            message: `This private key file belongs to the Adobe JWT credential. Remove it from the repository. ${REVOKE}`,
            needsContext: 'key',
            pathOnly: true,
            paths: PRIVATE_KEY_FILE,
        },
        {
            // Whatever its name (secret.key, a DER or PKCS12 file, a placeholder the sample asks you to
            // overwrite), a key file that JWT code or its settings name is the flow's key.
            id: 'key-file-read-by-jwt-code',
            title: 'Key file the JWT code reads',
            severity: 'warning',
            category: 'security',
            message: `The JWT code or its settings name this key file: it holds (or is meant to hold) the Service Account (JWT) credential's private key. Remove it with the JWT code. If it ever held a real key: ${REVOKE}`,
            needsContext: 'key',
            pathOnly: true,
            paths: /\.(?:key|pem|der|p8|p12|pfx)$/i,
            excludePaths: PRIVATE_KEY_FILE,
        },
        {
            // The public half of the key pair: kept only in a folder with a key of the flow (context.ts).
            id: 'key-certificate-beside-jwt-key',
            title: 'Certificate beside the JWT private key',
            severity: 'warning',
            category: 'security',
            message: 'This certificate sits beside the private key of the Adobe Service Account (JWT) credential: it is most likely the public half of that key pair, uploaded to the Developer Console. OAuth Server-to-Server uses no certificate: remove it with the key.',
            needsContext: 'key',
            pathOnly: true,
            paths: /\.(?:crt|cer)$/i,
            excludePaths: /(?:^|\/)certificate_pub\.crt$/,
        },
        {
            id: 'key-config-zip',
            title: 'Committed JWT credential download (config.zip)',
            severity: 'error',
            category: 'security',
            message: `config.zip is the Developer Console download of a JWT key pair and holds the private key. Remove it from the repository. ${REVOKE}`,
            needsContext: 'key',
            pathOnly: true,
            paths: /(?:^|\/)config\.zip$/,
        },
        {
            id: 'key-jwt-certificate',
            title: 'Committed JWT certificate (certificate_pub.crt)',
            severity: 'warning',
            category: 'security',
            message: 'certificate_pub.crt is the public certificate of an Adobe Service Account (JWT) credential, so the JWT flow (and probably its private key) lives in this repository. Remove it after migrating to OAuth Server-to-Server, then delete the JWT credential in the Adobe Developer Console.',
            pathOnly: true,
            paths: /(?:^|\/)certificate_pub\.crt$/,
        },
    ],
};

// EXTERNAL MODULE: ./src/rules/names.ts
var names = __webpack_require__(5603);
;// CONCATENATED MODULE: ./src/rules/index.ts








/** The rule catalog: one file per family, each rule plain data. */
const FAMILIES = [code/* code */.a, config, dependencies, ci.ci, keys, docs/* docs */.mN, names/* names */.D, consoleRules];
const RULES = FAMILIES.flatMap((f) => f.rules);
const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));
/** Every family's literals, deduplicated: the prefilter's alternation. */
const PREFILTER_LITERALS = [...new Set(FAMILIES.flatMap((f) => f.literals))];
/** Paths that skip the literal prefilter. */
const CANDIDATE_PATHS = FAMILIES.flatMap((f) => (f.candidatePaths ? [f.candidatePaths] : []));
/**
 * Rules that point at a supporting line (a name, a call of the token function), not at the flow
 * itself: said once, not inside a region said already, and gathered into one manual step a file.
 */
const SUPPORTING_RULES = new Set(['code-jwt-only-name', 'docs-jwt-only-name', 'code-jwt-token-function-call']);


/***/ }),

/***/ 5603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ TOKEN_READER),
/* harmony export */   D: () => (/* binding */ names)
/* harmony export */ });
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3508);
/* harmony import */ var _scan_match_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6288);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7184);
/* harmony import */ var _docs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6768);




// The names only the JWT flow uses: the private key (path, data, passphrase), the technical
// account id, the metascopes, and identifiers built on "jwt" (jwt_payload, JWTAuth, createJwt,
// ims_endpoint_jwt). Where the flow lives, every line that names them changes with it: settings,
// CLI flags, call sites, tests, docs. Alone they prove nothing (a TLS private key, an app's own
// session JWT), so they count only in a package (the folder of the nearest manifest) that has a
// JWT finding of its own (`needsContext: 'package'`).
const NAME = String.raw `(?:private\.key|meta[_-]{0,2}scopes?|metascopes?|private[_-]{0,2}key(?:[_-]{0,2}(?:path|file|data|pem|pass(?:phrase|word)?|b64|base64|location|content))?|priv[_-]?key(?:[_-]?(?:path|data|pass|file))?|path[_-]?to[_-]?(?:private[_-]?)?key|encoded[_-]?pkcs8|tech(?:nical)?[_-]{0,2}acc(?:oun)?t(?:[_-]{0,2}id)?|tech[_-]?id|techacct|passphrase|ims[_-]?exchange|certificate_pub)`;
/**
 * A JWT-only name as a whole identifier or key (camelCase, snake_case, UPPER_CASE, kebab-case,
 * CLI flags); or an identifier built on "jwt" (not a kebab-case name such as a package or a rule
 * id, nor a URL path segment such as /ims/exchange/jwt: other rules judge those).
 */
const JWT_ONLY_NAME = new RegExp(
// Boundaries are matched, not looked behind: a lookbehind would cost the fast DFA pass.
String.raw `(?:^|[^A-Za-z0-9])(?<hit>${NAME})(?:[^A-Za-z0-9]|$)|(?:^|[^A-Za-z0-9/-])(?<hit2>[A-Za-z0-9_]*jwt[A-Za-z0-9_]*)(?:[^A-Za-z0-9-]|$)`, 'im');
/**
 * Lines about what stays or replaces the flow: OAuth Server-to-Server, user OAuth, decoding an
 * access token (IMS access tokens are JWTs too), validation of any token.
 */
const NOT_THE_FLOW = /HS256|HS384|HS512|\bsession\b|\/ims\/token\/v\d|client_credentials|authorization_code|refresh_token|\bjwt[._-]?decode|jwtDecode|jwt_decode|\bdecode\s*\(|\bverify\s*\(|jwks|id_token|oauth_?s2s|oauth_server_to_server|Server[- ]to[- ]Server/i;
/**
 * Besides docs, history, lock files and generated references (NOT_CODE_TEXT, R's .Rd help): ignore files,
 * CLI manifests and installed packages, which repeat names without using them.
 */
const NOT_SOURCES = new RegExp(`${_context_js__WEBPACK_IMPORTED_MODULE_2__/* .NOT_CODE_TEXT */ .yo.source}|\\.Rd$|(?:^|\\/)\\.[\\w-]*ignore$|(?:^|\\/)oclif\\.manifest[^/]*\\.json$|(?:^|\\/)packages\\.lock\\.json$|(?:^|\\/)sitemap\\.xml$|(?:^|\\/)node_modules\\/`, 'i');
/** Another vendor's JWT or service account (Google, Salesforce, Box, DocuSign, Apple, Azure AD). */
const OTHER_VENDOR = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/googleapis\.com|google\.oauth2|GoogleCredentials|service_account\.Credentials|salesforce|login\.microsoftonline\.com|microsoft graph|\bbox\.com\b|boxcloud|docusign|appstoreconnect|App Store Connect|github app|octokit\/auth-app/i);
const OAUTH = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/client_?_?secrets|oauth_server_to_server|\bOAUTH_|\/ims\/token\/v\d|client_credentials/i);
const TECH = /^tech/i;
const QUOTES = `'"\``;
const ADOBE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/adobe|adobelogin|\bims\b|\baio\b|techacct|\bent_[a-z_]+_sdk\b/i);
const NAMES = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(JWT_ONLY_NAME);
/** A comment about the flow itself (not a token decoder's doc comment). */
const FLOW_PROSE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/service account|exchange|credential|adobe|\bims\b|technical|metascope|private|sign/i);
/** A line about another system's key (an SFTP or SSH login, a TLS certificate). */
const OTHER_KEY = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/\b(?:s?ftp|ssh|ssl|tls|gpg|pgp|ssh-keygen|known_hosts)\b/i);
/** A file of another vendor's connector (readers/google_sheets/, salesforce_client.py). */
const OTHER_VENDOR_PATH = /google|gcp|firebase|salesforce|docusign|(?:^|[/_-])box(?:[/_.-]|$)|apple|azure|microsoft|github/i;
const FLOW_NOT = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(NOT_THE_FLOW);
/**
 * The lines naming JWT-only settings; none in a file about another vendor's tokens (their JWT
 * and service-account names are the same words).
 */
/** Identifier characters, for the whole name around a hit. */
function isIdent(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
/** The whole identifier a hit sits in (ADOBE_PRIVATE_KEY_PATH around PRIVATE_KEY). */
function identifierAround(text, start, end) {
    let a = start;
    let b = end;
    while (a > 0 && start - a < 100 && isIdent(text.charCodeAt(a - 1)))
        a--;
    while (b < text.length && b - end < 100 && isIdent(text.charCodeAt(b)))
        b++;
    return text.slice(a, b);
}
/** Names of what stays (the technical account email) or of other systems' keys (SSH, TLS, apps). */
const NOT_JWT_NAME = /e_?mail|(?:^|_|[a-z])(?:SSH|Ssh|ssh)|DEPLOY|[Dd]eploy|GPG|PGP|TLS|[Tt]ls|SSL|[Ss]sl|SFTP|GITHUB|[Gg]it[Hh]ub|(?:^|_)GH_|(?:^|_)APP_|[Aa]pp[A-Z_]|DOCKER|[Dd]ocker|NPM|APPLE|ANDROID|GOOGLE|[Gg]oogle|GCP|FIREBASE|AWS|[Aa]ws[A-Z]|AZURE|[Aa]zure|VAULT|KUBE|HEROKU|VERCEL|NETLIFY|SALESFORCE|[Ss]alesforce|SNOWFLAKE|BOX_|DOCUSIGN|SIGNING|WEBHOOK|[Ww]ebhook/;
/** A file about Adobe: its text says so, or its path does (samples/adobe-jwt-python/readme.md). */
function aboutAdobe(file) {
    return ADOBE.test(file.text) || /adobe/i.test(file.path); // native-regex: a path
}
function nameHits(file) {
    const text = file.text;
    if ((OTHER_VENDOR.test(text) || OTHER_VENDOR_PATH.test(file.path)) && !ADOBE.test(text))
        return []; // native-regex: a path
    // A token decoder or verifier (Expand-JWTInformation.ps1, jwt_decode.py) reads any JWT.
    if (TOKEN_READER.test(file.path.slice(file.path.lastIndexOf('/') + 1)))
        return []; // native-regex: a file name
    // "jwt" alone is every library's word: it names the Adobe flow only in a file about Adobe.
    // An R package's generated help (man/*.Rd) never names its vendor: its package (the context
    // rule) holding the flow says enough.
    const jwtCounts = aboutAdobe(file) || /(?:^|\/)man\/[^/]+\.Rd$/.test(file.path); // native-regex: a path
    // OAuth Server-to-Server keeps the technical account: in a file that has OAuth, it is not a sign.
    const techCounts = !OAUTH.test(text);
    const starts = (0,_scan_match_js__WEBPACK_IMPORTED_MODULE_1__/* .lineStarts */ ._$)(text);
    const hits = [];
    let from = 0;
    // One hit a line: after a hit (or a line about OAuth) the search goes on at the next line.
    search: while (from < text.length) {
        for (const m of NAMES.matchAll(text, Infinity, from)) {
            const named = m.span('hit');
            const span = named ?? m.span('hit2') ?? { index: m.index, end: m.end };
            const line = (0,_scan_match_js__WEBPACK_IMPORTED_MODULE_1__/* .lineOf */ .cA)(starts, span.index);
            const end = line + 1 < starts.length ? starts[line + 1] : text.length;
            const ident = identifierAround(text, span.index, span.end);
            const word = text.slice(span.index, span.end);
            const tech = TECH.test(word); // native-regex: one matched name
            const ours = (named ? !tech || techCounts : jwtCounts) &&
                text.charCodeAt(span.index - 1) !== 64 && // `@techacct.adobe.com`: an email's host
                !ident.startsWith('AIO_') && // aio-lib-ims context variables: the config rules judge them
                !NOT_JWT_NAME.test(ident); // native-regex: one identifier of at most 200 characters
            // "JWT" as a word in a comment is prose (a decoder's doc comment), not a name of the flow.
            // Quoted, it is a value (`type: 'oauth', 's2s', or 'jwt'`), not prose.
            const quoted = word === 'jwt' && QUOTES.includes(text[span.index - 1] ?? '') && text[span.end] === text[span.index - 1];
            const prose = !named &&
                !quoted &&
                (word.length === 3 || word === 'JWTs' || word === 'jwts') &&
                (0,_scan_match_js__WEBPACK_IMPORTED_MODULE_1__/* .startsAsComment */ .$9)(text, starts[line], span.index) &&
                !FLOW_PROSE.test(text.slice(starts[line], Math.min(end, starts[line] + 4000)));
            if (!ours || prose)
                continue; // another match on the line may still be one
            // Another system's key is named on the line or just above it (`if host_type == 'sftp':`).
            const around = text.slice(starts[Math.max(0, line - 3)], end);
            if (end - starts[line] > 4000 || (!FLOW_NOT.test(text.slice(starts[line], end)) && (around.length > 16000 || !OTHER_KEY.test(around)))) {
                hits.push({ index: span.index, length: span.end - span.index });
                if (hits.length >= 1000)
                    break search;
            }
            from = end;
            continue search;
        }
        break;
    }
    return hits;
}
/**
 * A file named after the flow (JwtTokenBuilder.java, jwt_auth.py, private_key_loader.ts,
 * KeyStoreUtil, certgen.py, Load-PFXCert.ps1, test files of them): in a package that uses the JWT flow the whole
 * file exists for it. Decoders and verifiers of tokens are not the flow.
 */
const FLOW_FILE = /jwt|private[_-]?key|key[_-]?store|certgen|techacct|meta[_-]?scope|pfx[_-]?cert/i;
/**
 * The name of a file or function that decodes, verifies or inspects any token (jwt_decode.py,
 * Expand-JWTInformation, parse_jwt): it reads access tokens too, and is not the flow.
 */
const TOKEN_READER = /decod|verif|expand|inspect|pars(?:e|er|ing)(?:[^a-z]|$)/i;
const NOT_FLOW_FILE = new RegExp(`adobe-jwt-migrate|session|readme|license|${TOKEN_READER.source}`, 'i');
/** Generated API references (javadoc, typedoc, Sphinx, pkgdown): one page a class or function. */
const API_PAGES = /(?:^|\/)(?:apidocs|javadoc|api-?docs|typedoc|_build\/html|site\/api|docs\/(?:dev\/)?reference)\/.*\.html?$/i;
/** A docs site built into docs/ (GitHub Pages, pkgdown): its pages are the README and guides. */
const SITE_PAGES = /(?:^|\/)docs\/(?:[\w.-]+\/)*[\w.-]+\.html?$/;
/** Javadoc's search indexes of types and members (one line of JSON each). */
const API_SEARCH_INDEX = /(?:^|\/)(?:apidocs|javadoc)\/(?:type|member)-search-index\.js$/;
/** A generated reference's package pages (javadoc): they list the package's classes. */
const PACKAGE_PAGE = /^package-(?:summary|tree|use|frame)\.html?$/i;
/** A link from a package page to one of its class pages, or to that class's uses. */
const CLASS_LINK = (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(/href="(?:class-use\/)?(?<name>[A-Z][A-Za-z0-9_$]*)\.html/);
/**
 * A package page of a generated reference documents the flow when every class it links is named
 * after the flow (com/adobe/aio/ims/util: KeyStoreUtil, PrivateKeyBuilder): the package goes too.
 */
function flowPackagePage(text) {
    let classes = 0;
    for (let m = CLASS_LINK.exec(text); m; m = CLASS_LINK.exec(text, m.end)) {
        const name = m.group(1) ?? '';
        if (!FLOW_FILE.test(name) || NOT_FLOW_FILE.test(name))
            return false; // native-regex: a class name
        if (++classes > 200)
            return false;
    }
    return classes > 0;
}
function wholeFile(file) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const flowName = FLOW_FILE.test(name) && !NOT_FLOW_FILE.test(name); // native-regex: a file name
    const packagePage = !flowName && PACKAGE_PAGE.test(name) && API_PAGES.test(file.path); // native-regex: a path
    if (!flowName && !(packagePage && flowPackagePage(file.text)))
        return [];
    // "jwt" (or the certificate generator, technical account, metascopes) in the name says the
    // flow; a private key or key store helper says it only about Adobe.
    if (!/jwt|certgen|techacct|meta[_-]?scope/i.test(name) && !aboutAdobe(file))
        return []; // native-regex: a file name
    let end = file.text.length;
    while (end > 0 && (file.text.charCodeAt(end - 1) === 10 || file.text.charCodeAt(end - 1) === 13))
        end--;
    return end > 0 ? [{ index: 0, length: end }] : [];
}
const base = {
    needsContext: 'package',
    match: nameHits,
    excludePaths: NOT_SOURCES,
};
const names = {
    name: 'names',
    // A file named after the flow is read whatever it says (Load-PFXCert.ps1 says "private key").
    candidatePaths: new RegExp(`(?:^|/)[^/]*(?:${FLOW_FILE.source})[^/]*$`, 'i'),
    // Byte literals of the names (case variants; the first letter left off where case varies).
    literals: ['jwt', 'JWT', 'Jwt', 'eyStore', 'ertgen', 'rivate.key', 'etaScope', 'eta_scope', 'eta__scope', 'etascope', 'ETA_SCOPE', 'ETASCOPE', 'rivate_key', 'rivateKey', 'RIVATE_KEY', 'rivate-key', 'rivate__key', 'riv_key', 'rivKey', 'athToKey', 'ech_acct', 'echAcc', 'echnical_account', 'echnical__account', 'ECHNICAL_ACCOUNT', 'ech_id', 'echId', 'echacct', 'assphrase', 'ncoded_pkcs8', 'ertificate_pub'],
    rules: [
        {
            // A file named after the flow is the flow wherever it sits: a test project beside the
            // library (Adobe.Tests/JwtCreatorTests.cs) is a package of its own.
            needsContext: 'repository',
            match: wholeFile,
            id: 'code-jwt-flow-file',
            title: 'A file that exists for the JWT flow',
            severity: 'warning',
            category: 'code',
            message: 'This file is named after the Service Account (JWT) flow (the JWT, its private key, key store, certificate or metascopes) in a package that uses that flow. Review all of it: after the move to OAuth Server-to-Server it goes, or becomes the client-credentials token code, and its tests with it.',
            excludePaths: NOT_SOURCES,
        },
        {
            // A file named after the flow is the flow wherever it sits: a test project beside the
            // library (Adobe.Tests/JwtCreatorTests.cs) is a package of its own.
            needsContext: 'repository',
            match: wholeFile,
            id: 'docs-jwt-api-page',
            title: 'Docs: an API reference page of the JWT flow',
            severity: 'note',
            category: 'docs',
            message: 'This generated API reference page documents a class of the Service Account (JWT) flow. Regenerate the reference after the move to OAuth Server-to-Server so it no longer offers the JWT classes.',
            paths: API_PAGES,
            excludePaths: _docs_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSIONED_API_DOCS */ .Rc,
        },
        {
            // Found after the scan (src/scan/api-indexes.ts) from the package pages reported above.
            id: 'docs-jwt-api-index',
            title: 'Docs: an API reference index lists a package of the JWT flow',
            severity: 'note',
            category: 'docs',
            message: "This generated API reference index lists a package that holds only the Service Account (JWT) flow's classes. Regenerate the reference after the move to OAuth Server-to-Server so the package drops out of it.",
            origin: 'region',
        },
        {
            ...base,
            id: 'code-jwt-only-name',
            title: 'A name only the JWT flow uses',
            severity: 'warning',
            category: 'code',
            message: 'This line names a setting or value only the Service Account (JWT) flow uses (private key, technical account id, metascopes, passphrase, the JWT itself). Review it with the token code: after the move to OAuth Server-to-Server it goes, or becomes the client secret or the scopes.',
            excludePaths: NOT_SOURCES,
        },
        {
            ...base,
            id: 'docs-jwt-only-name',
            title: 'Docs: a name only the JWT flow uses',
            severity: 'note',
            category: 'docs',
            message: 'These docs name a setting only the Service Account (JWT) flow uses (private key, technical account id, metascopes, passphrase, the JWT). Document the OAuth Server-to-Server client secret and scopes instead.',
            // Prose, and the current generated reference (its index and constants list the JWT
            // members); references of released versions are history, as are release notes, migration
            // guides and the OAuth pages.
            paths: new RegExp(`\\.(?:md|mdx|markdown|rst|adoc|txt|Rd)$|(?:^|\\/)README$|${API_PAGES.source}|${SITE_PAGES.source}|${API_SEARCH_INDEX.source}`, 'i'),
            excludePaths: _docs_js__WEBPACK_IMPORTED_MODULE_3__/* .HISTORY_FILES */ .ll,
        },
    ],
};


/***/ }),

/***/ 2767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ finishBatch),
  A: () => (/* binding */ scanBatch)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/rules/index.ts + 4 modules
var rules = __webpack_require__(6499);
// EXTERNAL MODULE: ./src/regex.ts
var regex = __webpack_require__(3508);
// EXTERNAL MODULE: ./src/scan/match.ts
var match = __webpack_require__(6288);
;// CONCATENATED MODULE: ./src/scan/client-ids.ts
// Client ids in code and config: the links from a repository to its Adobe Developer Console
// projects (looked up with GET /console/clients/{clientId}/credential).
//
// An Adobe client id is 32 lowercase hex characters, which is also the shape of an MD5 hash, an
// ETag, a UUID without dashes or a cache key. So a value is only taken when a name ties it to a
// client id:
//   - directly: `clientId: '…'`, `ADOBE_CLIENT_ID=…`, `'x-api-key': '…'`, `setApiKey("…")`,
//     `--client-id …`, `<apiKey>…</apiKey>`, `- name: ADOBE_CLIENT_ID` + `value: …`, or as the
//     default of an environment variable with such a name (`process.env.ADOBE_CLIENT_ID || '…'`,
//     `os.getenv("ADOBE_CLIENT_ID", "…")`, `${ADOBE_CLIENT_ID:-…}`, `getOrDefault("…", "…")`);
//   - through one constant or variable of the same file: `const KEY = '…'` (or `KEY: …` in a
//     workflow's env block) whose name a client-id position uses (`'x-api-key': KEY`,
//     `client-id: ${{ env.KEY }}`, `-H "x-api-key: $KEY"`, `.withClientId(KEY)`);
//   - in the JWT audience `https://ims-na1.adobelogin.com/c/<client id>`.
// A generic name (client_id, apiKey, x-api-key) counts only in a file about Adobe (or with the
// Adobe-named variable: ADOBE_/AIO_/IMS_…), since other services use 32-hex keys too (Datadog,
// Algolia, Mixpanel…), and not when another service is named just before it (`docsearch({ apiKey`).
// Names of secrets, hashes and other vendors never count: a key for another service must not be
// sent to Adobe. Each id is reported once per file, on the line of its value.
//
// Cost: a few linear-time passes (src/regex.ts) with bounded match counts, and per-match work
// bounded by short captures.


/** At most this many client ids per file. */
const MAX_IDS = 50;
/** At most this many hex assignments and client-id positions read per file. */
const MAX_MATCHES = 1000;
const NAME = String.raw `[A-Za-z_$][\w$.\-]*`;
const HEX = String.raw `[0-9a-f]{32}`;
/** What links a name to its value: assignment, key, default of an environment lookup, setter. */
const LINK = String.raw `["']?\]?\){0,2}[ \t]*(?:={1,3}|:=|=>|<-|\|\||\?\?|\?:|:-|:|>|[ \t]or[ \t]|\.(?:orElse|getOrElse|unwrap_or|unwrapOr|or)\()`;
/** A quoted name then a comma: getenv("X", "…"), put("x-api-key", "…"), ('client_id', '…'). */
const QUOTED_COMMA = String.raw `["']\]?\){0,2}[ \t]*,`;
/** A typed declaration: `const KEY: string = …`, `val KEY: String = …`. */
const TYPED = String.raw `[ \t]*:[ \t]*[\w.<>\[\]?|]{1,40}[ \t]*=`;
/**
 * Names given a 32-hex value. Groups: n1/v1 (name, link, value), n2/v2 (a YAML key whose
 * `value:` is on the next line: GitLab variables), n3/v3 (`name: X` / `key="X"` then `value: …`:
 * Kubernetes, Azure Pipelines, .NET appSettings), n4/v4 (a command-line flag), v5 (JWT audience).
 */
const DEFS = (0,regex/* linear */.sn)(String.raw `(?:^|[^\w$.])(?:` +
    String.raw `(?<n1>${NAME})(?:${LINK}|${QUOTED_COMMA}|${TYPED}|\()[ \t]*(?:\(?[ \t]*["'\x60])?(?<v1>${HEX})\b` +
    String.raw `|(?<n2>${NAME})["']?:[ \t]*\r?\n[ \t]+["']?value["']?[ \t]*:[ \t]*["']?(?<v2>${HEX})\b` +
    String.raw `|(?:[Nn]ame|[Kk]ey)["']?[ \t]*[:=][ \t]*["']?(?<n3>${NAME})["']?[ \t]*,?[ \t]*(?:\r?\n[ \t]*-?[ \t]*)?["']?[Vv]alue["']?[ \t]*[:=][ \t]*["']?(?<v3>${HEX})\b` +
    String.raw `|--?(?<n4>[A-Za-z][\w.\-]*)[ \t]+["']?(?<v4>${HEX})\b` +
    String.raw `)|adobelogin\.com/c/(?<v5>${HEX})\b`, 'g');
/** Client-id positions and what they hold (to resolve constants): u/t, and the JWT audience t2. */
const USES = (0,regex/* linear */.sn)(String.raw `(?:^|[^\w$.])(?<u>[\w$.\-]*?(?:client[\-_.]{0,2}id|api[\-_.]?key)[\w$.\-]*)(?:${LINK}|${QUOTED_COMMA}|\()(?<t>[^\r\n,;]{1,100})` +
    String.raw `|adobelogin\.com/c/(?<t2>[^\r\n,;]{1,100})`, 'gi');
/** The file is about Adobe: its name, the IMS hosts, the aio CLI and libraries, metascopes. */
const ADOBE_FILE = (0,regex/* linear */.sn)(/adobe|\baio(?:[-_]|\s+(?:app|login|config|console))|\bims-na1\b|\bent_[a-z]+(?:_[a-z]+)*_sdk\b|x-gw-ims-org-id/i);
/** Words that make a name Adobe's. */
const ADOBE_WORDS = new Set(['adobe', 'adobeio', 'aio', 'ims', 'aep', 'aem', 'cja', 'firefly', 'photoshop', 'lightroom', 'acrobat', 'pdfservices', 'frameio']);
/** Words of names whose value is not a client id even when the name also says "client id". */
const NOT_AN_ID = new Set([
    'secret', 'secrets', 'hash', 'hashed', 'md5', 'sha', 'sha1', 'sha256', 'checksum', 'etag', 'digest', 'salt', 'nonce', 'token', 'signature',
    'sig', 'hmac', 'password', 'passwd', 'pwd', 'private', 'cert', 'certificate', 'fingerprint', 'commit', 'revision', 'uuid', 'guid', 'cache',
]);
/** Other services with 32-hex client ids or API keys: their keys must not go to Adobe. */
const OTHER_VENDORS = new Set([
    'google', 'gcp', 'firebase', 'youtube', 'gmaps', 'mailgun', 'sendgrid', 'mailchimp', 'mandrill', 'postmark', 'lastfm', 'flickr', 'datadog', 'dd',
    'newrelic', 'sentry', 'bugsnag', 'rollbar', 'algolia', 'mixpanel', 'amplitude', 'segment', 'hotjar', 'optimizely', 'launchdarkly', 'stripe',
    'paypal', 'braintree', 'twilio', 'nexmo', 'vonage', 'pusher', 'ably', 'mapbox', 'tomtom', 'openweather', 'owm', 'spotify', 'twitch', 'github',
    'gitlab', 'bitbucket', 'slack', 'discord', 'telegram', 'azure', 'aws', 'openai', 'anthropic', 'cohere', 'huggingface', 'contentful', 'shopify',
    'salesforce', 'sfdc', 'hubspot', 'zendesk', 'intercom', 'okta', 'auth0', 'facebook', 'fb', 'twitter', 'linkedin', 'instagram',
    'pinterest', 'tiktok', 'dropbox', 'box', 'imgur', 'giphy', 'tmdb', 'omdb', 'newsapi', 'cloudinary', 'imgix', 'fastly', 'akamai', 'cloudflare',
    'heroku', 'netlify', 'vercel', 'circleci', 'travis', 'sonar', 'snyk', 'codecov', 'browserstack', 'saucelabs', 'applitools', 'percy', 'loggly',
    'logdna', 'honeycomb', 'elastic', 'typesense', 'pinecone', 'supabase', 'airtable', 'notion', 'trello', 'atlassian', 'jira', 'asana', 'figma',
    'unsplash', 'pexels', 'shutterstock', 'getty', 'bing', 'yandex', 'baidu', 'microsoft', 'msal',
]);
/**
 * Other services named just before a generic name (`docsearch({ apiKey: … })`,
 * `algoliasearch('APP', …)`): the key is theirs. Distinctive names only, matched as substrings.
 */
const OTHER_VENDOR_CONTEXT = [
    'algolia', 'docsearch', 'mapbox', 'datadog', 'sentry', 'mixpanel', 'amplitude', 'bugsnag', 'rollbar', 'stripe', 'twilio', 'sendgrid',
    'mailgun', 'mailchimp', 'spotify', 'google', 'firebase', 'lastfm', 'last.fm', 'flickr', 'newrelic', 'optimizely', 'launchdarkly', 'pusher',
    'cloudinary', 'contentful', 'hubspot', 'zendesk', 'intercom', 'imgur', 'giphy', 'themoviedb', 'openweather',
];
/** How far before a generic name the context for OTHER_VENDOR_CONTEXT reaches (same line and above). */
const CONTEXT_BEFORE = 160;
function otherVendorNear(text, at) {
    const after = text.slice(at, at + 200);
    const lineEnd = after.indexOf('\n');
    const window = (text.slice(Math.max(0, at - CONTEXT_BEFORE), at) + (lineEnd < 0 ? after : after.slice(0, lineEnd))).toLowerCase();
    return OTHER_VENDOR_CONTEXT.some((v) => window.includes(v));
}
/** Words of an identifier: split at non-alphanumerics and camelCase humps, lower-cased (no regex). */
function nameWords(name) {
    const s = name.length > 200 ? name.slice(-200) : name;
    const out = [];
    let cur = '';
    const kind = (c) => (c === undefined ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 3 : 0);
    for (let i = 0; i < s.length; i++) {
        const k = kind(s[i]);
        if (k === 0) {
            if (cur)
                out.push(cur);
            cur = '';
            continue;
        }
        if (k === 2 && cur) {
            const prev = kind(s[i - 1]);
            if (prev === 1 || prev === 3 || (prev === 2 && kind(s[i + 1]) === 1)) {
                out.push(cur);
                cur = '';
            }
        }
        cur += s[i].toLowerCase();
    }
    if (cur)
        out.push(cur);
    return out;
}
function classifyName(name) {
    const w = nameWords(name);
    let clientId = false;
    let adobe = false;
    let excluded = false;
    for (let i = 0; i < w.length; i++) {
        const a = w[i];
        const b = w[i + 1];
        if ((a === 'client' && b === 'id') || (a === 'api' && b === 'key') || a.endsWith('clientid') || a.endsWith('apikey'))
            clientId = true;
        if (ADOBE_WORDS.has(a) || a.startsWith('adobe'))
            adobe = true;
        if (NOT_AN_ID.has(a) || OTHER_VENDORS.has(a))
            excluded = true;
    }
    return { clientId, adobe, excluded };
}
/** Keys a name is referred to by: itself without `$`, and its last dotted segment. */
function keysOf(name) {
    const n = name.startsWith('$') ? name.slice(1) : name;
    const dot = n.lastIndexOf('.');
    return dot >= 0 && dot < n.length - 1 ? [n, n.slice(dot + 1)] : [n];
}
const isIdentChar = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '$' || c === '.' || c === '-';
const OPERATORS = ['||', '??', '?:', ':-', '+', 'or '];
/**
 * Names a client-id position holds: the operands of its expression (at most 100 characters), e.g.
 * `KEY`, `$KEY`, `"${ADOBE_KEY}"`, `${{ env.KEY }}`, `config['KEY']`, `process.env.X || DEFAULT`.
 * Stops at the first thing that is neither an operand nor a fallback operator, so the next shell
 * argument or the next key on the line is not read.
 */
function referencedNames(tail) {
    const names = [];
    let i = 0;
    const n = tail.length;
    const blanks = () => {
        while (i < n && (tail[i] === ' ' || tail[i] === '\t'))
            i++;
    };
    let expectOperand = true;
    while (i < n && names.length < 8) {
        blanks();
        if (i >= n)
            break;
        if (!expectOperand) {
            const op = OPERATORS.find((o) => tail.startsWith(o, i));
            if (!op)
                break;
            i += op.length;
            expectOperand = true;
            continue;
        }
        // One operand: no blank inside (except within ${{ … }}); a closing parenthesis ends the call
        // that holds the position, `&` the query parameter.
        const start = i;
        while (i < n && tail[i] !== ' ' && tail[i] !== '\t' && tail[i] !== ')' && tail[i] !== '&') {
            if (tail.startsWith('{{', i)) {
                const close = tail.indexOf('}}', i + 2);
                i = close < 0 ? n : close + 2;
            }
            else
                i++;
        }
        const operand = tail.slice(start, i);
        for (let j = 0; j < operand.length;) {
            const c = operand[j];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$') {
                let k = j + 1;
                while (k < operand.length && isIdentChar(operand[k]))
                    k++;
                let word = operand.slice(j, k);
                while (word.endsWith('.') || word.endsWith('-'))
                    word = word.slice(0, -1);
                if (word.startsWith('$'))
                    word = word.slice(1);
                if (word)
                    names.push(word);
                j = k;
            }
            else
                j++;
        }
        if (i < n && (tail[i] === ')' || tail[i] === '&'))
            break;
        expectOperand = false;
    }
    return names;
}
function lineOf(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}
/** Whether a file that reaches no rule is still read for client ids: dotenv and key=value config. */
function clientIdConfigPath(path) {
    const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
    if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env'))
        return true;
    const dot = base.lastIndexOf('.');
    return dot > 0 && ['properties', 'ini', 'toml', 'cfg', 'conf'].includes(base.slice(dot + 1));
}
/** Client ids the file ties to a client-id name (see the top of this file), at most 50. */
function findClientIds(path, text) {
    if (!DEFS.test(text))
        return [];
    let adobeFile;
    const isAdobeFile = () => (adobeFile ??= path.toLowerCase().includes('adobe') || ADOBE_FILE.test(text));
    const found = new Map(); // client id -> offset of the value
    const take = (value, at) => {
        const seen = found.get(value);
        if (seen === undefined || at < seen)
            found.set(value, at);
    };
    const byName = new Map();
    for (const m of DEFS.matchAll(text, MAX_MATCHES)) {
        let g = 5;
        while (g > 1 && !m.span(`v${g}`))
            g--;
        const vs = m.span(`v${g}`);
        const value = text.slice(vs.index, vs.end);
        if (g === 5) {
            take(value, vs.index); // the JWT audience on Adobe's IMS host
            continue;
        }
        const ns = m.span(`n${g}`);
        const name = text.slice(ns.index, ns.end);
        const cls = classifyName(name);
        if (cls.excluded)
            continue;
        if (cls.clientId) {
            if (cls.adobe || (isAdobeFile() && !otherVendorNear(text, ns.index)))
                take(value, vs.index);
            continue;
        }
        const def = { name, value, at: vs.index, cls };
        for (const key of keysOf(name)) {
            const list = byName.get(key);
            if (!list)
                byName.set(key, [def]);
            else if (list.length < 4)
                list.push(def);
        }
    }
    // One hop: a constant or variable of this file, used where a client id goes.
    if (byName.size > 0) {
        for (const m of USES.matchAll(text, MAX_MATCHES)) {
            const us = m.span('u');
            let useAdobe = false;
            if (us) {
                const cls = classifyName(text.slice(us.index, us.end));
                if (cls.excluded || !cls.clientId)
                    continue;
                useAdobe = cls.adobe;
            }
            else
                useAdobe = true; // the JWT audience
            const ts = m.span('t') ?? m.span('t2');
            let generic; // a generic name in an Adobe file, with no other service near
            for (const ref of referencedNames(text.slice(ts.index, ts.end))) {
                for (const key of keysOf(ref)) {
                    for (const def of byName.get(key) ?? []) {
                        if (useAdobe || def.cls.adobe || (generic ??= isAdobeFile() && !otherVendorNear(text, m.index)))
                            take(def.value, def.at);
                    }
                }
            }
        }
    }
    if (found.size === 0)
        return [];
    const starts = (0,match/* lineStarts */._$)(text);
    return [...found]
        .sort((a, b) => a[1] - b[1])
        .slice(0, MAX_IDS)
        .map(([clientId, at]) => ({ clientId, file: path, line: lineOf(starts, at) }));
}

// EXTERNAL MODULE: ./src/scan/regions.ts
var regions = __webpack_require__(772);
;// CONCATENATED MODULE: ./src/scan/teddy-wasm.ts
// generated by scripts/build-wasm.mjs from teddy.wat; do not edit
/** teddy.wat compiled (949 bytes), base64: WebAssembly SIMD. */
const TEDDY_WASM = [
    'AGFzbQEAAAABDwJgBH9/f38Bf2ACf38BfwMDAgABBQMBAAEHEQIGbWVtb3J5AgAEZmluZAABCvwGAsMBAQd/IAAoAAAh',
    'CgNAIAFoQQN0IQggCCgCgAEhBCAIKAKEASEFAkADQCAEIAVPDQECQCAKIAQoAhBxIAQoAgxHDQAgACACayAEKAIESQ0A',
    'IAAgBCgCBGshBiAGIAQoAgBqIQcgByADSw0AIAQoAgghCQNAIAb9AAAAIAn9AAQA/VEgCf0ABBD9Tv1TDQEgCUEgaiEJ',
    'IAZBEGohBiAGIAdJDQALQQEPCyAEQSBqIQQMAAsLIAEgAUEBa3EhASABDQALQQALtAUCBX8SeyABQQNJBEBBAA8LIAAg',
    'AWohAiACQQJrIQNBAP0ABAAhB0EQ/QAEACEIQSD9AAQAIQlBMP0ABAAhCkHAAP0ABAAhC0HQAP0ABAAhDEHgAP0ABAAh',
    'DUHwAP0ABAAhDkEP/Q8hDyAAIQQDQAJAA0AgDyAE/QAAACIQ/U4hESAPIBBBBP2NAf1OIRIgByAR/Q4gCCAS/Q79TiET',
    'IBQgE/0NDQ4PEBESExQVFhcYGRobHCEXIBMhFCAJIBH9DiAKIBL9Dv1OIRMgFyAVIBP9DQ4PEBESExQVFhcYGRobHB39',
    'TiEXIBMhFSALIBH9DiAMIBL9Dv1OIRMgFyAWIBP9DQ8QERITFBUWFxgZGhscHR79TiEXIBMhFiAXIA0gEf0OIA4gEv0O',
    '/U79TiEXIA8gBP0AABAiEP1OIREgDyAQQQT9jQH9TiESIAcgEf0OIAggEv0O/U4hEyAUIBP9DQ0ODxAREhMUFRYXGBka',
    'GxwhGCATIRQgCSAR/Q4gCiAS/Q79TiETIBggFSAT/Q0ODxAREhMUFRYXGBkaGxwd/U4hGCATIRUgCyAR/Q4gDCAS/Q79',
    'TiETIBggFiAT/Q0PEBESExQVFhcYGRobHB0e/U4hGCATIRYgGCANIBH9DiAOIBL9Dv1O/U4hGCAXIBj9UP1TDQEgBEEg',
    'aiEEIAQgAk0NAAtBAA8LIBf9DAAAAAAAAAAAAAAAAAAAAAD9JP1kIBj9DAAAAAAAAAAAAAAAAAAAAAD9JP1kQRB0ciEF',
    'IANBA2ogBGshBiAGQSBJBEAgBUEBIAZ0QQFrcSEFCwJAIAVFDQADQCAFaCEGIAQgBmpBA2sgGCAXIAZBEE8bIAZBD3H9',
    'D/0O/RYAIAAgAhAABEBBAQ8LIAUgBUEBa3EhBSAFDQALCyAEQSBqIQQgBCACTQ0AC0EACw==',
].join('');
/** The same with i8x16.relaxed_swizzle for i8x16.swizzle (relaxed SIMD), faster on x64. */
const TEDDY_WASM_RELAXED = [
    'AGFzbQEAAAABDwJgBH9/f38Bf2ACf38BfwMDAgABBQMBAAEHEQIGbWVtb3J5AgAEZmluZAABCo0HAsMBAQd/IAAoAAAh',
    'CgNAIAFoQQN0IQggCCgCgAEhBCAIKAKEASEFAkADQCAEIAVPDQECQCAKIAQoAhBxIAQoAgxHDQAgACACayAEKAIESQ0A',
    'IAAgBCgCBGshBiAGIAQoAgBqIQcgByADSw0AIAQoAgghCQNAIAb9AAAAIAn9AAQA/VEgCf0ABBD9Tv1TDQEgCUEgaiEJ',
    'IAZBEGohBiAGIAdJDQALQQEPCyAEQSBqIQQMAAsLIAEgAUEBa3EhASABDQALQQALxQUCBX8SeyABQQNJBEBBAA8LIAAg',
    'AWohAiACQQJrIQNBAP0ABAAhB0EQ/QAEACEIQSD9AAQAIQlBMP0ABAAhCkHAAP0ABAAhC0HQAP0ABAAhDEHgAP0ABAAh',
    'DUHwAP0ABAAhDkEP/Q8hDyAAIQQDQAJAA0AgDyAE/QAAACIQ/U4hESAPIBBBBP2NAf1OIRIgByAR/YACIAggEv2AAv1O',
    'IRMgFCAT/Q0NDg8QERITFBUWFxgZGhscIRcgEyEUIAkgEf2AAiAKIBL9gAL9TiETIBcgFSAT/Q0ODxAREhMUFRYXGBka',
    'Gxwd/U4hFyATIRUgCyAR/YACIAwgEv2AAv1OIRMgFyAWIBP9DQ8QERITFBUWFxgZGhscHR79TiEXIBMhFiAXIA0gEf2A',
    'AiAOIBL9gAL9Tv1OIRcgDyAE/QAAECIQ/U4hESAPIBBBBP2NAf1OIRIgByAR/YACIAggEv2AAv1OIRMgFCAT/Q0NDg8Q',
    'ERITFBUWFxgZGhscIRggEyEUIAkgEf2AAiAKIBL9gAL9TiETIBggFSAT/Q0ODxAREhMUFRYXGBkaGxwd/U4hGCATIRUg',
    'CyAR/YACIAwgEv2AAv1OIRMgGCAWIBP9DQ8QERITFBUWFxgZGhscHR79TiEYIBMhFiAYIA0gEf2AAiAOIBL9gAL9Tv1O',
    'IRggFyAY/VD9Uw0BIARBIGohBCAEIAJNDQALQQAPCyAX/QwAAAAAAAAAAAAAAAAAAAAA/ST9ZCAY/QwAAAAAAAAAAAAA',
    'AAAAAAAA/ST9ZEEQdHIhBSADQQNqIARrIQYgBkEgSQRAIAVBASAGdEEBa3EhBQsCQCAFRQ0AA0AgBWghBiAEIAZqQQNr',
    'IBggFyAGQRBPGyAGQQ9x/Q/9gAL9FgAgACACEAAEQEEBDwsgBSAFQQFrcSEFIAUNAAsLIARBIGohBCAEIAJNDQALQQAL',
].join('');

;// CONCATENATED MODULE: ./src/scan/prefilter.ts
// The cheap first pass: a file reaches the rules only if its bytes hold one of the catalog's
// literals, or its path is one a family always reads (manifests name JWT libraries without
// any Adobe word). The fixture walk proves each positive is reachable through this gate.
//
// A regex alternation of the literals runs near 300 MB/s in V8; the Wu-Manber search below
// 1.1 to 1.4 GB/s on source code (one thread). Teddy (teddy.wat: WebAssembly SIMD, the
// multi-literal search ripgrep uses) runs 5 to 6 GB/s and is used wherever WebAssembly SIMD
// validates; the JS search stays as the fallback and as the tests' second opinion.


/** Builds a test for "buf[0..n) contains any of these byte strings" (each at least 2 bytes). */
function compileLiterals(literals) {
    const lits = literals.map((l) => Buffer.from(l, 'latin1')).filter((l) => l.length >= 2);
    if (lits.length === 0)
        return () => false;
    const m = Math.min(255, ...lits.map((l) => l.length));
    // shift[pair]: how far the window may move when its last two bytes are `pair`.
    const shift = new Uint8Array(65536).fill(m - 1);
    const candidates = new Array(65536);
    for (const l of lits) {
        for (let j = 1; j < m; j++) {
            const pair = (l[j - 1] << 8) | l[j];
            shift[pair] = Math.min(shift[pair], m - 1 - j);
        }
        const last = (l[m - 2] << 8) | l[m - 1];
        (candidates[last] ??= []).push(l);
    }
    /** True when a literal ends at `pos` (the window's last byte). */
    const verify = (buf, n, pos) => {
        const start = pos - m + 1;
        for (const l of candidates[(buf[pos - 1] << 8) | buf[pos]]) {
            if (start + l.length > n)
                continue;
            let j = 0;
            while (j < l.length && buf[start + j] === l[j])
                j++;
            if (j === l.length)
                return true;
        }
        return false;
    };
    /** Window ends in [pos, end). */
    const lane = (buf, n, pos, end) => {
        while (pos < end) {
            const s = shift[(buf[pos - 1] << 8) | buf[pos]];
            if (s !== 0)
                pos += s;
            else if (verify(buf, n, pos))
                return true;
            else
                pos++;
        }
        return false;
    };
    // Each step of a lane waits on two dependent loads; four lanes over the four quarters of the
    // buffer interleave those waits, which nearly doubles the speed over one lane.
    return (buf, n) => {
        if (n < 1024)
            return lane(buf, n, m - 1, n);
        const q = n >> 2;
        const e0 = q + m - 1;
        const e1 = e0 + q;
        const e2 = e1 + q;
        let a = m - 1;
        let b = e0;
        let c = e1;
        let d = e2;
        while (a < e0 && b < e1 && c < e2 && d < n) {
            const sa = shift[(buf[a - 1] << 8) | buf[a]];
            const sb = shift[(buf[b - 1] << 8) | buf[b]];
            const sc = shift[(buf[c - 1] << 8) | buf[c]];
            const sd = shift[(buf[d - 1] << 8) | buf[d]];
            if (sa !== 0)
                a += sa;
            else if (verify(buf, n, a))
                return true;
            else
                a++;
            if (sb !== 0)
                b += sb;
            else if (verify(buf, n, b))
                return true;
            else
                b++;
            if (sc !== 0)
                c += sc;
            else if (verify(buf, n, c))
                return true;
            else
                c++;
            if (sd !== 0)
                d += sd;
            else if (verify(buf, n, d))
                return true;
            else
                d++;
        }
        return lane(buf, n, a, e0) || lane(buf, n, b, e1) || lane(buf, n, c, e2) || lane(buf, n, d, n);
    };
}
/**
 * Literals shorter than this are searched one by one with Buffer#indexOf (a memchr on the first
 * byte): in the shift table one 3-byte literal ("jwt") would cap every skip at two bytes.
 */
const SHORT = 5;
/** The JS search: long literals in one Wu-Manber pass, short ones each by indexOf. */
function compileJsPrefilter(literals) {
    const long = compileLiterals(literals.filter((l) => l.length >= SHORT));
    const short = literals.filter((l) => l.length >= 2 && l.length < SHORT).map((l) => Buffer.from(l, 'latin1'));
    if (short.length === 0)
        return long;
    return (buf, n) => {
        if (long(buf, n))
            return true;
        const view = Buffer.from(buf.buffer, buf.byteOffset, n);
        return short.some((l) => view.indexOf(l) >= 0);
    };
}
/** Teddy's tables have eight buckets; past this many literals each bucket mixes too many. */
const TEDDY_MAX = 64;
/** Bytes find() may read past the text it is given (32, see teddy.wat), with room to spare. */
const SLACK = 64;
const PAGE = 65536;
/** Fingerprint bytes, and where teddy.wat's tables, bucket list and records start. */
const FP = 4;
const TABLES = 0;
const BUCKETS = 128;
const RECORDS = 192;
// Bytes of source code, commonest first, with their share per 10,000 (JS, TS, Python, C headers,
// the field corpus); any other byte counts as 0.5. Teddy's planner uses it to prefer rare
// fingerprints and to keep buckets whose nibble tables admit little common text.
const CODE_BYTES = [
    [' ', 1744], ['e', 735], ['t', 522], ['r', 401], ['n', 389], ['o', 385], ['i', 379], ['a', 369],
    ['s', 361], ['l', 234], ['\n', 233], ['c', 220], ['d', 206], ['p', 191], ['u', 176], ['_', 163],
    ['m', 144], ['f', 133], ['.', 128], ['h', 124], ['g', 107], ['"', 99], [',', 99], ['/', 97],
    ['b', 84], [')', 83], ['(', 83], ['y', 78], ['A', 75], [':', 73], ['*', 69], ['S', 67],
    ['v', 66], ['T', 66], ['E', 64], ['I', 61], ['\t', 60], ['-', 58], ['=', 56], ['C', 53],
    ['R', 51], ['x', 50], ['L', 48], ['P', 47], ['D', 45], ['w', 43], ['N', 42], [';', 42],
    ['0', 40], ['O', 39], ['{', 37], ['}', 37], ['\'', 35], ['F', 34], ['k', 34], ['M', 32],
    ['B', 28], ['1', 27], ['G', 26], ['2', 22], ['#', 22], ['U', 21], ['[', 18], [']', 18],
    ['>', 16], ['\\', 16], ['H', 16], ['V', 16], ['q', 15], ['j', 14], ['&', 14], ['|', 14],
    ['z', 13], ['<', 12], ['X', 12], ['3', 12], ['K', 11], ['W', 11], ['4', 11], ['6', 10],
    ['Q', 10], ['`', 10], ['8', 9], ['+', 9], ['Y', 9], ['5', 8], ['@', 7], ['?', 7], ['!', 6],
    ['9', 6], ['7', 5], ['J', 4], ['$', 3], ['Z', 3], ['%', 2], ['^', 1], ['\r', 1]
];
const BYTE_ODDS = new Float64Array(256).fill(0.5 / 10000);
for (const [c, f] of CODE_BYTES)
    BYTE_ODDS[c.charCodeAt(0)] = f / 10000;
/**
 * Picks fingerprints and buckets. A bucket matches any byte whose low nibble and high nibble each
 * belong to some member's byte there, so a bucket of "jwt" and "ETA" also matches "jTt" and "Ewa";
 * its cost is the chance that four bytes of code pass its tables (byte odds taken as independent),
 * and the plan minimizes the sum over buckets: each literal starts at its rarest window, buckets
 * are merged greedily down to eight, then single literals move window or bucket while that helps.
 * A fingerprint byte's nibble sets are one number: low-nibble bits | high-nibble bits << 16.
 */
function planTeddy(lits) {
    const n = lits.length;
    /** Fingerprint byte k of lit's window at d; past a 3-byte literal's end, every nibble. */
    const nibbles = (lit, d, k) => d + k < lit.length ? (1 << (lit[d + k] & 15)) | (1 << (16 + (lit[d + k] >> 4))) : -1;
    const sums = new Map();
    /** The odds that a byte of code has a low nibble and a high nibble in these sets. */
    const odds = (set) => {
        let s = sums.get(set);
        if (s === undefined) {
            s = 0;
            for (let hi = set >>> 16; hi; hi &= hi - 1) {
                const h = 31 - Math.clz32(hi & -hi);
                for (let lo = set & 0xffff; lo; lo &= lo - 1) {
                    s += BYTE_ODDS[(h << 4) | (31 - Math.clz32(lo & -lo))];
                }
            }
            sums.set(set, s);
        }
        return s;
    };
    /** The cost of FP nibble sets at m[at..at+FP). */
    const cost = (m, at = 0) => {
        let c = 1;
        for (let k = 0; k < FP; k++)
            c *= odds(m[at + k]);
        return c;
    };
    const one = new Int32Array(FP);
    const window = lits.map((lit) => {
        let best = 0;
        let bestCost = Infinity;
        for (let d = 0; d === 0 || d + FP <= lit.length; d++) {
            for (let k = 0; k < FP; k++)
                one[k] = nibbles(lit, d, k);
            const c = cost(one);
            if (c < bestCost) {
                best = d;
                bestCost = c;
            }
        }
        return best;
    });
    /** own[FP*i..]: literal i's nibble sets at its current window. */
    const own = new Int32Array(FP * n);
    const setOwn = (i) => {
        for (let k = 0; k < FP; k++)
            own[FP * i + k] = nibbles(lits[i], window[i], k);
    };
    for (let i = 0; i < n; i++)
        setOwn(i);
    // Greedy merging; pair[i*n+j] is the cost of groups i and j together, redone only for a group
    // that grew. A merged-away group is dead; group g's sets are in gm[FP*g..].
    const gm = own.slice();
    const group = lits.map((_, i) => i);
    const alive = new Array(n).fill(true);
    const alone = Float64Array.from({ length: n }, (_, g) => cost(gm, FP * g));
    const pair = new Float64Array(n * n);
    const both = new Int32Array(FP);
    const union = (g, h) => {
        for (let k = 0; k < FP; k++)
            both[k] = gm[FP * g + k] | gm[FP * h + k];
        return cost(both);
    };
    for (let g = 0; g < n; g++)
        for (let h = g + 1; h < n; h++)
            pair[g * n + h] = union(g, h);
    for (let groups = n; groups > 8; groups--) {
        let bg = 0;
        let bh = 0;
        let best = Infinity;
        for (let g = 0; g < n; g++) {
            if (!alive[g])
                continue;
            for (let h = g + 1; h < n; h++) {
                const more = pair[g * n + h] - alone[g] - alone[h];
                if (alive[h] && more < best) {
                    bg = g;
                    bh = h;
                    best = more;
                }
            }
        }
        alive[bh] = false;
        for (let i = 0; i < n; i++)
            if (group[i] === bh)
                group[i] = bg;
        for (let k = 0; k < FP; k++)
            gm[FP * bg + k] |= gm[FP * bh + k];
        alone[bg] = pair[bg * n + bh];
        for (let h = 0; h < n; h++) {
            if (alive[h] && h !== bg)
                pair[Math.min(bg, h) * n + Math.max(bg, h)] = union(bg, h);
        }
    }
    // Number the surviving groups 0..7.
    const number = new Map();
    const bucket = group.map((g) => number.get(g) ?? number.set(g, number.size).get(g));
    // Hill climbing. bm[FP*b..]: bucket b's sets; an empty bucket's sets are 0, which costs 0.
    const bm = new Int32Array(8 * FP);
    for (let i = 0; i < n; i++)
        for (let k = 0; k < FP; k++)
            bm[FP * bucket[i] + k] |= own[FP * i + k];
    const rest = new Int32Array(FP);
    const setCost = (base, at, add, addAt) => {
        for (let k = 0; k < FP; k++)
            both[k] = base[at + k] | add[addAt + k];
        return cost(both);
    };
    for (let pass = 0, better = true; better && pass < 8; pass++) {
        better = false;
        for (let i = 0; i < n; i++) {
            const from = bucket[i];
            rest.fill(0);
            for (let j = 0; j < n; j++) {
                if (j !== i && bucket[j] === from)
                    for (let k = 0; k < FP; k++)
                        rest[k] |= own[FP * j + k];
            }
            // The best window for it in its own bucket, then the bucket where it adds least.
            let here = setCost(rest, 0, own, FP * i);
            for (let d = 0; d + FP <= Math.max(FP, lits[i].length); d++) {
                for (let k = 0; k < FP; k++)
                    one[k] = nibbles(lits[i], d, k);
                const c = setCost(rest, 0, one, 0);
                if (c < here * (1 - 1e-9)) {
                    here = c;
                    window[i] = d;
                    setOwn(i);
                    better = true;
                }
            }
            let adds = here - cost(rest);
            let to = from;
            for (let b = 0; b < 8; b++) {
                if (b === from)
                    continue;
                const c = setCost(bm, FP * b, own, FP * i) - cost(bm, FP * b);
                if (c < adds * (1 - 1e-9)) {
                    adds = c;
                    to = b;
                }
            }
            bucket[i] = to;
            if (to !== from)
                better = true;
            for (let k = 0; k < FP; k++) {
                bm[FP * from + k] = rest[k];
                if (to === from)
                    bm[FP * from + k] |= own[FP * i + k];
                else
                    bm[FP * to + k] |= own[FP * i + k];
            }
        }
    }
    return { window, bucket };
}
/** Writes the tables and records teddy.wat reads (its layout comment) and returns their end. */
function layoutTeddy(mem, lits, plan) {
    const view = new DataView(mem.buffer, mem.byteOffset);
    const order = lits.map((_, i) => i).sort((a, b) => plan.bucket[a] - plan.bucket[b] || a - b);
    let blocks = RECORDS + 32 * lits.length;
    let rec = RECORDS;
    for (let b = 0; b < 8; b++)
        view.setUint32(BUCKETS + 8 * b, RECORDS, true);
    for (const i of order) {
        const lit = lits[i];
        const b = plan.bucket[i];
        const d = plan.window[i];
        for (let k = 0; k < FP; k++) {
            const lo = TABLES + 32 * k;
            if (d + k >= lit.length)
                for (let x = lo; x < lo + 32; x++)
                    mem[x] |= 1 << b;
            else {
                mem[lo + (lit[d + k] & 15)] |= 1 << b;
                mem[lo + 16 + (lit[d + k] >> 4)] |= 1 << b;
            }
        }
        // Buckets' records are consecutive: each bucket starts where the ones before it end.
        for (let c = b + 1; c < 8; c++)
            view.setUint32(BUCKETS + 8 * c, rec + 32, true);
        for (let c = b; c < 8; c++)
            view.setUint32(BUCKETS + 8 * c + 4, rec + 32, true);
        view.setUint32(rec, lit.length, true);
        view.setUint32(rec + 4, d, true);
        view.setUint32(rec + 8, blocks, true);
        // The fingerprint as the little-endian i32 teddy.wat loads, the wildcard byte masked off.
        let fp = 0;
        for (let k = 0; k < FP && d + k < lit.length; k++)
            fp |= lit[d + k] << (8 * k);
        view.setUint32(rec + 12, fp >>> 0, true);
        view.setUint32(rec + 16, lit.length - d >= FP ? 0xffffffff : 0xffffff, true);
        rec += 32;
        for (let k = 0; k < lit.length; k += 16, blocks += 32) {
            mem.set(lit.subarray(k, k + 16), blocks);
            mem.fill(0xff, blocks + 16, blocks + 16 + Math.min(16, lit.length - k));
        }
    }
    return blocks;
}
const BUILDS = [
    ['relaxed-simd', TEDDY_WASM_RELAXED],
    ['simd', TEDDY_WASM],
];
const modules = new Map();
/**
 * The compiled teddy.wat, once per thread (each worker has its own module scope): the relaxed
 * SIMD build where it validates (Node 22 and later), else the plain SIMD one (Node 20), else null
 * (node --jitless has no WebAssembly), where the JS search serves. `only` asks for one build.
 */
function teddyModule(only) {
    for (const [engine, b64] of BUILDS) {
        if (only && only !== engine)
            continue;
        if (!modules.has(engine)) {
            let mod = null;
            try {
                const bytes = Buffer.from(b64, 'base64');
                if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) {
                    mod = new WebAssembly.Module(bytes);
                }
            }
            catch {
                mod = null;
            }
            modules.set(engine, mod);
        }
        const mod = modules.get(engine);
        if (mod)
            return [engine, mod];
    }
    return null;
}
function instantiateTeddy(lits, only) {
    const found = only === 'js' ? null : teddyModule(only);
    if (!found)
        return null;
    const { exports } = new WebAssembly.Instance(found[1]);
    const plan = planTeddy(lits);
    const longest = Math.max(...lits.map((l) => l.length));
    const header = RECORDS + lits.reduce((s, l) => s + 32 + 32 * Math.ceil(l.length / 16), 0);
    const copyAt = Math.ceil(header / 64) * 64;
    const block = Math.max(PAGE, Math.ceil((4 * longest) / 64) * 64);
    const heap = copyAt + block + SLACK;
    const pages = Math.ceil((heap + SLACK) / PAGE);
    const memory = exports.memory;
    if (pages > memory.buffer.byteLength / PAGE)
        memory.grow(pages - memory.buffer.byteLength / PAGE);
    layoutTeddy(new Uint8Array(memory.buffer), lits, plan);
    const bytes = new Uint8Array(memory.buffer);
    const overlap = longest - 1;
    return { engine: found[0], memory, find: exports.find, copyAt, block, overlap, heap, bytes };
}
/** Teddy over buf[0..n): in place when buf is a scratch view, else copied in over blocks. */
function teddySearch(t, buf, n) {
    if (n < 3)
        return false;
    const ab = t.memory.buffer;
    if (buf.buffer === ab && buf.byteOffset >= t.heap && buf.byteOffset + n + SLACK <= ab.byteLength) {
        return t.find(buf.byteOffset, n) !== 0;
    }
    if (t.bytes.buffer !== ab)
        t.bytes = new Uint8Array(ab);
    // Consecutive blocks overlap by the longest literal less one, so every occurrence lies wholly
    // inside one block.
    for (let s = 0;; s += t.block - t.overlap) {
        const e = Math.min(n, s + t.block);
        t.bytes.set(buf.subarray(s, e), t.copyAt);
        if (t.find(t.copyAt, e - s) !== 0)
            return true;
        if (e === n)
            return false;
    }
}
/**
 * Builds a test for "buf[0..n) contains any of these byte strings" (latin1; those under 2 bytes
 * are ignored, as compileLiterals does). Literals of 3 bytes or more, up to TEDDY_MAX of them, go
 * to Teddy; 2-byte ones and any past the limit to the JS search, run after it. Teddy's memory is
 * set up on the first call, not here, so importing this module costs nothing. `only` picks the
 * engine (for tests and benchmarks); by default the fastest this runtime has.
 */
function compilePrefilter(literals, only) {
    const seen = new Set();
    const lits = [];
    const others = [];
    for (const l of literals) {
        const b = Buffer.from(l, 'latin1');
        const key = b.toString('latin1');
        if (b.length < 2 || seen.has(key))
            continue;
        seen.add(key);
        if (b.length >= 3 && lits.length < TEDDY_MAX)
            lits.push(b);
        else
            others.push(key);
    }
    const rest = others.length ? compileJsPrefilter(others) : undefined;
    let teddy = lits.length ? undefined : null;
    let js;
    let spare = Buffer.alloc(0);
    const test = ((buf, n) => {
        if (teddy === undefined)
            teddy = instantiateTeddy(lits, only);
        if (teddy === null)
            return (js ??= compileJsPrefilter(literals))(buf, n);
        return teddySearch(teddy, buf, n) || (rest !== undefined && rest(buf, n));
    });
    test.scratch = (size) => {
        if (teddy === undefined)
            teddy = instantiateTeddy(lits, only);
        if (teddy === null) {
            if (spare.length < size)
                spare = Buffer.allocUnsafe(size);
            return spare.subarray(0, size);
        }
        const have = teddy.memory.buffer.byteLength;
        const need = teddy.heap + size + SLACK;
        if (need > have)
            teddy.memory.grow(Math.ceil((need - have) / PAGE));
        return Buffer.from(teddy.memory.buffer, teddy.heap, size);
    };
    test.engine = () => {
        if (teddy === undefined)
            teddy = instantiateTeddy(lits, only);
        return teddy ? teddy.engine : 'js';
    };
    return test;
}
const hasLiteral = compilePrefilter(rules/* PREFILTER_LITERALS */.D$);
/**
 * A Buffer of at least `size` bytes for the scanner to read files into: hasLiteral and
 * isCandidate search it in place, where any other buffer is copied first. Growing it (a larger
 * size than any before) detaches every view it gave out before; see Prefilter.scratch.
 */
function scratch(size) {
    return hasLiteral.scratch(size);
}
// One alternation instead of one test per family (they share no flags, so they combine as they are).
// native-regex: flags of our own patterns
const combinable = rules/* CANDIDATE_PATHS */.vn.every((re) => re.flags.replace(/[gy]/g, '') === '');
const ANY_CANDIDATE_PATH = combinable ? new RegExp(rules/* CANDIDATE_PATHS */.vn.map((re) => `(?:${re.source})`).join('|') || '(?!)') : undefined;
function isCandidate(buf, n, path) {
    // native-regex: a path
    const byPath = ANY_CANDIDATE_PATH ? ANY_CANDIDATE_PATH.test(path) : rules/* CANDIDATE_PATHS */.vn.some((re) => re.test(path));
    return byPath || hasLiteral(buf, n);
}

;// CONCATENATED MODULE: ./src/scan/batch.ts







const CONTENT_RULES = rules/* RULES */.y0.filter((r) => !r.pathOnly);
const PATH_RULES = rules/* RULES */.y0.filter((r) => r.pathOnly);
/** Config files read for client ids only when they reach no rule: at most this size. */
const CLIENT_ID_CONFIG_MAX = 256 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
/**
 * Files are read into the prefilter's own memory (WebAssembly), where it searches them without a
 * copy. Taken on first use; a larger file grows it, which detaches the view held before.
 */
let buffer;
const JWT_CASES = ['jwt', 'Jwt', 'JWT'];
function sayJwt(buf, n) {
    const b = buf.subarray(0, n);
    return JWT_CASES.some((w) => b.includes(w));
}
// O_NOFOLLOW: a symlink fails to open (ELOOP) instead of being followed, saving an lstat a file.
// O_NONBLOCK: a FIFO in the tree cannot hang the scan.
const NOFOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | NOFOLLOW | (external_node_fs_.constants.O_NONBLOCK ?? 0);
/** Why a symlink is listed as skipped, or undefined when it stays inside the root. */
function linkReason(abs, realRoot) {
    let target;
    try {
        target = (0,external_node_fs_.realpathSync)(abs);
    }
    catch {
        return 'broken symbolic link';
    }
    const inside = (0,external_node_path_.relative)(realRoot, target);
    if (inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside))
        return 'symbolic link pointing outside the scanned folder';
    return undefined;
}
/** A NUL byte in the first 8000 bytes, as git judges binaries. buf[n] is a sentinel the read left room for. */
function isBinary(buf, n) {
    buf[n] = 0;
    return buf.indexOf(0) < Math.min(n, 8000);
}
function errorReason(err) {
    const code = err?.code;
    if (code === 'EACCES' || code === 'EPERM')
        return 'unreadable: permission denied';
    if (code === 'EISDIR')
        return 'is a directory';
    return `unreadable: ${code ?? String(err)}`;
}
/** The number of the last line holding text in the first n bytes. */
function lastLine(buf, n) {
    let lines = 1;
    for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1))
        if (i + 1 < n)
            lines++;
    return lines;
}
/** Scans files synchronously: one open, one read and one close per file, into a reused buffer. */
function scanBatch(files, opts) {
    buffer ??= scratch(1 << 20);
    const result = { findings: [], skipped: [], keyRefs: {}, secrets: [], clientIds: [], filesScanned: 0, filesMatched: 0, bytes: 0, jwtFiles: [], located: {}, toLocate: [] };
    for (const rel of files) {
        const abs = `${opts.root}${external_node_path_.sep}${rel}`;
        try {
            let fd;
            try {
                if (!NOFOLLOW && (0,external_node_fs_.lstatSync)(abs).isSymbolicLink())
                    throw Object.assign(new Error('link'), { code: 'ELOOP' });
                fd = (0,external_node_fs_.openSync)(abs, OPEN_FLAGS);
            }
            catch (err) {
                const code = err.code;
                if (code === 'ENOENT')
                    continue; // tracked but deleted in the work tree
                if (code === 'ELOOP') {
                    const reason = linkReason(abs, opts.realRoot);
                    if (reason)
                        result.skipped.push({ file: rel, reason });
                    continue; // a link inside the root: its target is scanned under its own name
                }
                throw err;
            }
            const byPath = (0,match/* matchPath */.B6)(PATH_RULES, rel);
            result.findings.push(...byPath);
            let n;
            try {
                n = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, 0);
                if (n === buffer.length && n <= opts.maxFileSize) {
                    // Filled the buffer: size the file, then read the rest unless it is over the limit.
                    const size = (0,external_node_fs_.fstatSync)(fd).size;
                    if (size <= opts.maxFileSize) {
                        // The bytes read so far stay where they are: growth keeps the memory's contents.
                        buffer = scratch(size + 1);
                        let r;
                        while (n < buffer.length && (r = (0,external_node_fs_.readSync)(fd, buffer, n, buffer.length - n, n)) > 0)
                            n += r;
                    }
                    else
                        n = size;
                }
            }
            catch (err) {
                if (err.code === 'EISDIR')
                    continue; // a submodule or folder
                throw err;
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            if (n > opts.maxFileSize) {
                result.skipped.push({ file: rel, reason: `larger than ${opts.maxFileSize} bytes (max-file-size)` });
                continue;
            }
            result.filesScanned++;
            result.bytes += n;
            if (isBinary(buffer, n)) {
                result.skipped.push({ file: rel, reason: 'binary file' });
                continue;
            }
            // A key file is wholly the finding: its span is every line of it.
            if (byPath.length) {
                const last = lastLine(buffer, n);
                for (const f of byPath)
                    f.endLine = last;
            }
            if (!isCandidate(buffer, n, rel)) {
                // No rule reads it, but a dotenv or key=value config file may still name a client id.
                if (n <= CLIENT_ID_CONFIG_MAX && clientIdConfigPath(rel))
                    result.clientIds.push(...findClientIds(rel, decoder.decode(buffer.subarray(0, n))));
                continue;
            }
            result.filesMatched++;
            if (sayJwt(buffer, n))
                result.jwtFiles.push(rel);
            const text = decoder.decode(buffer.subarray(0, n));
            const fr = (0,match/* matchFile */.g3)(CONTENT_RULES, { path: rel, text });
            result.clientIds.push(...findClientIds(rel, text));
            if (fr.findings.length) {
                // Token functions: the thread that holds the text parses it (finishBatch), so the
                // parsing spreads over the threads instead of waiting for the end of the scan.
                const lang = (0,regions/* parsedForRegions */.q6)(rel, n);
                const offsets = lang ? (0,regions/* signalOffsets */.pL)(fr.findings, (0,match/* lineStarts */._$)(text)) : [];
                if (lang && offsets.length)
                    result.toLocate.push({ file: rel, lang, text, offsets });
                result.findings.push(...fr.findings);
                if (fr.keyRefs.length)
                    result.keyRefs[rel] = fr.keyRefs;
                result.secrets.push(...fr.secrets);
            }
        }
        catch (err) {
            result.skipped.push({ file: rel, reason: errorReason(err) });
        }
    }
    return result;
}
/** Parses the batch's code files with signals (see scanBatch); the result can then be posted. */
async function finishBatch(result) {
    for (const { file, lang, text, offsets } of result.toLocate ?? []) {
        try {
            const located = await (0,regions/* locate */.x5)(lang, text, offsets);
            if (located)
                result.located[file] = located;
        }
        catch {
            // the region pass parses it again, and reports nothing more if it fails there too
        }
    }
    delete result.toLocate;
    return result;
}


/***/ }),

/***/ 6288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ startsAsComment),
/* harmony export */   B6: () => (/* binding */ matchPath),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   Vv: () => (/* binding */ snippetOf),
/* harmony export */   _$: () => (/* binding */ lineStarts),
/* harmony export */   cA: () => (/* binding */ lineOf),
/* harmony export */   g3: () => (/* binding */ matchFile)
/* harmony export */ });
/* unused harmony export ruleAppliesToPath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6670);
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3508);



const IGNORE = (0,_regex_js__WEBPACK_IMPORTED_MODULE_2__/* .linear */ .sn)(/adobe-jwt-migrate-ignore(?::\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*))?/);
/** Hits of one rule in one file: enough to act on; a generated file can match everywhere. */
const MAX_HITS = 1000;
/** Offsets of line starts, for offset -> line/column. */
function lineStarts(text) {
    const starts = [0];
    let i = -1;
    while ((i = text.indexOf('\n', i + 1)) !== -1)
        starts.push(i + 1);
    return starts;
}
function lineOf(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo; // 0-based
}
function lineText(text, starts, line) {
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
    const s = text.slice(starts[line], end);
    return s.endsWith('\r') ? s.slice(0, -1) : s;
}
const HIT_GROUPS = ['hit', 'hit2', 'hit3'];
/** Whether the line from `lineStart` starts as a comment before `at` (one pass over the prefix). */
function startsAsComment(text, lineStart, at) {
    let i = lineStart;
    while (i < at && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9))
        i++;
    for (const marker of COMMENT_MARKERS)
        if (text.startsWith(marker, i) && i + marker.length <= at)
            return true;
    return false;
}
const COMMENT_MARKERS = ['//', '#', '*', '/*', ';', '<!--', '"""', "'''"];
/**
 * Hits of a pattern rule, one per line (a finding is per rule and line): after a hit the search
 * moves on to the next line, so a huge line full of matches costs one match, not all of them.
 */
function regexHits(rule, text, starts) {
    const hits = [];
    const pattern = (0,_regex_js__WEBPACK_IMPORTED_MODULE_2__/* .linear */ .sn)(rule.pattern);
    const reject = rule.reject ? (0,_regex_js__WEBPACK_IMPORTED_MODULE_2__/* .linear */ .sn)(rule.reject) : undefined;
    let from = 0;
    search: while (from <= text.length) {
        for (const m of pattern.matchAll(text, Infinity, from)) {
            let span = { index: m.index, end: m.end };
            for (const g of HIT_GROUPS) {
                const s = m.span(g);
                if (s) {
                    span = s;
                    break;
                }
            }
            if (reject && reject.test(m[0]))
                continue;
            const line = lineOf(starts, span.index);
            if (rule.skipComments && startsAsComment(text, starts[line], span.index))
                continue;
            hits.push({ index: span.index, length: Math.max(0, span.end - span.index) });
            if (hits.length >= MAX_HITS || line + 1 >= starts.length)
                break search;
            from = Math.max(starts[line + 1], m.end);
            continue search;
        }
        break;
    }
    return hits;
}
function ruleAppliesToPath(rule, path) {
    // native-regex: paths are short (here and below)
    if (rule.paths && !rule.paths.test(path))
        return false;
    // native-regex: a path
    if (rule.excludePaths && rule.excludePaths.test(path))
        return false;
    return true;
}
function ignoredBy(line, ruleId) {
    if (!line.includes('adobe-jwt-migrate-ignore'))
        return false;
    const m = IGNORE.exec(line);
    if (!m)
        return false;
    const ids = m.group(1);
    if (!ids)
        return true;
    return ids.split(',').some((id) => id.trim() === ruleId);
}
function fingerprint(ruleId, file, normalizedLine, occurrence) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${ruleId}\0${file}\0${normalizedLine}\0${occurrence}`)
        .digest('hex')
        .slice(0, 32);
}
function makeFinding(rule, path, line, col, endLine, endCol, snippet) {
    return {
        ruleId: rule.id,
        severity: rule.severity,
        file: path,
        line,
        column: col,
        endLine,
        endColumn: endCol,
        message: rule.message,
        title: rule.title,
        category: rule.category,
        fingerprint: '',
        fixable: false, // set from the migration plan (markFixable)
        snippet,
    };
}
/** Path-only rules: no content needed (key files, archives). */
function matchPath(rules, path) {
    const out = [];
    for (const rule of rules) {
        if (!rule.pathOnly || !ruleAppliesToPath(rule, path))
            continue;
        const f = makeFinding(rule, path, 1, 1, 1, 1, '');
        f.fingerprint = fingerprint(rule.id, path, '', 0);
        out.push(f);
    }
    return out;
}
const KEY_REF = (0,_regex_js__WEBPACK_IMPORTED_MODULE_2__/* .linear */ .sn)(/(?:^|[^\w.-])([\w.-]{1,200}\.(?:key|pem|der|p8|p12|pfx))\b/g);
/**
 * The line as reports show it: trimmed, secrets redacted, at most 200 characters. Redaction looks
 * at a bounded window (so a 5 MB line costs nothing), wide enough that a secret cut at the window's
 * edge is still recognised.
 */
function snippetOf(line, path) {
    const window = line.length > 1000 ? line.slice(0, 1000) : line;
    return (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(window.trim(), (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .textKind */ ._I)(path)).slice(0, 200);
}
/** Runs every content rule that applies to the file. */
function matchFile(rules, file) {
    const { text, path } = file;
    let starts;
    const findings = [];
    const seen = new Set();
    const occurrences = new Map();
    // Rules share their file conditions (ADOBE_IMS, AEM_CLOUD): each is tested once a file.
    const tested = new Map();
    const holds = (re) => {
        let v = tested.get(re);
        if (v === undefined)
            tested.set(re, (v = (0,_regex_js__WEBPACK_IMPORTED_MODULE_2__/* .linear */ .sn)(re).test(text)));
        return v;
    };
    for (const rule of rules) {
        if (rule.pathOnly || !ruleAppliesToPath(rule, path))
            continue;
        if (rule.requires && !rule.requires.every(holds))
            continue;
        if (rule.unless && rule.unless.some(holds))
            continue;
        let hits;
        try {
            hits = rule.match ? rule.match(file) : rule.pattern ? regexHits(rule, text, (starts ??= lineStarts(text))) : [];
        }
        catch {
            continue; // a structured matcher that cannot read the file reports nothing
        }
        for (const hit of hits) {
            starts ??= lineStarts(text);
            const line = lineOf(starts, hit.index);
            const endLine = lineOf(starts, hit.index + Math.max(0, hit.length - 1));
            const key = `${rule.id}:${line}`;
            if (seen.has(key))
                continue; // one finding per rule and line
            seen.add(key);
            const current = lineText(text, starts, line);
            const previous = line > 0 ? lineText(text, starts, line - 1) : '';
            if (ignoredBy(current, rule.id) || ignoredBy(previous, rule.id))
                continue;
            const column = hit.index - starts[line] + 1;
            const endColumn = endLine === line ? column + Math.max(1, hit.length) : hit.index + hit.length - starts[endLine] + 1;
            const snippet = snippetOf(current, path);
            const normalized = snippet.replace(/\s+/g, ' '); // native-regex: a snippet is at most 200 characters
            const occKey = `${rule.id}\0${normalized}`;
            const occurrence = occurrences.get(occKey) ?? 0;
            occurrences.set(occKey, occurrence + 1);
            const f = makeFinding(rule, path, line + 1, column, endLine + 1, endColumn, snippet);
            f.fingerprint = fingerprint(rule.id, path, normalized, occurrence);
            findings.push(f);
        }
    }
    let keyRefs = [];
    let secrets = [];
    if (findings.length > 0) {
        keyRefs = [...new Set([...KEY_REF.matchAll(text, MAX_HITS)].map((m) => m.group(1)))];
        secrets = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .findSecrets */ .dL)(text);
    }
    return { findings, keyRefs, secrets };
}


/***/ }),

/***/ 772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ SIGNAL_RULES),
/* harmony export */   JB: () => (/* binding */ regionFindings),
/* harmony export */   fX: () => (/* binding */ REGION_RULES),
/* harmony export */   gr: () => (/* binding */ REGION_MAX_BYTES),
/* harmony export */   pL: () => (/* binding */ signalOffsets),
/* harmony export */   q6: () => (/* binding */ parsedForRegions),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* unused harmony exports REGION_RULE, AEM_REGION_RULE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _languages_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(300);
/* harmony import */ var _parse_tree_sitter_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3994);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6499);
/* harmony import */ var _rules_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5603);
/* harmony import */ var _match_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6288);
// The token function: a JWT flow is more than its exchange line. For each code file whose lines
// carry a JWT signal (the exchange, the claims, the jwt_token field, the signing), the file is
// parsed with its language's real parser and the function (or method) holding each signal becomes
// one region finding spanning it; a class whose methods split the flow becomes one region.
// This runs after the per-file scan, on the main thread, only for the few files with signals.







/** Findings that mark the JWT flow itself in code (not configuration around it). */
const SIGNAL_RULES = new Set([
    'code-ims-jwt-exchange',
    'code-ims-jwt-exchange-manual',
    'code-jwt-meta-scope-claim',
    'code-jwt-audience-claim',
    'code-jwt-token-form-field',
    'code-adobe-jwt-auth',
    'code-jwt-library-js',
    'code-jwt-library-python',
    'code-jwt-library-manual',
    'code-ims-go-exchange-jwt',
    'code-pdf-services-service-account',
    'aem-cloud-service-credential',
]);
const REGION_RULE = 'code-jwt-token-function';
/** Files larger than this keep their line findings only. */
const REGION_MAX_BYTES = 256 * 1024;
/** At most this many signals of one file are placed in functions. */
const REGION_MAX_SIGNALS = 200;
const AEM_REGION_RULE = 'aem-service-credential-token-function';
/** Rules whose findings are a token function's region, not a line a rule matched. */
const REGION_RULES = new Set([REGION_RULE, AEM_REGION_RULE]);
/** The name a function or class node is bound to (its own, or the variable it is assigned to). */
function nameOf(node, bound) {
    // The binding first: R's function_definition calls its `function` keyword its name.
    const fields = [[bound, 'lhs'], [bound, 'left'], [bound, 'name'], [bound, 'key'], [node, 'name']];
    for (const [n, field] of fields) {
        const named = n.childForFieldName(field);
        if (named && named.text !== 'function' && named.text.length <= 100 && IDENTIFIER.test(named.text))
            return named.text; // native-regex: at most 100 characters
    }
    // Grammars that keep the name in a child rather than a field (PowerShell's function_name).
    for (const child of node.namedChildren) {
        if (child && /name/.test(child.type) && child.text.length <= 100 && IDENTIFIER.test(child.text))
            return child.text; // native-regex: a node type name and at most 100 characters
    }
    return undefined;
}
/** A plain name: letters, digits, `_`, `$` and, for PowerShell's verb-noun commands, `-`. */
const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;
/** Parses the text and places each offset; undefined when the language has no parser here. */
async function locate(lang, text, offsets) {
    if (!lang.parser)
        return undefined;
    const tree = await (0,_parse_tree_sitter_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWith */ .Ku)(lang.parser, text);
    if (!tree)
        return undefined;
    const decoders = [];
    const places = [];
    try {
        const fn = new Set(lang.functionNodes);
        const cls = new Set(lang.classNodes);
        for (const node of tree.rootNode.descendantsOfType(lang.functionNodes)) {
            const name = node && nameOf(node, node.parent ?? node);
            if (!node || !name || !_rules_names_js__WEBPACK_IMPORTED_MODULE_5__/* .TOKEN_READER */ .C.test(name))
                continue; // native-regex: a name of at most 100 characters
            // With its doc comment (PowerShell's comment-based help sits just above the function).
            let start = node.startIndex;
            for (let c = node.previousSibling; c && /comment/.test(c.type) && !text.slice(c.endIndex, start).trim(); c = c.previousSibling)
                start = c.startIndex; // native-regex: a node type name
            decoders.push({ start, end: node.endIndex, isClass: false, head: '', name });
        }
        for (const at of offsets) {
            let node = decoders.some((d) => d.start <= at && at < d.end) ? undefined : (0,_parse_tree_sitter_js__WEBPACK_IMPORTED_MODULE_3__/* .enclosing */ .fD)(tree, at, fn);
            if (!node) {
                places.push(null);
                continue;
            }
            // The outermost function (a callback inside a token function is part of it).
            for (let up = node.parent; up && !cls.has(up.type); up = up.parent)
                if (fn.has(up.type))
                    node = up;
            // R binds functions with `name <- function(...)`: the assignment is the function's extent.
            // JS/TS: `const token = async () => {...}`, `module.exports = function...`, `export ...`.
            let bound = node.parent && /assignment|binary_operator|decorated_definition|variable_declarator|pair/.test(node.parent.type) ? node.parent : node; // native-regex: a node type name
            while (bound.parent && /^(?:variable_declarator|lexical_declaration|variable_declaration|expression_statement|export_statement)$/.test(bound.parent.type))
                bound = bound.parent; // native-regex: a node type name
            let klass = bound.parent;
            while (klass && !cls.has(klass.type))
                klass = klass.parent;
            const className = klass?.childForFieldName('name')?.text;
            places.push({ start: bound.startIndex, end: bound.endIndex, name: nameOf(node, bound), classStart: klass?.startIndex, classEnd: klass?.endIndex, className });
        }
    }
    finally {
        tree.delete();
    }
    return { offsets, places, decoders };
}
/**
 * The spans of the places of the signals that stay: each function once; then a class whose
 * methods split the flow (two or more of them hold a signal), or a class named for the flow
 * (JWTProvider, JwtTokenBuilder), which is the flow with all its helpers.
 */
function group(places) {
    const found = new Map();
    for (const p of places)
        found.set(p.start, p);
    const spans = [...found.values()].map((f) => ({ start: f.start, end: f.end, isClass: false, head: '', name: f.name }));
    const byClass = new Map();
    for (const f of found.values()) {
        if (f.classStart === undefined)
            continue;
        const c = byClass.get(f.classStart) ?? { end: f.classEnd, n: 0, named: /jwt/i.test(f.className ?? '') }; // native-regex: a class name
        c.n++;
        byClass.set(f.classStart, c);
    }
    for (const [start, c] of byClass)
        if (c.n >= 2 || c.named)
            spans.push({ start, end: c.end, isClass: true, head: '' });
    return spans;
}
/** The offsets of a file's signal findings, as locate() takes them. */
function signalOffsets(findings, starts) {
    return findings
        .filter((f) => SIGNAL_RULES.has(f.ruleId))
        .slice(0, REGION_MAX_SIGNALS)
        .map((s) => starts[s.line - 1] + s.column - 1);
}
/** Whether a scanned file is one the region pass parses: code of a parsed language, not too big. */
function parsedForRegions(file, bytes) {
    const lang = (0,_languages_index_js__WEBPACK_IMPORTED_MODULE_2__/* .languageOf */ .eX)(file);
    return lang?.parser && bytes <= REGION_MAX_BYTES ? lang : undefined;
}
/**
 * Region findings for the files whose findings hold a JWT signal in code. `located` holds what
 * the scan threads parsed already; other files are parsed here.
 */
async function regionFindings(root, findings, maxFileSize, located = {}) {
    const byFile = new Map();
    for (const f of findings)
        if (SIGNAL_RULES.has(f.ruleId) && f.file)
            byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    const out = [];
    const names = new Map();
    const decoders = new Map();
    for (const [file, signals] of byFile) {
        const lang = (0,_languages_index_js__WEBPACK_IMPORTED_MODULE_2__/* .languageOf */ .eX)(file);
        if (!lang?.parser)
            continue;
        let text;
        try {
            const buf = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, file));
            // Token functions live in hand-written source; a generated or minified file (or a hostile
            // one) would cost the parser's error recovery more than its region is worth.
            if (buf.length > Math.min(maxFileSize, REGION_MAX_BYTES))
                continue;
            text = buf.toString('utf8');
        }
        catch {
            continue;
        }
        const starts = (0,_match_js__WEBPACK_IMPORTED_MODULE_6__/* .lineStarts */ ._$)(text);
        const offsets = signalOffsets(signals, starts);
        let spans;
        try {
            // The scan's parse, if it placed every signal that stayed (the context pass only drops).
            const pre = located[file];
            const known = pre && offsets.every((o) => pre.offsets.includes(o)) ? pre : undefined;
            const parsed = known ?? (await locate(lang, text, offsets));
            if (!parsed)
                continue;
            const places = offsets.map((o) => parsed.places[parsed.offsets.indexOf(o)]).filter((p) => !!p);
            spans = group(places);
            for (const d of parsed.decoders) {
                const lines = { line: (0,_match_js__WEBPACK_IMPORTED_MODULE_6__/* .lineOf */ .cA)(starts, d.start) + 1, endLine: (0,_match_js__WEBPACK_IMPORTED_MODULE_6__/* .lineOf */ .cA)(starts, Math.max(d.start, d.end - 1)) + 1 };
                decoders.set(file, [...(decoders.get(file) ?? []), lines]);
            }
        }
        catch {
            continue; // a parser that cannot read the file leaves the line findings as they are
        }
        const aem = signals.some((s) => s.ruleId === 'aem-cloud-service-credential');
        const rule = _rules_index_js__WEBPACK_IMPORTED_MODULE_4__/* .RULES_BY_ID */ .kF.get(aem ? AEM_REGION_RULE : REGION_RULE);
        for (const span of spans) {
            if (span.name)
                names.set(file, (names.get(file) ?? new Set()).add(span.name));
            const line = (0,_match_js__WEBPACK_IMPORTED_MODULE_6__/* .lineOf */ .cA)(starts, span.start);
            const endLine = (0,_match_js__WEBPACK_IMPORTED_MODULE_6__/* .lineOf */ .cA)(starts, Math.max(span.start, span.end - 1));
            const head = text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] - 1 : text.length);
            const snippet = (0,_match_js__WEBPACK_IMPORTED_MODULE_6__/* .snippetOf */ .Vv)(head, file);
            out.push({
                ruleId: rule.id,
                severity: rule.severity,
                file,
                line: line + 1,
                column: span.start - starts[line] + 1,
                endLine: endLine + 1,
                endColumn: span.end - starts[endLine] + 1,
                message: `${rule.message} (${span.isClass ? 'the class' : 'the function'} spans lines ${line + 1}-${endLine + 1})`,
                title: rule.title,
                category: rule.category,
                fingerprint: (0,_match_js__WEBPACK_IMPORTED_MODULE_6__/* .fingerprint */ .Rj)(rule.id, file, snippet.replace(/\s+/g, ' '), 0), // native-regex: a snippet of at most 200 characters
                fixable: false,
                snippet,
            });
        }
    }
    return { findings: out, names, decoders };
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ listItems),
/* harmony export */   El: () => (/* binding */ lineStartOf),
/* harmony export */   Nt: () => (/* binding */ escapeRegExp),
/* harmony export */   RL: () => (/* binding */ trailingEol),
/* harmony export */   Wl: () => (/* binding */ eolOf),
/* harmony export */   Xx: () => (/* binding */ onlyBlanks),
/* harmony export */   eC: () => (/* binding */ withoutSpaces),
/* harmony export */   mh: () => (/* binding */ lineAt),
/* harmony export */   oV: () => (/* binding */ containsWord),
/* harmony export */   oY: () => (/* binding */ indentAt),
/* harmony export */   pw: () => (/* binding */ skipBlanks),
/* harmony export */   r8: () => (/* binding */ wordOffsets),
/* harmony export */   x8: () => (/* binding */ isWordChar),
/* harmony export */   xC: () => (/* binding */ isSpace),
/* harmony export */   z3: () => (/* binding */ isBlank)
/* harmony export */ });
// Small text-position helpers shared by the scanner's Console links and the rewriters. None of
// them runs a regex: they scan characters, so their cost stays bounded by what they look at.
/** 1-based line of an offset. */
function lineAt(text, offset) {
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** Offset where the line holding `at` starts. */
function lineStartOf(text, at) {
    return text.lastIndexOf('\n', at - 1) + 1;
}
/** Whether `c` is a space or a tab. */
function isBlank(c) {
    return c === ' ' || c === '\t';
}
/** First offset at or after `from` (and before `end`) that is not a space or a tab. */
function skipBlanks(text, from, end = text.length) {
    let i = from;
    while (i < end && isBlank(text[i]))
        i++;
    return i;
}
/** Whether text[from, to) holds only spaces and tabs (`/^[ \t]*$/` on that slice). */
function onlyBlanks(text, from, to) {
    return skipBlanks(text, from, to) >= to;
}
/** Leading blanks of the line holding `at`. */
function indentAt(text, at) {
    const start = lineStartOf(text, at);
    return text.slice(start, skipBlanks(text, start));
}
/** The file's line ending, so inserted lines match it. */
function eolOf(text) {
    return text.includes('\r\n') ? '\r\n' : '\n';
}
/** The `\r\n` or `\n` that ends text[start, end), or '' (`/\r?\n$/` on that slice). */
function trailingEol(text, end = text.length, start = 0) {
    if (end - 1 < start || text[end - 1] !== '\n')
        return '';
    return end - 2 >= start && text[end - 2] === '\r' ? '\r\n' : '\n';
}
/** Whether a character is whitespace as JavaScript's `\s` (and `String#trim`) mean it. */
function isSpace(c) {
    if (c === undefined || c.length !== 1)
        return false;
    const n = c.charCodeAt(0);
    if (n <= 0x20)
        return n === 0x20 || (n >= 0x09 && n <= 0x0d);
    return (n === 0xa0 ||
        n === 0x1680 ||
        (n >= 0x2000 && n <= 0x200a) ||
        n === 0x2028 ||
        n === 0x2029 ||
        n === 0x202f ||
        n === 0x205f ||
        n === 0x3000 ||
        n === 0xfeff);
}
/** The text without its whitespace (`s.replace(/\s+/g, '')`). */
function withoutSpaces(s) {
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
        if (!isSpace(s[i]))
            continue;
        out += s.slice(from, i);
        from = i + 1;
    }
    return from === 0 ? s : out + s.slice(from);
}
/** The items of a list separated by commas and whitespace (`s.split(/[\s,]+/).filter(Boolean)`). */
function listItems(s) {
    const out = [];
    let start = -1;
    for (let i = 0; i <= s.length; i++) {
        const sep = i === s.length || s[i] === ',' || isSpace(s[i]);
        if (sep && start >= 0) {
            out.push(s.slice(start, i));
            start = -1;
        }
        else if (!sep && start < 0)
            start = i;
    }
    return out;
}
/** Whether a character is a RegExp word character (`\w`: ASCII letters, digits, `_`). */
function isWordChar(c) {
    if (c === undefined)
        return false;
    const n = c.charCodeAt(0);
    return (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 95;
}
/** Whether text[at] sits on a word boundary (`\b`). */
function boundary(text, at) {
    return isWordChar(text[at - 1]) !== isWordChar(text[at]);
}
/**
 * Offsets of `word` with a word boundary (`\b`) on both sides, left to right and without
 * overlap, like the matches of `/\b<word>\b/g`. `lead` replaces the leading `\b` with a test of
 * the character before (undefined at the start), as a lookbehind such as `(?<![\w.])` does.
 */
function wordOffsets(text, word, lead, limit = Infinity) {
    const out = [];
    if (!word)
        return out;
    for (let i = text.indexOf(word); i !== -1 && out.length < limit;) {
        const end = i + word.length;
        const ok = (lead ? lead(text[i - 1]) : boundary(text, i)) && boundary(text, end);
        if (ok)
            out.push(i);
        i = text.indexOf(word, ok ? end : i + 1);
    }
    return out;
}
/** Whether `word` occurs as a whole word (`new RegExp(`\\b${escapeRegExp(word)}\\b`).test(text)`). */
function containsWord(text, word) {
    return wordOffsets(text, word, undefined, 1).length > 0;
}
const REGEXP_SPECIAL = new Set([...'.*+?^${}()|[]\\/']);
function escapeRegExp(s) {
    let out = '';
    for (const c of s)
        out += REGEXP_SPECIAL.has(c) ? `\\${c}` : c;
    return out;
}


/***/ }),

/***/ 4536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZS: () => (/* binding */ lineOfPath),
/* harmony export */   r0: () => (/* binding */ yamlDocument),
/* harmony export */   t$: () => (/* binding */ yamlValue)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// The one way the project parses YAML. The `yaml` library logs its warnings (which quote the source
// line) through process.emitWarning, which the runner would read from stderr as workflow commands;
// here it logs nothing, and warnings come back to the caller to report through escaping functions.

/** A YAML document; `doc.errors` and `doc.warnings` say what the parser found. Never logs. */
function yamlDocument(text, options = {}) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: false, ...options, logLevel: 'silent' });
}
/** The value of a YAML text, or a thrown error naming only line and column (no source text). */
function yamlValue(text, options = {}) {
    const doc = yamlDocument(text, options);
    if (doc.errors.length) {
        const e = doc.errors[0];
        const at = e.linePos?.[0];
        // native-regex: an error code
        throw new Error(`${e.code.toLowerCase().replace(/_/g, ' ')}${at ? ` at line ${at.line}, column ${at.col}` : ''}`);
    }
    return doc.toJS();
}
/** 1-based line of a node path in a document (for messages that must not quote the file). */
function lineOfPath(doc, path, text) {
    let node = doc.contents;
    let range;
    for (const key of path) {
        const n = node;
        if (!n || typeof n !== 'object')
            break;
        const pair = n.items?.find((p) => p.key?.value === key);
        if (pair) {
            range = pair.key?.range;
            node = pair.value;
            continue;
        }
        const item = typeof key === 'number' ? n.items?.[key] : undefined;
        if (item) {
            range = item.range;
            node = item;
            continue;
        }
        break;
    }
    range ??= doc.contents?.range;
    if (!range)
        return undefined;
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < range[0]; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}


/***/ })

};

//# sourceMappingURL=767.index.js.map