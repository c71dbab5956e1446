export const id = 264;
export const ids = [264];
export const modules = {

/***/ 3264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./src/commands.ts
// The commands the project prints (job summary, pull request body, warnings, CLI messages), built
// in one place. The package is not on the npm registry, so a bare `npx adobe-jwt-migrate` fails;
// a printed command names a source the reader can run, the first that applies:
//   1. the CLI as it was started (a clone's dist/cli/index.js, an npx run, an installed bin);
//   2. the running action's own reference (`uses: owner/repo@ref`, which the runner passes as
//      GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF) as `npx --yes github:owner/repo#ref`;
//   3. an action started from the checked-out repository (`uses: ./`): its CLI bundle there;
//   4. the reference the README documents.



const BIN = 'adobe-jwt-migrate';
/** The action reference the README's `uses:` lines name (a test keeps them the same). */
const DOCUMENTED_REPOSITORY = 'adobe-jwt-migrate/adobe-jwt-migrate';
const DOCUMENTED_REF = 'v0';
/** The no-install form: npm clones the repository at the ref and runs its `bin`. */
function npxFromGitHub(repository, ref) {
    return `npx --yes github:${repository}#${ref}`;
}
/**
 * The running action's reference, when the runner gave one that is safe to print in a shell
 * command: empty for `uses: ./` and inside composite actions, and never trusted blindly.
 */
function actionReference(env = process.env) {
    const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
    const ref = env.GITHUB_ACTION_REF ?? '';
    // native-regex: two short environment values, anchored (GitHub's owner and repository names)
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/.test(repository))
        return undefined;
    // native-regex: a git ref name (tag, branch or commit) of at most 255 characters
    if (!/^[A-Za-z0-9_][A-Za-z0-9._/+-]{0,254}$/.test(ref))
        return undefined;
    if (ref.includes('..') || ref.endsWith('/'))
        return undefined;
    return { repository, ref };
}
/** One word for a POSIX shell: as is when it needs no quotes, else single-quoted. */
function shellWord(word) {
    // native-regex: a command argument (a path or a scope list), anchored
    if (/^[A-Za-z0-9_./:=,@%+-][A-Za-z0-9_./:=,@%+#-]*$/.test(word))
        return word;
    return `'${word.split("'").join("'\\''")}'`;
}
function packageName(dir) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'package.json'), 'utf8')).name;
    }
    catch {
        return undefined;
    }
}
function realPath(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}
/** `path` relative to `base` ('' for `base` itself, posix separators); undefined when outside. */
function inside(base, path) {
    const rel = (0,external_node_path_.relative)(base, path);
    if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    return rel.split(external_node_path_.sep).join('/');
}
/** The package folder of a bundle of ours (dist/cli/index.js or dist/index.js), if it is one. */
function ownPackage(real, bundle) {
    const parts = real.split(external_node_path_.sep);
    if (parts.slice(-bundle.length).join('/') !== bundle.join('/'))
        return undefined;
    const root = parts.slice(0, -bundle.length).join(external_node_path_.sep) || external_node_path_.sep;
    return packageName(root) === BIN ? root : undefined;
}
/** How the CLI that is running now can be started again, or undefined when it is not running. */
function runningCli(script, env, cwd) {
    const real = realPath(script);
    if (!real || !ownPackage(real, ['dist', 'cli', 'index.js']))
        return undefined;
    const binDir = (0,external_node_path_.dirname)(script);
    if ((0,external_node_path_.basename)(script) === BIN && (0,external_node_path_.basename)(binDir) === '.bin') {
        // npx keeps the spec it was given in the package.json of its cache folder.
        try {
            const npx = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(binDir, '..', '..', 'package.json'), 'utf8'))._npx;
            const specs = npx?.packages;
            // Named with --package: npx runs a positional that is a path (a tarball) as a program.
            if (Array.isArray(specs) && specs.length === 1 && typeof specs[0] === 'string') {
                return `npx --yes --package=${shellWord(specs[0])} ${BIN}`;
            }
        }
        catch {
            // not an npx cache folder: a project's own node_modules
        }
        // A dependency of a project: npx finds it in node_modules/.bin without the registry.
        return `npx ${BIN}`;
    }
    const dirs = (env.PATH ?? '').split(external_node_path_.delimiter).filter(Boolean);
    if (dirs.some((d) => realPath((0,external_node_path_.join)(d, BIN)) === real))
        return BIN;
    const rel = inside(cwd, real);
    return `node ${shellWord(rel || real)}`;
}
/** The CLI bundle of an action run from the checked-out repository (`uses: ./`), from its root. */
function localAction(script, env) {
    const real = realPath(script);
    const workspace = env.GITHUB_WORKSPACE && realPath(env.GITHUB_WORKSPACE);
    if (!real || !workspace || !ownPackage(real, ['dist', 'index.js']))
        return undefined;
    const cli = (0,external_node_path_.join)((0,external_node_path_.dirname)(real), 'cli', 'index.js');
    const rel = (0,external_node_fs_.existsSync)(cli) ? inside(workspace, cli) : undefined;
    return rel ? `node ${shellWord(rel)}` : undefined;
}
/** The words that start the CLI, before its command (`scan`, `migrate`, `rules`). */
function cliInvocation(ctx = {}) {
    const env = ctx.env ?? process.env;
    const script = ctx.script ?? process.argv[1] ?? '';
    const cwd = ctx.cwd ?? process.cwd();
    const self = script ? runningCli((0,external_node_path_.resolve)(cwd, script), env, cwd) : undefined;
    if (self)
        return self;
    const ref = actionReference(env);
    if (ref)
        return npxFromGitHub(ref.repository, ref.ref);
    const local = script ? localAction((0,external_node_path_.resolve)(cwd, script), env) : undefined;
    return local ?? npxFromGitHub(DOCUMENTED_REPOSITORY, DOCUMENTED_REF);
}
/** A whole command line: the CLI and its arguments, each quoted for the shell when it must be. */
function cliCommand(args, ctx = {}) {
    return [cliInvocation(ctx), ...args.map(shellWord)].join(' ');
}
function migrateCommand(opts = {}, ctx = {}) {
    const args = ['migrate'];
    // A folder named like a flag is still a folder.
    if (opts.path && opts.path !== '.')
        args.push(opts.path.startsWith('-') ? `./${opts.path}` : opts.path);
    if (opts.write)
        args.push('--write');
    if (opts.scopes)
        args.push('--scopes', opts.scopes);
    return cliCommand(args, ctx);
}
/**
 * The local commands that plan what the action planned: the same folder (from the repository
 * root) and the scopes given to the action. Scopes from Adobe's tables a local run finds itself;
 * scopes read from the Console would need the --adobe-* flags and a secret, so they are left out.
 */
function planCommands(plan, path) {
    const opts = { path, scopes: plan.scopes.find((s) => s.source === 'input')?.value };
    return { preview: migrateCommand(opts), write: migrateCommand({ ...opts, write: true }) };
}
/** A scanned folder as a path from the repository root: undefined for the root (or outside it). */
function pathFromRoot(folder, root) {
    if (!root)
        return undefined;
    // The scan's root is a real path; the workspace variable may name it through a link.
    const rel = inside(realPath(root) ?? resolve(root), realPath(folder) ?? resolve(folder));
    return rel || undefined;
}
/**
 * A command as a Markdown code span, byte for byte so it can be copied. Code spans are never
 * linked, so the mention and reference breaking of mdCode (a zero-width space after `#` in
 * `github:owner/repo#v1`) is needed only when the command holds text mdCode must change.
 */
function mdCommand(command) {
    const verbatim = safeText(command) === command && !command.includes('`');
    return verbatim ? `\`${command}\`` : mdCode(command);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/paths.ts
var paths = __webpack_require__(8431);
// EXTERNAL MODULE: ./src/rules/index.ts + 4 modules
var src_rules = __webpack_require__(6499);
// EXTERNAL MODULE: ./src/yaml.ts
var yaml = __webpack_require__(4536);
;// CONCATENATED MODULE: ./src/config.ts
// One place turns every outside input (CLI flags, action inputs, the config file) into typed settings.









const FAIL_ON = ['error', 'warning', 'never'];
const FORMATS = ['text', 'json', 'sarif'];
const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
const CONFIG_NAMES = ['.adobe-jwt-migrate.yml', '.adobe-jwt-migrate.yaml'];
/** Largest config file read; a config is a few lines. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest baseline read (a saved JSON report). */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;
// Messages never quote the file: it may be anything a link pointed at. They give the line.
const ruleId = schemas/* string */.YjP().refine((id) => src_rules/* RULES_BY_ID */.kF.has(id), {
    error: () => `unknown rule id (list them with '${cliCommand(['rules'])}')`,
});
const ConfigFile = schemas/* object */.Ikc({
    exclude: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default([]),
    disable: schemas/* array */.YOg(ruleId).default([]),
    severity: schemas/* record */.g1P(ruleId, schemas/* enum */.k5n(['error', 'warning', 'note'])).default({}),
    'ignore-fingerprints': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[0-9a-f]{8,64}$/, 'a fingerprint is hex')).default([]),
    baseline: schemas/* string */.YjP().min(1).optional(),
    'max-file-size': schemas/* number */.aig().int().positive().optional(),
})
    .strict();
const KNOWN_KEYS = Object.keys(ConfigFile.shape).join(', ');
/** Zod's issues as `line N: what is wrong`, without the values found there. */
function describeZod(err, where) {
    return err.issues
        .map((i) => {
        const path = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path;
        const line = where(path);
        const at = line ? `line ${line}` : 'file';
        const field = i.path.length ? ` (${i.path.join('.')})` : '';
        if (i.code === 'unrecognized_keys')
            return `${at}: unknown key${field}; the keys are ${KNOWN_KEYS}`;
        if (i.code === 'invalid_key')
            return `${at}${field}: unknown rule id (list them with '${cliCommand(['rules'])}')`;
        return `${at}${field}: ${i.message}`;
    })
        .join('; ');
}
function readConfig(path, within, warnings) {
    const text = (0,paths/* readSettingsFile */.ur)(path, 'config file', { within, maxBytes: MAX_CONFIG_BYTES });
    const doc = (0,yaml/* yamlDocument */.r0)(text);
    for (const w of doc.warnings) {
        const pos = w.linePos?.[0];
        warnings.push(`config file ${path}${pos ? `, line ${pos.line}` : ''}: ${w.code.toLowerCase().replace(/_/g, ' ')}`); // native-regex: a warning code
    }
    if (doc.errors.length) {
        const pos = doc.errors[0].linePos?.[0];
        throw new errors/* UsageError */.e(`config file ${path} is not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}`);
    }
    const parsed = ConfigFile.safeParse(doc.toJS() ?? {});
    if (!parsed.success)
        throw new errors/* UsageError */.e(`config file ${path}: ${describeZod(parsed.error, (p) => (0,yaml/* lineOfPath */.ZS)(doc, p, text))}`);
    return parsed.data;
}
const Baseline = schemas/* object */.Ikc({ findings: schemas/* array */.YOg(schemas/* object */.Ikc({ fingerprint: schemas/* string */.YjP() }).loose()) }).loose();
function readBaseline(path, within) {
    const text = (0,paths/* readSettingsFile */.ur)(path, 'baseline', { within, maxBytes: MAX_BASELINE_BYTES });
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        // The parser's message quotes the text: say only what to do.
        throw new errors/* UsageError */.e(`baseline ${path} is not valid JSON: write it with 'scan --format json'`);
    }
    const parsed = Baseline.safeParse(data);
    if (!parsed.success)
        throw new errors/* UsageError */.e(`baseline ${path} has no findings list: write it with 'scan --format json'`);
    return parsed.data.findings.map((f) => f.fingerprint);
}
function parseFailOn(value, name) {
    const v = (value ?? '').trim() || 'error';
    if (FAIL_ON.includes(v))
        return v;
    throw new errors/* UsageError */.e(`${name} must be one of ${FAIL_ON.join(', ')} (got '${v}')`);
}
/**
 * Builds the settings, reading the config file (given, or found in the root). `confine` is the
 * folder every given path must resolve inside (the action's workspace); a config found in the root
 * (and a baseline it names) must stay inside the root in every case.
 */
function loadSettings(raw, cwd = process.cwd(), confine) {
    const root = (0,external_node_path_.resolve)(cwd, raw.root ?? '.');
    if (!(0,external_node_fs_.existsSync)(root) || !(0,external_node_fs_.statSync)(root).isDirectory()) {
        throw new errors/* UsageError */.e(`path ${raw.root ?? '.'} is not a folder: give the repository to scan`);
    }
    const failOn = parseFailOn(raw.failOn, 'fail-on');
    let configPath;
    let within;
    if (raw.config?.trim()) {
        configPath = (0,external_node_path_.isAbsolute)(raw.config) ? raw.config : (0,external_node_path_.resolve)(cwd, raw.config);
        if (!(0,external_node_fs_.existsSync)(configPath))
            throw new errors/* UsageError */.e(`config file ${raw.config} does not exist`);
        within = confine;
    }
    else {
        configPath = CONFIG_NAMES.map((n) => (0,external_node_path_.resolve)(root, n)).find((p) => (0,external_node_fs_.existsSync)(p));
        within = root;
    }
    const warnings = [];
    const cfg = configPath ? readConfig(configPath, within, warnings) : ConfigFile.parse({});
    const ignored = new Set(cfg['ignore-fingerprints']);
    if (cfg.baseline) {
        const base = (0,external_node_path_.resolve)(configPath ? (0,external_node_path_.resolve)(configPath, '..') : root, cfg.baseline);
        for (const fp of readBaseline(base, within))
            ignored.add(fp);
    }
    return {
        root,
        failOn,
        exclude: cfg.exclude,
        disabled: new Set(cfg.disable),
        severity: new Map(Object.entries(cfg.severity)),
        ignoredFingerprints: ignored,
        maxFileSize: raw.maxFileSize ?? cfg['max-file-size'] ?? DEFAULT_MAX_FILE_SIZE,
        configPath,
        warnings,
    };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/lazy.ts


/**
 * Loads the migration engine. TypeScript's compiler reads the CommonJS globals __filename and
 * __dirname when it loads; an ES module bundle has neither, so give them the bundle's own.
 */
async function loadMigrate(moduleUrl) {
    commonJsGlobals(moduleUrl);
    return Promise.all(/* import() */[__webpack_require__.e(672), __webpack_require__.e(291), __webpack_require__.e(819)]).then(__webpack_require__.bind(__webpack_require__, 6819));
}
/** The TypeScript compiler (the JS/TS parser), loaded the same way, on first use. */
async function loadTypeScript() {
    commonJsGlobals(import.meta.url);
    const ts = await __webpack_require__.e(/* import() */ 672).then(__webpack_require__.t.bind(__webpack_require__, 5672, 23));
    return ts.default ?? ts;
}
function commonJsGlobals(moduleUrl) {
    const g = globalThis;
    g.__filename ??= (0,external_node_url_.fileURLToPath)(moduleUrl);
    g.__dirname ??= (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(moduleUrl));
}

// EXTERNAL MODULE: ./src/migrate/scopes.ts
var scopes = __webpack_require__(6736);
;// CONCATENATED MODULE: ./src/report/json.ts
const REPORT_VERSION = 1;
/** The JSON contract other tooling reads (`scan --format json`). */
function toJson(result) {
    return {
        version: REPORT_VERSION,
        root: result.root,
        findings: result.findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            file: f.file,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            title: f.title,
            message: f.message,
            category: f.category,
            fingerprint: f.fingerprint,
            fixable: f.fixable,
            snippet: f.snippet,
        })),
        skipped: result.skipped,
        stats: result.stats,
    };
}

;// CONCATENATED MODULE: ./src/types.ts
const SEVERITY_RANK = { error: 3, warning: 2, note: 1 };

;// CONCATENATED MODULE: ./src/report/policy.ts

function totals(findings) {
    const t = { findings: findings.length, error: 0, warning: 0, note: 0, files: 0, fixable: 0 };
    for (const f of findings) {
        t[f.severity]++;
        if (f.fixable)
            t.fixable++;
    }
    t.files = new Set(findings.map((f) => f.file)).size;
    return t;
}
/** The findings that make the run fail under the policy. */
function failing(findings, failOn) {
    if (failOn === 'never')
        return [];
    const min = SEVERITY_RANK[failOn];
    return findings.filter((f) => SEVERITY_RANK[f.severity] >= min);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/**
 * When the scan read no file at all, the warning that says so: "no usage found" would be a false
 * all-clear (an empty folder, a wrong path, everything excluded or ignored).
 */
function nothingRead(result) {
    if (result.stats.filesScanned > 0)
        return undefined;
    const listed = result.stats.filesListed;
    const why = listed === 0 ? 'the folder holds no file that git tracks or that is not ignored' : `${plural(listed, 'file')} listed, none readable (see the skipped files)`;
    return `No file was read (${why}): this is not a clean result. Check the path, the config's exclude patterns and .gitignore.`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts

const LEVEL = { error: 'error', warning: 'warning', note: 'note' };
/** Code scanning accepts at most this many results per run. */
const SARIF_MAX_RESULTS = 25_000;
const TOOL_URI = 'https://github.com/adobe-jwt-migrate/adobe-jwt-migrate';
/** The README section that describes every rule family. */
const HELP_URI = `${TOOL_URI}#what-it-detects`;
/**
 * SARIF's "friendly name": one Pascal-case identifier, as the spec and Microsoft's validator ask
 * (`Adobe IMS JWT exchange` -> `AdobeImsJwtExchange`, `I/O` -> `Io`, the article `a` dropped).
 * A lone one-letter word (the R language) stays a capital: the validator notes it, nothing more.
 */
function friendlyName(title) {
    // native-regex: our own rule titles (`ExchangeJWT` -> `Exchange JWT`, then the words)
    const spaced = title.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
    // native-regex: the same title
    const words = spaced.split(/[^A-Za-z0-9]+/).filter((w) => w && w.toLowerCase() !== 'a');
    // Consecutive one-letter words are one word: `I O` -> `IO` -> `Io`.
    const merged = [];
    words.forEach((w, i) => {
        if (w.length === 1 && i > 0 && words[i - 1].length === 1)
            merged[merged.length - 1] += w;
        else
            merged.push(w);
    });
    return merged.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
}
/** SARIF 2.1.0 for github/codeql-action/upload-sarif; fingerprints keep alerts stable. */
/**
 * A repository path as a relative URI reference (RFC 3986): each segment percent-encoded, so a
 * path with spaces or `#` (examples/config files - basic/) is still one file to code scanning.
 */
function fileUri(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
function toSarif(result, version) {
    const index = new Map(src_rules/* RULES */.y0.map((r, i) => [r.id, i]));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'adobe-jwt-migrate',
                        version,
                        informationUri: TOOL_URI,
                        rules: src_rules/* RULES */.y0.map((r) => ({
                            id: r.id,
                            name: friendlyName(r.title),
                            shortDescription: { text: r.title },
                            fullDescription: { text: r.message },
                            help: { text: r.message, markdown: r.message },
                            helpUri: HELP_URI,
                            defaultConfiguration: { level: LEVEL[r.severity] },
                            properties: {
                                // Unique (SARIF's schema requires it); the 'security' category is code scanning's 'security' tag.
                                tags: [...new Set(['adobe', 'jwt', r.category])],
                                ...(r.category === 'security' ? { 'security-severity': '8.0' } : {}),
                                precision: 'high',
                            },
                        })),
                    },
                },
                automationDetails: { id: 'adobe-jwt-migrate/' },
                // Code scanning needs a location: Console findings that no file links are in the summary only.
                results: result.findings.filter((f) => f.file).slice(0, SARIF_MAX_RESULTS).map((f) => ({
                    ruleId: f.ruleId,
                    ruleIndex: index.get(f.ruleId) ?? -1,
                    level: LEVEL[f.severity],
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%' },
                                region: {
                                    startLine: f.line,
                                    startColumn: f.column,
                                    endLine: f.endLine,
                                    endColumn: f.endColumn,
                                    ...(f.snippet ? { snippet: { text: f.snippet } } : {}),
                                },
                            },
                        },
                    ],
                    partialFingerprints: { 'adobeJwtMigrate/v1': f.fingerprint },
                })),
            },
        ],
    };
}

// EXTERNAL MODULE: ./src/escape.ts
var src_escape = __webpack_require__(2988);
;// CONCATENATED MODULE: ./src/report/text.ts


/** One line a finding, `file:line:col severity rule-id message`, then a summary. */
function toText(result, failOn) {
    const lines = result.findings.map((f) => `${(0,src_escape/* safePath */.nG)(f.file)}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
    const t = totals(result.findings);
    const s = result.stats;
    lines.push('');
    lines.push(t.findings === 0
        ? (nothingRead(result) ?? 'No Adobe JWT (Service Account) usage found.')
        : `${plural(t.findings, 'finding')} (${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${plural(t.note, 'note')}) in ${plural(t.files, 'file')}; ${t.fixable} can be migrated automatically.`);
    lines.push(`Scanned ${plural(s.filesScanned, 'file')} (${(s.bytesScanned / 1e6).toFixed(1)} MB) in ${s.durationMs} ms; ${plural(result.skipped.length, 'file')} skipped.`);
    const fail = failing(result.findings, failOn).length;
    if (fail)
        lines.push(`Failing: ${plural(fail, 'finding')} at or above '${failOn}' (--fail-on).`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/scan/engine.ts + 2 modules
var engine = __webpack_require__(7452);
;// CONCATENATED MODULE: ./src/tuning.ts
// Timing knobs for the network clients (GitHub and Adobe), read from the environment.
/**
 * Knobs the tests use to keep fault scenarios fast (never needed in a workflow):
 * ADOBE_JWT_MIGRATE_RETRY_BASE_MS, ADOBE_JWT_MIGRATE_WRITE_SPACING_MS, ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS.
 */
function tuningFromEnv(env = process.env) {
    const num = (name) => {
        const v = Number(env[name]);
        return Number.isFinite(v) && v >= 0 && env[name] !== undefined && env[name] !== '' ? v : undefined;
    };
    const out = {};
    const retry = num('ADOBE_JWT_MIGRATE_RETRY_BASE_MS');
    const spacing = num('ADOBE_JWT_MIGRATE_WRITE_SPACING_MS');
    const timeout = num('ADOBE_JWT_MIGRATE_HTTP_TIMEOUT_MS');
    if (retry !== undefined)
        out.retryBaseMs = retry;
    if (spacing !== undefined)
        out.writeSpacingMs = spacing;
    if (timeout !== undefined)
        out.timeoutMs = timeout;
    return out;
}

;// CONCATENATED MODULE: ./src/version.ts
// Kept in step with package.json by a test.
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/cli-main.ts
// The CLI: the same pipeline as the action, reporting to the terminal or to files. Started by
// src/cli.ts, whose file is also the script scan workers run (`entry`).














const USAGE = `adobe-jwt-migrate ${VERSION}: find Adobe Service Account (JWT) credential usage

Usage:
  adobe-jwt-migrate scan [PATH] [--format text|json|sarif] [--output FILE]
                         [--fail-on error|warning|never] [--config FILE] [--max-file-size BYTES]
                         [--threads N]
  adobe-jwt-migrate migrate [PATH] [--write] [--scopes LIST] [--config FILE] [--format text|json]
  adobe-jwt-migrate rules [--format text|json]
  adobe-jwt-migrate --help | --version

Developer Console check (scan and migrate): --adobe-client-id ID --adobe-scopes LIST
  [--adobe-org-id ORG] [--adobe-projects P[/W],...] [--adobe-sandbox NAME]
  [--adobe-ims-url URL] [--adobe-console-url URL] [--adobe-platform-url URL]
  The secret comes from the environment, never a flag: ADOBE_CLIENT_SECRET, or ADOBE_ACCESS_TOKEN.

Exit codes: 0 below the --fail-on threshold, 1 findings reach it, 2 usage or configuration error.`;
function parse(argv) {
    try {
        return (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                format: { type: 'string' },
                output: { type: 'string', short: 'o' },
                'fail-on': { type: 'string' },
                config: { type: 'string', short: 'c' },
                'max-file-size': { type: 'string' },
                threads: { type: 'string' },
                write: { type: 'boolean' },
                scopes: { type: 'string' },
                'adobe-client-id': { type: 'string' },
                'adobe-scopes': { type: 'string' },
                'adobe-org-id': { type: 'string' },
                'adobe-projects': { type: 'string' },
                'adobe-sandbox': { type: 'string' },
                'adobe-ims-url': { type: 'string' },
                'adobe-console-url': { type: 'string' },
                'adobe-platform-url': { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' },
            },
        });
    }
    catch (e) {
        // native-regex: Node's own one-line message
        throw new errors/* UsageError */.e(`${e.message.split('\n')[0].replace(/\. To specify.*$/, '')} (see --help)`);
    }
}
function format(value) {
    const v = value ?? 'text';
    if (FORMATS.includes(v))
        return v;
    throw new errors/* UsageError */.e(`--format must be one of ${FORMATS.join(', ')} (got '${v}')`);
}
function warnAll(warnings) {
    for (const w of warnings)
        process.stderr.write(`adobe-jwt-migrate: warning: ${(0,src_escape/* safeText */.Hk)(w)}\n`);
}
function emit(text, output) {
    if (output)
        (0,external_node_fs_.writeFileSync)(output, text);
    else
        process.stdout.write(text);
}
/** The Console check's settings from flags and the environment, or undefined when not asked for. */
function cliAdobe(values) {
    const clientId = values['adobe-client-id'];
    const accessToken = process.env.ADOBE_ACCESS_TOKEN || undefined;
    if (!clientId && !accessToken)
        return undefined;
    const clientSecret = process.env.ADOBE_CLIENT_SECRET || undefined;
    if (!clientSecret && !accessToken)
        throw new errors/* UsageError */.e('--adobe-client-id needs ADOBE_CLIENT_SECRET (or ADOBE_ACCESS_TOKEN) in the environment');
    const urls = { ims: values['adobe-ims-url'] ?? 'https://ims-na1.adobelogin.com', console: values['adobe-console-url'] ?? 'https://developers.adobe.io', platform: values['adobe-platform-url'] ?? 'https://platform.adobe.io' };
    // native-regex: a URL flag, anchored
    for (const [name, u] of Object.entries(urls))
        if (!/^https?:\/\/[^\s/]+/.test(u))
            throw new errors/* UsageError */.e(`--adobe-${name}-url must be an http(s) URL`);
    return {
        clientId,
        clientSecret,
        accessToken,
        scopes: values['adobe-scopes'],
        orgId: values['adobe-org-id'],
        projects: (values['adobe-projects'] ?? '')
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
            .map((p) => ({ project: p.split('/')[0], workspace: p.split('/')[1] || undefined })),
        imsUrl: urls.ims,
        consoleUrl: urls.console,
        platformUrl: urls.platform,
        sandbox: values['adobe-sandbox'],
        http: tuningFromEnv(),
    };
}
/** Adds the Console findings to a scan (same policy); warnings go to stderr. */
async function withConsole(result, settings, values) {
    const adobe = cliAdobe(values);
    if (!adobe)
        return undefined;
    // Loaded only when asked for: the HTTP client is a large part of the start-up.
    const { checkConsole } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(649)]).then(__webpack_require__.bind(__webpack_require__, 2649));
    const report = await checkConsole(adobe, result);
    result.findings.push(...(0,engine/* applyPolicy */.V)(report.findings, settings));
    warnAll(report.warnings);
    return report;
}
async function runScan(positionals, values, entry) {
    if (positionals.length > 1)
        throw new errors/* UsageError */.e(`scan takes one PATH, got ${positionals.length}`);
    const fmt = format(values.format);
    let maxFileSize;
    if (values['max-file-size'] !== undefined) {
        maxFileSize = Number(values['max-file-size']);
        if (!Number.isInteger(maxFileSize) || maxFileSize <= 0)
            throw new errors/* UsageError */.e('--max-file-size must be a positive whole number of bytes');
    }
    const settings = loadSettings({ root: positionals[0], failOn: values['fail-on'], config: values.config, maxFileSize });
    warnAll(settings.warnings);
    let workers;
    if (values.threads !== undefined) {
        workers = Number(values.threads);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64)
            throw new errors/* UsageError */.e('--threads must be a whole number from 1 to 64');
    }
    // "fixable" needs the migration plan, whose engine takes a while to load: load it meanwhile.
    const result = await (0,engine/* scan */.S)(settings, { workerScript: entry, workers, warmUp: () => loadMigrate(entry.href) });
    warnAll([nothingRead(result)].filter((w) => w !== undefined));
    const consoleReport = await withConsole(result, settings, values);
    if (result.findings.length) {
        // "fixable" is what the migration plan edits: plan it (nothing is written).
        const { planFromScan, markFixable } = await loadMigrate(entry.href);
        markFixable(result, await planFromScan(result, { consoleScopes: consoleReport?.scopesByClient }));
    }
    const body = fmt === 'json'
        ? `${JSON.stringify(toJson(result), null, 2)}\n`
        : fmt === 'sarif'
            ? `${JSON.stringify(toSarif(result, VERSION), null, 2)}\n`
            : toText(result, settings.failOn);
    emit(body, values.output);
    if (values.output)
        process.stderr.write(`adobe-jwt-migrate: wrote ${fmt} report to ${values.output}\n`);
    return failing(result.findings, settings.failOn).length ? 1 : 0;
}
async function runMigrate(positionals, values, entry) {
    if (positionals.length > 1)
        throw new errors/* UsageError */.e(`migrate takes one PATH, got ${positionals.length}`);
    const fmt = format(values.format);
    if (fmt === 'sarif')
        throw new errors/* UsageError */.e("migrate --format must be text or json (got 'sarif')");
    if (values.scopes !== undefined && !(0,scopes/* normalizeScopes */.Zi)(values.scopes))
        throw new errors/* UsageError */.e('--scopes needs a comma-separated list of OAuth scopes');
    const settings = loadSettings({ root: positionals[0], failOn: 'never', config: values.config });
    warnAll(settings.warnings);
    const scanned = await (0,engine/* scan */.S)(settings, { workerScript: entry, warmUp: () => loadMigrate(entry.href) });
    const { planFromScan, applyPlan, markFixable, planJson, planText } = await loadMigrate(entry.href);
    warnAll([nothingRead(scanned)].filter((w) => w !== undefined));
    const consoleReport = await withConsole(scanned, settings, values);
    const plan = await planFromScan(scanned, { scopes: values.scopes, consoleScopes: consoleReport?.scopesByClient });
    markFixable(scanned, plan);
    let conflicts = [];
    if (values.write)
        conflicts = applyPlan(plan);
    emit(fmt === 'json' ? `${JSON.stringify(planJson(plan), null, 2)}\n` : planText(plan, Boolean(values.write)), values.output);
    if (conflicts.length) {
        process.stderr.write(`adobe-jwt-migrate: left ${conflicts.map(src_escape/* safeText */.Hk).join(', ')} alone: changed while the migration was planned, or a link there leads out of the repository; check them and run migrate again\n`);
        return 1;
    }
    return 0;
}
async function runRules(values, entry) {
    const fmt = format(values.format);
    if (fmt === 'json') {
        const rewritten = (await loadMigrate(entry.href)).rewrittenRuleIds();
        const rules = src_rules/* RULES */.y0.map((r) => ({ id: r.id, title: r.title, severity: r.severity, category: r.category, fixable: rewritten.has(r.id), message: r.message }));
        emit(`${JSON.stringify({ rules, prefilterLiterals: src_rules/* PREFILTER_LITERALS */.D$ }, null, 2)}\n`, values.output);
    }
    else {
        emit(`${src_rules/* RULES */.y0.map((r) => `${r.id.padEnd(40)} ${r.severity.padEnd(8)} ${r.title}`).join('\n')}\n`, values.output);
    }
    return 0;
}
/** Runs one command; `entry` is the CLI's own script (scan workers run it). */
async function main(argv, entry) {
    try {
        const { values, positionals } = parse(argv);
        if (values.version) {
            process.stdout.write(`${VERSION}\n`);
            return 0;
        }
        const [command, ...rest] = positionals;
        if (values.help || !command) {
            process.stdout.write(`${USAGE}\n`);
            return values.help ? 0 : 2;
        }
        if (command === 'scan')
            return await runScan(rest, values, entry);
        if (command === 'migrate')
            return await runMigrate(rest, values, entry);
        if (command === 'rules')
            return await runRules(values, entry);
        throw new errors/* UsageError */.e(`unknown command '${command}': use scan, migrate or rules (see --help)`);
    }
    catch (e) {
        if (e instanceof errors/* UsageError */.e) {
            process.stderr.write(`adobe-jwt-migrate: ${e.message}\n`);
            return 2;
        }
        process.stderr.write(`adobe-jwt-migrate: unexpected error: ${e.stack ?? e}\n`);
        return 3;
    }
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/** A mistake in how the tool was called or configured: exit code 2, one line saying what to change. */
class UsageError extends Error {
    name = 'UsageError';
}


/***/ }),

/***/ 7270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ linearJs)
/* harmony export */ });
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3508);
// The rewriters run their patterns on repository text through the linear-time engine of
// src/regex.ts. Its RE2 syntax differs from JavaScript's in two places that matter here: `\s` is
// ASCII-only (JavaScript's also takes the BOM, no-break and other Unicode spaces) and `.` matches
// `\r`. `linearJs` rewrites `\s`, `\S` and `.` to what they mean in JavaScript first, so a pattern
// taken over from a RegExp literal matches what it matched before.
// Left as they are: with the `m` flag, RE2's `^` and `$` see only `\n` as a line break (JavaScript
// also a lone `\r`), and `i` folds `ſ` with `s` and the Kelvin sign with `k`.

/** JavaScript's `\s`, as the inside of a character class. */
const SPACE = String.raw `\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
/** JavaScript's `.` without the `s` flag. */
const NOT_LINE_BREAK = String.raw `[^\n\r\u2028\u2029]`;
/** The source of a RegExp with `\s`, `\S` and `.` spelled out as JavaScript reads them. */
function jsSource(source, dotAll = false) {
    let out = '';
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') {
            const next = source[++i] ?? '';
            if (next === 's')
                out += inClass ? SPACE : `[${SPACE}]`;
            else if (next === 'S' && !inClass)
                out += `[^${SPACE}]`;
            else if (next === 'S')
                throw new Error(`\\S inside a character class: ${source}`);
            else
                out += c + next;
        }
        else if (inClass) {
            if (c === ']')
                inClass = false;
            out += c;
        }
        else if (c === '[') {
            inClass = true;
            out += c;
            if (source[i + 1] === '^')
                out += source[++i];
        }
        else
            out += c === '.' && !dotAll ? NOT_LINE_BREAK : c;
    }
    return out;
}
/** `linear(re)` with JavaScript's meaning of `\s`, `\S` and `.` (compiled once, like `linear`). */
function linearJs(re, flags) {
    const source = typeof re === 'string' ? re : re.source;
    const f = typeof re === 'string' ? (flags ?? '') : re.flags;
    return (0,_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .linear */ .sn)(jsSource(source, f.includes('s')), f);
}


/***/ }),

/***/ 6736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zi: () => (/* binding */ normalizeScopes),
/* harmony export */   cY: () => (/* binding */ SCOPES_PLACEHOLDER),
/* harmony export */   h0: () => (/* binding */ scopeResolver),
/* harmony export */   vB: () => (/* binding */ describeScopes)
/* harmony export */ });
/* unused harmony export PRODUCTS */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8992);
/* harmony import */ var _linear_js_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7270);
// Metascope -> OAuth scope table from ../shared/docs/adobe-auth.md. Adobe publishes no such table:
// scopes come from the credential in the Developer Console; these are the sets Adobe's own
// sources confirm, then ones seen only in third-party code, marked as such.


const PRODUCTS = [
    {
        name: 'I/O Management API',
        metascopes: ['ent_adobeio_sdk'],
        scopes: 'AdobeID,openid,read_organizations,additional_info.projectedProductContext,additional_info.roles,adobeio_api,read_client_secret,manage_client_secrets',
        confidence: 'confirmed',
    },
    { name: 'Experience Platform', metascopes: ['ent_dataservices_sdk'], scopes: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext', confidence: 'confirmed' },
    { name: 'User Management', metascopes: ['ent_user_sdk'], scopes: 'openid,AdobeID,user_management_sdk', confidence: 'confirmed' },
    { name: 'Cloud Manager', metascopes: ['ent_cloudmgr_sdk'], scopes: 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,read_pc.dma_aem_ams', confidence: 'confirmed' },
    { name: 'Target', metascopes: ['ent_marketing_sdk'], scopes: 'openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles', confidence: 'third-party' },
    { name: 'Campaign', metascopes: ['ent_campaign_sdk'], scopes: 'openid,AdobeID,campaign_sdk,additional_info.projectedProductContext', confidence: 'third-party' },
    { name: 'PDF Services', metascopes: ['ent_documentcloud_sdk'], scopes: 'openid,AdobeID,DCAPI', confidence: 'third-party' },
    { name: 'Analytics', metascopes: ['ent_analytics_bulk_ingest_sdk'], confidence: 'unknown' },
    { name: 'Customer Journey Analytics', metascopes: ['ent_cja_sdk'], confidence: 'unknown' },
    { name: 'I/O Events', metascopes: ['event_receiver_api'], confidence: 'unknown' },
    { name: 'Adobe Stock', metascopes: ['ent_stocksearch_sdk'], confidence: 'unknown' },
    { name: 'Photoshop / Lightroom', metascopes: ['ent_default_sdk', 'ent_ccas_sdk'], confidence: 'unknown' },
    { name: 'Launch / Reactor', metascopes: ['ent_reactor_sdk', 'ent_reactor_admin_sdk', 'ent_reactor_developer_sdk', 'ent_reactor_extension_developer_sdk'], confidence: 'unknown' },
    { name: 'Privacy Service', metascopes: ['ent_gdpr_sdk'], confidence: 'unknown' },
    { name: 'Smart Content', metascopes: ['ent_smartcontent_sdk'], confidence: 'unknown' },
    { name: 'Auto Crop / Auto Tag', metascopes: ['ent_sensei_image_sdk'], confidence: 'unknown' },
    { name: 'Brand Portal', metascopes: ['ent_brand_portal_sdk'], confidence: 'unknown' },
    { name: 'Places', metascopes: ['ent_places_sdk'], confidence: 'unknown' },
];
/** Stands where a scope list must be filled in by hand; the scanner's rules never match it. */
const SCOPES_PLACEHOLDER = 'REPLACE_WITH_SCOPES_FROM_DEVELOPER_CONSOLE';
/** The URL part of a metascope (`https://ims-na1.adobelogin.com/s/`), up to its name. */
const METASCOPE_URL = (0,_linear_js_js__WEBPACK_IMPORTED_MODULE_1__/* .linearJs */ .F)(/^.*\/s\//);
const RANK = { confirmed: 2, 'third-party': 1, unknown: 0 };
/** Normalises a scope list: comma-separated, no spaces, no duplicates. */
function normalizeScopes(value) {
    return [...new Set((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .listItems */ .Dw)(value))].join(',');
}
/** Scopes from the CLI/action input win; else the table; else a placeholder and a manual step. */
function scopeResolver(input) {
    const given = input ? normalizeScopes(input) : '';
    return (metascopes) => {
        const names = metascopes.map((m) => METASCOPE_URL.replace(m, '').trim()).filter(Boolean);
        const products = PRODUCTS.filter((p) => p.metascopes.some((m) => names.includes(m)));
        const productNames = products.map((p) => p.name);
        if (given)
            return { value: given, source: 'input', confidence: 'confirmed', products: productNames };
        const known = products.filter((p) => p.scopes);
        if (products.length && known.length === products.length) {
            const confidence = known.reduce((c, p) => (RANK[p.confidence] < RANK[c] ? p.confidence : c), 'confirmed');
            return { value: normalizeScopes(known.map((p) => p.scopes).join(',')), source: 'table', confidence, products: productNames };
        }
        return { value: SCOPES_PLACEHOLDER, source: 'placeholder', confidence: 'unknown', products: productNames };
    };
}
function describeScopes(choice) {
    const what = choice.products.length ? choice.products.join(', ') : 'the APIs of this credential';
    switch (choice.source) {
        case 'input':
            return `scopes given with --scopes / the scopes input (${what})`;
        case 'console':
            return `scopes read from the credential in the Adobe Developer Console (${what})`;
        case 'table':
            return `scopes for ${what} from Adobe's published scope sets (${choice.confidence === 'confirmed' ? 'confirmed by Adobe sources' : 'seen in third-party code: check them in the Console'})`;
        default:
            return `scopes for ${what} are not published: copy them from the OAuth Server-to-Server credential in the Adobe Developer Console and replace ${SCOPES_PLACEHOLDER}`;
    }
}


/***/ }),

/***/ 8431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   dN: () => (/* binding */ realPathOf),
/* harmony export */   ur: () => (/* binding */ readSettingsFile)
/* harmony export */ });
/* unused harmony export writeOutputFile */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
// Every path the action reads or writes outside the scan itself goes through here: it resolves
// symbolic links, keeps reads inside the folder they belong to, reads only regular files of a
// bounded size, and never writes through a link or over a file git tracks.




/** Whether `path` (already real) is `root` or below it. */
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel));
}
/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
function realPathOf(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(path);
    }
    catch {
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path);
        if (parent === path)
            return path;
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(realPathOf(parent), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path));
    }
}
/**
 * Reads a settings file (config, baseline): it must resolve inside `within` (when given), be a
 * regular file (not a FIFO, a device or a folder) and hold at most `maxBytes`.
 */
function readSettingsFile(path, what, opts) {
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(path);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`cannot read ${what} ${path}: ${e.code ?? 'unreadable'}`);
    }
    if (opts.within && !isInside(realPathOf(opts.within), real)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${what} ${path} resolves outside ${opts.within}: it must be a file inside the repository (symbolic links may not lead out of it)`);
    }
    let fd;
    try {
        // O_NONBLOCK: a FIFO cannot hang the open; fstat then refuses it.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(real, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK ?? 0));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`cannot read ${what} ${path}: ${e.code ?? 'unreadable'}`);
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd);
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${what} ${path} is not a regular file`);
        if (st.size > opts.maxBytes)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${what} ${path} is ${st.size} bytes, over the limit of ${opts.maxBytes}`);
        const buf = Buffer.alloc(Math.min(st.size, opts.maxBytes) + 1);
        let n = 0;
        let r;
        while (n < buf.length && (r = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, n, buf.length - n, n)) > 0)
            n += r;
        if (n > opts.maxBytes)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${what} ${path} is over the limit of ${opts.maxBytes} bytes`);
        return buf.subarray(0, n).toString('utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
function isTracked(workspace, file) {
    try {
        execFileSync('git', ['-C', workspace, 'ls-files', '--error-unmatch', '--', file], { stdio: 'ignore' });
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Writes a report the action produces. The resolved target must lie inside one of `roots`
 * (the workspace, RUNNER_TEMP), must not be a file git tracks, and is opened without following
 * a link, so a committed symlink cannot send the write elsewhere.
 */
function writeOutputFile(path, text, opts) {
    const target = realPathOf(path);
    const roots = opts.roots.map(realPathOf);
    if (!roots.some((r) => isInside(r, target))) {
        throw new UsageError(`input '${opts.what}' resolves to ${target}, outside the workspace and RUNNER_TEMP: choose a path inside them (symbolic links may not lead out)`);
    }
    const ws = realPathOf(opts.workspace);
    if (isInside(ws, target) && isTracked(ws, relative(ws, target))) {
        throw new UsageError(`input '${opts.what}' names ${relative(ws, target)}, a file tracked by git: choose a path the action may overwrite`);
    }
    try {
        if (lstatSync(target).isSymbolicLink())
            throw new UsageError(`input '${opts.what}' is a symbolic link: choose a plain path`);
    }
    catch (e) {
        if (e instanceof UsageError)
            throw e;
    }
    mkdirInside(dirname(target));
    const fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644);
    try {
        writeSync(fd, text);
    }
    finally {
        closeSync(fd);
    }
    return target;
}
function mkdirInside(dir) {
    // mkdirSync with recursive follows links on the way; the target's parent was resolved already.
    try {
        lstatSync(dir);
    }
    catch {
        mkdirInside(dirname(dir));
        try {
            mkdirSync(dir);
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
    }
}


/***/ }),

/***/ 5570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S$: () => (/* binding */ applyContext),
/* harmony export */   VH: () => (/* binding */ AEM_CLOUD_RULE),
/* harmony export */   gv: () => (/* binding */ packageRoots),
/* harmony export */   ou: () => (/* binding */ VENDORED),
/* harmony export */   rQ: () => (/* binding */ packagesMeet)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _rules_code_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6442);
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6499);
// The cross-file pass: judgements a single file cannot make on its own.



const AEM_CLOUD_RULE = 'aem-cloud-service-credential';
const CERT_BESIDE_KEY = 'key-certificate-beside-jwt-key';
/** Names of keys and certificates that serve TLS, not a token signature. */
const TLS_NAME = /https|tls|ssl|server|localhost|nginx|apache|(?:^|[^a-z])ca(?:[^a-z]|$)|root|chain|fullchain/i;
const AEM_NOTE = `This package uses an AEM as a Cloud Service service credential: a warning, to move to OAuth Server-to-Server with Adobe's AEM guide (${_rules_code_js__WEBPACK_IMPORTED_MODULE_1__/* .AEM_OAUTH_GUIDE */ .d}).`;
const ADOBE_PATH = /adobe|(?:^|[/._-])aio(?:[/._-]|$)|jwt|(?:^|[/._-])ims(?:[/._-]|$)|techacct/i;
/** Installed or copied-in third-party code: its keys and JWT code are not the project's. */
const VENDORED = /(?:^|\/)(?:vendor|node_modules|third_party|bower_components)\//;
function dirOf(file) {
    const d = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(file);
    return d === '.' ? '' : d;
}
function within(dir, file) {
    return dir === '' || file.startsWith(`${dir}/`);
}
/** Files that make a folder a package of its own. */
const MANIFEST = /^(?:package\.json|pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|build\.sbt|setup\.py|setup\.cfg|pyproject\.toml|requirements\.txt|[^/]+\.csproj|[^/]+\.fsproj|[^/]+\.sln|go\.mod|Gemfile|[^/]+\.gemspec|DESCRIPTION|composer\.json|[^/]+\.psd1)$/;
/**
 * Whether packages `a` and `p` (folders of manifests, '' for the root) share code: the same one,
 * one inside the other (a root README over a module), or the root.
 */
function packagesMeet(a, p) {
    return a === p || a === '' || p === '' || a.startsWith(`${p}/`) || p.startsWith(`${a}/`);
}
/** The package of a file: the nearest folder above it holding a manifest ('' for the root). */
function packageRoots(files) {
    const roots = new Set(files.filter((f) => MANIFEST.test(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(f))).map(dirOf)); // native-regex: a file name
    return (file) => {
        for (let dir = dirOf(file); dir; dir = dirOf(dir))
            if (roots.has(dir))
                return dir;
        return '';
    };
}
/**
 * Applies context rules:
 * - a file holding AEM as a Cloud Service service credentials keeps that finding and its names,
 *   and errors in its package become warnings;
 * - 'project' findings stay only when their folder has other JWT findings;
 * - 'package' ones when their package (nearest manifest) or one around or inside it has some;
 * - 'repository' ones when the scanned tree has any;
 * - 'key' findings stay only when the key is tied to the Adobe JWT flow.
 */
function applyContext(findings, files, keyRefs) {
    const contextOf = (f) => _rules_index_js__WEBPACK_IMPORTED_MODULE_2__/* .RULES_BY_ID */ .kF.get(f.ruleId)?.needsContext;
    const aemFiles = new Set(findings.filter((f) => f.ruleId === AEM_CLOUD_RULE).map((f) => f.file));
    // The AEM credential finding says what the file is; the names around it stay as supporting lines.
    let kept = findings.filter((f) => !aemFiles.has(f.file) || f.ruleId === AEM_CLOUD_RULE || contextOf(f) === 'package');
    const anchors = kept.filter((f) => !contextOf(f) && f.severity !== 'note');
    const anchorFiles = new Set(anchors.map((f) => f.file));
    const certDirs = new Set(files.filter((f) => node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(f) === 'certificate_pub.crt').map(dirOf));
    const referenced = new Set();
    for (const [file, refs] of Object.entries(keyRefs)) {
        if (!anchorFiles.has(file))
            continue;
        for (const r of refs)
            referenced.add(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(r));
    }
    const packageOf = packageRoots(files);
    const anchoredPackages = new Set(anchors.map((a) => packageOf(a.file)));
    /** Its own package, a package inside it (a root README over a module), or one around it. */
    const inAnchoredPackage = (file) => {
        const p = packageOf(file);
        return [...anchoredPackages].some((a) => packagesMeet(a, p));
    };
    const pemFiles = new Set(kept.filter((f) => f.ruleId === 'key-pem-private-key').map((f) => f.file));
    const dropped = [];
    kept = kept.filter((f) => {
        const keep = keepInContext(f);
        if (!keep)
            dropped.push(f);
        return keep;
    });
    // Key material beside a key of the flow (an encrypted copy of it, its certificate) is the
    // flow's too, unless its name says it serves TLS (dev-https.pem, server.crt).
    const keyDirs = new Set(kept.filter((f) => contextOf(f) === 'key').map((f) => dirOf(f.file)));
    for (const f of dropped) {
        if (contextOf(f) !== 'key' || !keyDirs.has(dirOf(f.file)) || VENDORED.test(f.file))
            continue; // native-regex: a path
        if (TLS_NAME.test(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(f.file)))
            continue; // native-regex: a file name
        if (f.ruleId === 'key-file-read-by-jwt-code' && pemFiles.has(f.file))
            continue;
        kept.push(f);
    }
    function keepInContext(f) {
        const need = contextOf(f);
        if (!need)
            return true;
        if (need === 'package')
            return inAnchoredPackage(f.file);
        if (need === 'repository')
            return anchors.length > 0;
        if (need === 'project') {
            const dir = dirOf(f.file);
            return anchors.some((a) => within(dir, a.file));
        }
        // Any key file, but only one a JWT file names (keys.ts says why), and said once: a PEM
        // block in it is the finding already.
        if (f.ruleId === CERT_BESIDE_KEY)
            return false; // only beside a key of the flow (below)
        if (f.ruleId === 'key-file-read-by-jwt-code')
            return referenced.has(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(f.file)) && !VENDORED.test(f.file) && !pemFiles.has(f.file); // native-regex: a path
        return (anchorFiles.has(f.file) ||
            // A file named as a private key in a package of JWT code is that code's key (a TLS key's
            // server.key or https.pem is not).
            (f.ruleId === 'key-private-key-file' && inAnchoredPackage(f.file)) ||
            certDirs.has(dirOf(f.file)) ||
            // A vendored library's sample key (vendor/firebase/php-jwt/README.md) is not the project's.
            (ADOBE_PATH.test(f.file) && !VENDORED.test(f.file)) || // native-regex: a path
            referenced.has(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(f.file)));
    }
    // A package that uses an AEM as a Cloud Service service credential: its JWT code is that
    // credential's (legacy, a warning), not a Developer Console Service Account (an error).
    const aemPackages = new Set([...aemFiles].map(packageOf));
    return kept.map((f) => f.severity === 'error' && aemPackages.has(packageOf(f.file))
        ? { ...f, severity: 'warning', message: `${f.message} ${AEM_NOTE}` }
        : f);
}


/***/ }),

/***/ 7452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ applyPolicy),
  S: () => (/* binding */ scan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./node_modules/ignore/index.js
var ignore = __webpack_require__(298);
var ignore_default = /*#__PURE__*/__webpack_require__.n(ignore);
// EXTERNAL MODULE: ./src/rules/index.ts + 4 modules
var rules = __webpack_require__(6499);
// EXTERNAL MODULE: ./src/scan/batch.ts + 3 modules
var batch = __webpack_require__(2767);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/languages/index.ts + 14 modules
var languages = __webpack_require__(300);
// EXTERNAL MODULE: ./src/rules/context.ts
var context = __webpack_require__(7184);
// EXTERNAL MODULE: ./src/rules/names.ts
var rules_names = __webpack_require__(5603);
// EXTERNAL MODULE: ./src/scan/context.ts
var scan_context = __webpack_require__(5570);
// EXTERNAL MODULE: ./src/scan/match.ts
var match = __webpack_require__(6288);
;// CONCATENATED MODULE: ./src/scan/callers.ts
// Uses of the token function: other code reaches the JWT flow through functions named for it
// (auth_jwt, getJwtToken) in files that never say "Adobe": its tests, its callers, an export list
// such as R's NAMESPACE. Those lines go with the function, so each becomes a supporting finding.
// A wrapper named otherwise (getAccessToken) keeps its interface through the migration, and its
// callers stay. Runs after the region pass, on the main thread, over the files the scan saw
// saying "jwt", each searched by plain substring.








const CALL_RULE = 'code-jwt-token-function-call';
/** Names that many unrelated functions share: a call of one says nothing about the flow. */
const COMMON_NAMES = new Set(['constructor', '__init__', 'initialize', 'default', 'handler', 'execute', 'request', 'main']);
const NAME_RULE = 'code-jwt-only-name';
const JWT_NAME = /jwt/i;
/** Identifiers built on "jwt" in a finding's line (JwtContext, auth_jwt, getJwtToken). */
const JWT_IDENTIFIERS = /[A-Za-z0-9_]*(?:jwt|Jwt|JWT)[A-Za-z0-9_]*/g;
/** Code files read for calls are hand-written source; larger ones are generated or bundled. */
const MAX_BYTES = 512 * 1024;
const MAX_PER_FILE = 200;
function isNameChar(c, dashed) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || (dashed && c === 45);
}
/** Offsets where `name` occurs as a whole name (not inside a longer one). */
function occurrences(text, name) {
    const dashed = name.includes('-');
    const out = [];
    for (let at = text.indexOf(name); at >= 0 && out.length < MAX_PER_FILE; at = text.indexOf(name, at + name.length)) {
        const before = at > 0 ? text.charCodeAt(at - 1) : 32;
        const after = at + name.length < text.length ? text.charCodeAt(at + name.length) : 32;
        if (!isNameChar(before, dashed) && !isNameChar(after, dashed))
            out.push(at);
    }
    return out;
}
/**
 * Findings on the lines of code files that name a JWT-named token function (or an identifier
 * built on "jwt" that a finding names) of the same package, or one around or inside it; lines
 * another finding covers already are left out. `files` (every listed file) places packages.
 */
function callerFindings(root, files, jwtFiles, names, existing, maxFileSize) {
    const packageOf = (0,scan_context/* packageRoots */.gv)(files);
    const byPackage = new Map();
    // A name that says JWT (get_jwt_token, auth_jwt, JwtHelper) goes with the flow, and so do its
    // uses; a wrapper named otherwise (getAccessToken) keeps its interface and its callers stay.
    const flowNames = new Map();
    for (const [file, set] of names)
        flowNames.set(file, new Set([...set].filter((n) => JWT_NAME.test(n)))); // native-regex: a name of at most 100 characters
    for (const f of existing) {
        if (f.ruleId !== NAME_RULE)
            continue;
        for (const m of f.snippet.matchAll(JWT_IDENTIFIERS))
            flowNames.set(f.file, (flowNames.get(f.file) ?? new Set()).add(m[0])); // native-regex: a snippet of at most 200 characters
    }
    for (const [file, set] of flowNames) {
        const usable = [...set].filter((n) => n.length >= 6 && !COMMON_NAMES.has(n));
        if (!usable.length)
            continue;
        const p = packageOf(file);
        byPackage.set(p, new Set([...(byPackage.get(p) ?? []), ...usable]));
    }
    if (!byPackage.size)
        return [];
    const covered = new Map();
    for (const f of existing)
        covered.set(f.file, [...(covered.get(f.file) ?? []), f]);
    const rule = rules/* RULES_BY_ID */.kF.get(CALL_RULE);
    const out = [];
    // Every name here says "jwt", so only files that do can use one (the scan listed them).
    for (const file of jwtFiles) {
        if (!(0,languages/* languageOf */.eX)(file) || scan_context/* VENDORED */.ou.test(file) || context/* NOT_CODE_TEXT */.yo.test(file))
            continue; // native-regex: a path
        // A token decoder or verifier (Expand-JWTInformation.ps1) reads any JWT, not the flow's.
        if (rules_names/* TOKEN_READER */.C.test(external_node_path_.posix.basename(file)))
            continue; // native-regex: a file name
        const p = packageOf(file);
        const wanted = new Set();
        for (const [a, set] of byPackage)
            if ((0,scan_context/* packagesMeet */.rQ)(a, p))
                for (const n of set)
                    wanted.add(n);
        if (!wanted.size)
            continue;
        let text;
        try {
            const buf = (0,external_node_fs_.readFileSync)(external_node_path_.posix.join(root, file));
            if (buf.length > Math.min(maxFileSize, MAX_BYTES) || buf.subarray(0, 8000).includes(0))
                continue;
            text = buf.toString('utf8');
        }
        catch {
            continue; // unreadable now: the scan reported what it could read
        }
        const offsets = [...wanted].flatMap((n) => occurrences(text, n));
        if (!offsets.length)
            continue;
        const starts = (0,match/* lineStarts */._$)(text);
        const others = covered.get(file) ?? [];
        const seen = new Set();
        for (const at of offsets.sort((a, b) => a - b)) {
            const line = (0,match/* lineOf */.cA)(starts, at);
            if (seen.has(line) || others.some((o) => o.line <= line + 1 && line + 1 <= o.endLine))
                continue;
            seen.add(line);
            const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
            const snippet = (0,match/* snippetOf */.Vv)(text.slice(starts[line], end), file);
            out.push({
                ruleId: rule.id,
                severity: rule.severity,
                file,
                line: line + 1,
                column: at - starts[line] + 1,
                endLine: line + 1,
                endColumn: end - starts[line] + 1,
                message: rule.message,
                title: rule.title,
                category: rule.category,
                fingerprint: (0,match/* fingerprint */.Rj)(rule.id, file, snippet.replace(/\s+/g, ' '), 0), // native-regex: a snippet of at most 200 characters
                fixable: false,
                snippet,
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/scan/api-indexes.ts
// The indexes of a generated API reference. A javadoc package page that documents only the JWT
// flow (com/adobe/aio/ims/util: KeyStoreUtil, PrivateKeyBuilder) is reported whole by the names
// rules; the reference's package lists (element-list, allpackages-index.html, index.html,
// package-search-index.js) name that package too and say nothing else a rule could see, so they
// are found here, after the per-file scan, from the package pages it reported.




const API_INDEX_RULE = 'docs-jwt-api-index';
const PAGE_RULE = 'docs-jwt-api-page';
/** The folder a javadoc reference is generated into, and the package path under it. */
const REFERENCE = /^(?<root>(?:.*\/)?(?:apidocs|javadoc|api-?docs))\/(?<pkg>(?:[a-z_][\w$]*\/)*[a-z_][\w$]*)\/package-summary\.html?$/i;
/** A reference's lists of its packages (javadoc 8 to 17). */
const INDEX_FILES = new Set(['element-list', 'package-list', 'allpackages-index.html', 'index.html', 'overview-summary.html', 'overview-frame.html', 'package-search-index.js']);
const api_indexes_MAX_BYTES = 2 * 1024 * 1024;
/** Where a line names the package: its page's link, or the dotted name standing alone. */
function mentions(text, dotted, link) {
    const out = [];
    for (let at = text.indexOf(link); at >= 0; at = text.indexOf(link, at + link.length))
        out.push(at);
    for (let at = text.indexOf(dotted); at >= 0; at = text.indexOf(dotted, at + dotted.length)) {
        const before = at > 0 ? text[at - 1] : '\n';
        const after = text[at + dotted.length] ?? '\n';
        // "com.adobe.aio.ims.util" in JSON, >com.adobe.aio.ims.util< in HTML, a line of element-list;
        // not com.adobe.aio.ims.utility nor a longer package's prefix.
        if (`"\n>`.includes(before) && `"\r\n<`.includes(after))
            out.push(at);
    }
    return out.sort((a, b) => a - b);
}
function apiIndexFindings(root, files, findings, maxFileSize) {
    const packages = new Map();
    for (const f of findings) {
        if (f.ruleId !== PAGE_RULE)
            continue;
        const m = REFERENCE.exec(f.file); // native-regex: a path
        if (m?.groups)
            packages.set(m.groups.root, (packages.get(m.groups.root) ?? new Set()).add(m.groups.pkg));
    }
    if (!packages.size)
        return [];
    const rule = rules/* RULES_BY_ID */.kF.get(API_INDEX_RULE);
    const out = [];
    for (const file of files) {
        const dir = external_node_path_.posix.dirname(file);
        const pkgs = packages.get(dir);
        if (!pkgs || !INDEX_FILES.has(external_node_path_.posix.basename(file)))
            continue;
        let text;
        try {
            const buf = (0,external_node_fs_.readFileSync)(external_node_path_.posix.join(root, file));
            if (buf.length > Math.min(maxFileSize, api_indexes_MAX_BYTES))
                continue;
            text = buf.toString('utf8');
        }
        catch {
            continue; // unreadable now: the scan reported what it could read
        }
        const starts = (0,match/* lineStarts */._$)(text);
        const seen = new Set();
        for (const pkg of pkgs) {
            let occurrence = 0;
            for (const at of mentions(text, pkg.replaceAll('/', '.'), `${pkg}/package-summary.html`)) {
                const line = (0,match/* lineOf */.cA)(starts, at);
                if (seen.has(line))
                    continue;
                seen.add(line);
                const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
                // A one-line index (package-search-index.js) is shown from the package's entry.
                const from = at - starts[line] > 100 ? at - 10 : starts[line];
                const snippet = (0,match/* snippetOf */.Vv)(text.slice(from, end), file);
                out.push({
                    ruleId: rule.id,
                    severity: rule.severity,
                    file,
                    line: line + 1,
                    column: at - starts[line] + 1,
                    endLine: line + 1,
                    endColumn: end - starts[line] + 1,
                    message: rule.message,
                    title: rule.title,
                    category: rule.category,
                    // The package and its place among this file's mentions: stable when other lines move.
                    fingerprint: (0,match/* fingerprint */.Rj)(rule.id, file, pkg, occurrence++),
                    fixable: false,
                    snippet,
                });
            }
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/scan/files.ts
var scan_files = __webpack_require__(5438);
// EXTERNAL MODULE: ./src/scan/regions.ts
var scan_regions = __webpack_require__(772);
// EXTERNAL MODULE: ./src/scan/worker-role.ts
var worker_role = __webpack_require__(1188);
;// CONCATENATED MODULE: ./src/scan/engine.ts












const BATCH = 256;
/**
 * Batches queued per worker: enough that a worker keeps busy while the main thread does
 * something else for a while (loads the migration engine, parses a token function).
 */
const MAX_IN_FLIGHT = 4;
/** Below this many files, threads cost more than they save. */
const INLINE_LIMIT = 2000;
function merge(into, part) {
    into.findings.push(...part.findings);
    into.skipped.push(...part.skipped);
    Object.assign(into.keyRefs, part.keyRefs);
    into.secrets.push(...part.secrets);
    into.clientIds.push(...part.clientIds);
    into.filesScanned += part.filesScanned;
    into.filesMatched += part.filesMatched;
    into.bytes += part.bytes;
    into.jwtFiles.push(...part.jwtFiles);
    Object.assign(into.located, part.located);
}
function emptyResult() {
    return { findings: [], skipped: [], keyRefs: {}, secrets: [], clientIds: [], filesScanned: 0, filesMatched: 0, bytes: 0, jwtFiles: [], located: {} };
}
/** Takes up to `size` items from an iterator. */
function take(it, size) {
    const out = [];
    while (out.length < size) {
        const r = it.next();
        if (r.done)
            break;
        out.push(r.value);
    }
    return out;
}
/**
 * Feeds batches to worker threads as the listing produces them, at most MAX_IN_FLIGHT in flight
 * per worker, so the walk, the workers' start-up and the scanning overlap.
 */
async function scanInWorkers(first, rest, opts, script, count) {
    const total = emptyResult();
    const workers = Array.from({ length: count }, () => new external_node_worker_threads_.Worker(script, { workerData: { role: worker_role/* WORKER_ROLE */.M, opts } }));
    const inFlight = new Map(workers.map((w) => [w, 0]));
    let wake;
    let failure;
    for (const w of workers) {
        w.on('message', (part) => {
            merge(total, part);
            inFlight.set(w, inFlight.get(w) - 1);
            wake?.();
        });
        w.once('error', (e) => {
            failure = e;
            wake?.();
        });
        w.once('exit', (code) => {
            if (inFlight.get(w) > 0)
                failure ??= new Error(`a scan worker stopped (exit code ${code}) before finishing its files`);
            wake?.();
        });
    }
    const idle = () => workers.find((w) => inFlight.get(w) < MAX_IN_FLIGHT);
    const waitForMessage = () => new Promise((r) => (wake = r));
    try {
        let pending = first;
        while (pending.length) {
            for (let w = idle(); w && pending.length; w = idle()) {
                w.postMessage(pending.slice(0, BATCH));
                inFlight.set(w, inFlight.get(w) + 1);
                pending = pending.slice(BATCH);
                if (pending.length < BATCH)
                    pending = pending.concat(take(rest, BATCH * 4));
            }
            if (failure)
                throw failure;
            // Every worker has its batches queued: the main thread scans one itself rather than idle
            // (it is one of the threads counted), then hands out what the workers finished meanwhile.
            if (pending.length) {
                merge(total, await (0,batch/* finishBatch */.o)((0,batch/* scanBatch */.A)(pending.slice(0, BATCH), opts)));
                pending = pending.slice(BATCH);
                if (pending.length < BATCH)
                    pending = pending.concat(take(rest, BATCH * 4));
                await new Promise((r) => setImmediate(r));
            }
        }
        while ([...inFlight.values()].some((n) => n > 0)) {
            if (failure)
                throw failure;
            await waitForMessage();
        }
        if (failure)
            throw failure;
    }
    finally {
        await Promise.all(workers.map((w) => w.terminate()));
    }
    return total;
}
/**
 * Drops supporting-line findings on a line another finding reports, or inside a region finding
 * (a token function, a docs section): the reader sees each line once.
 */
function dropCovered(findings) {
    const byFile = new Map();
    for (const f of findings)
        if (!rules/* SUPPORTING_RULES */.e2.has(f.ruleId))
            byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    let w = 0;
    for (const f of findings) {
        const others = rules/* SUPPORTING_RULES */.e2.has(f.ruleId) ? (byFile.get(f.file) ?? []) : [];
        if (!others.some((o) => o.line <= f.line && f.line <= o.endLine))
            findings[w++] = f;
    }
    findings.length = w;
}
/** What a token decoder's lines say of "jwt" (names, signing calls) is not the flow's. */
const NOT_IN_DECODERS = new Set([...rules/* SUPPORTING_RULES */.e2, 'code-jwt-library-manual', 'code-jwt-library-js', 'code-jwt-library-python']);
function dropInDecoders(findings, decoders) {
    let w = 0;
    for (const f of findings) {
        const inDecoder = NOT_IN_DECODERS.has(f.ruleId) && (decoders.get(f.file) ?? []).some((d) => d.line <= f.line && f.line <= d.endLine);
        if (!inDecoder)
            findings[w++] = f;
    }
    findings.length = w;
}
/** Disabled rules, ignored fingerprints and severity overrides from the config. */
function applyPolicy(findings, s) {
    return findings
        .filter((f) => !s.disabled.has(f.ruleId) && !s.ignoredFingerprints.has(f.fingerprint))
        .map((f) => {
        const sev = s.severity.get(f.ruleId);
        return sev ? { ...f, severity: sev } : f;
    });
}
/** With ADOBE_JWT_MIGRATE_DEBUG set, each phase's end (ms from the start) goes to stderr. */
function phase(name, started) {
    if (process.env.ADOBE_JWT_MIGRATE_DEBUG)
        process.stderr.write(`adobe-jwt-migrate: debug: ${name} done at ${Math.round(performance.now() - started)} ms\n`);
}
async function scan(settings, engine = {}) {
    const started = performance.now();
    const { files: listing, skipped: unlisted } = await (0,scan_files/* listFiles */.C)(settings.root);
    const excluded = ignore_default()().add(settings.exclude);
    const files = [];
    let listed = 0;
    // Every listed file passes here once: counted, excluded or kept (for the cross-file pass).
    const kept = (function* () {
        for (const f of listing) {
            listed++;
            if (settings.exclude.length && excluded.ignores(f))
                continue;
            files.push(f);
            yield f;
        }
    })();
    const opts = { root: settings.root, realRoot: (0,external_node_fs_.realpathSync)(settings.root), maxFileSize: settings.maxFileSize };
    const threads = engine.workers ?? (0,external_node_os_.availableParallelism)();
    const first = take(kept, INLINE_LIMIT + 1);
    // The main thread scans too, so `threads` threads are the main one and threads - 1 workers.
    const workers = engine.workerScript && threads > 1 && first.length > INLINE_LIMIT ? threads - 1 : 0;
    // Inline, the rest of the listing is scanned too (a one-thread run of a large tree once stopped
    // after the first INLINE_LIMIT files).
    // A failed warm-up is the caller's to see when it does that work itself.
    if (workers && engine.warmUp)
        engine.warmUp().catch(() => undefined);
    const raw = workers ? await scanInWorkers(first, kept, opts, engine.workerScript, workers) : await (0,batch/* finishBatch */.o)((0,batch/* scanBatch */.A)(first.concat([...kept]), opts));
    phase('file scan', started);
    const found = (0,scan_context/* applyContext */.S$)(raw.findings, files, raw.keyRefs);
    const regions = await (0,scan_regions/* regionFindings */.JB)(settings.root, found, settings.maxFileSize, raw.located);
    phase('token functions', started);
    dropInDecoders(found, regions.decoders);
    found.push(...regions.findings);
    found.push(...apiIndexFindings(settings.root, files, found, settings.maxFileSize));
    found.push(...callerFindings(settings.root, files, raw.jwtFiles, regions.names, found, settings.maxFileSize));
    phase('cross-file passes', started);
    dropCovered(found);
    const findings = applyPolicy(found, settings).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1)));
    raw.skipped.push(...unlisted);
    raw.skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
    return {
        root: settings.root,
        findings,
        skipped: raw.skipped,
        secrets: [...new Set(raw.secrets)],
        clientIds: raw.clientIds,
        stats: {
            filesListed: listed,
            filesScanned: raw.filesScanned,
            filesMatched: raw.filesMatched,
            bytesScanned: raw.bytes,
            durationMs: Math.round(performance.now() - started),
            rules: rules/* RULES */.y0.length - settings.disabled.size,
            workers,
            maxRssBytes: process.resourceUsage().maxRSS * 1024,
        },
    };
}


/***/ }),

/***/ 5438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ listFiles)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(298);
/* harmony import */ var ignore__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(ignore__WEBPACK_IMPORTED_MODULE_4__);





const run = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/** Folders never worth walking when there is no git to say what is tracked. */
const ALWAYS_SKIP = new Set(['.git', 'node_modules', '.hg', '.svn']);
async function isGitWorkTree(root) {
    try {
        const { stdout } = await run('git', ['-C', root, 'rev-parse', '--is-inside-work-tree'], { maxBuffer: 1 << 20 });
        return stdout.trim() === 'true';
    }
    catch {
        return false;
    }
}
async function gitFiles(root) {
    // Tracked plus untracked-but-not-ignored, relative to root (git prints them relative to -C).
    const { stdout } = await run('git', ['-C', root, '-c', 'core.quotepath=off', 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], { maxBuffer: 1 << 30 });
    return stdout.split('\0').filter(Boolean);
}
/** Walks the tree depth-first, honouring every .gitignore on the way, yielding files as found. */
function* walkFiles(root) {
    const stack = [{ rel: '', rules: [] }];
    while (stack.length) {
        const { rel, rules } = stack.pop();
        const abs = rel ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, rel) : root;
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(abs, { withFileTypes: true });
        }
        catch {
            continue; // unreadable folder: nothing to list
        }
        let here = rules;
        if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
            try {
                here = [...rules, { base: rel, ig: ignore__WEBPACK_IMPORTED_MODULE_4___default()().add((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(abs, '.gitignore'), 'utf8')) }];
            }
            catch {
                // unreadable .gitignore: keep the parent rules
            }
        }
        const ignored = (p, dir) => here.some(({ base, ig }) => {
            const sub = base ? p.slice(base.length + 1) : p;
            return ig.ignores(dir ? `${sub}/` : sub);
        });
        const dirs = [];
        for (const e of entries) {
            const p = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (!ALWAYS_SKIP.has(e.name) && !(here.length && ignored(p, true)))
                    dirs.push(p);
            }
            else if ((e.isFile() || e.isSymbolicLink()) && !(here.length && ignored(p, false))) {
                yield p;
            }
        }
        for (let i = dirs.length - 1; i >= 0; i--)
            stack.push({ rel: dirs[i], rules: here });
    }
}
/** Whether the enclosing repository's .gitignore rules ignore the folder itself. */
async function ignoredByEnclosingRepo(root) {
    try {
        await run('git', ['-C', root, 'check-ignore', '-q', '.']);
        return true; // exit 0: ignored
    }
    catch {
        return false;
    }
}
/** Submodule paths (gitlinks, mode 160000) of the repository at root. */
async function gitlinks(root) {
    const { stdout } = await run('git', ['-C', root, '-c', 'core.quotepath=off', 'ls-files', '-z', '--stage'], { maxBuffer: 1 << 30 });
    const out = new Set();
    for (const entry of stdout.split('\0')) {
        if (entry.startsWith('160000 '))
            out.add(entry.slice(entry.indexOf('\t') + 1));
    }
    return out;
}
function hasGit(dir) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, '.git'));
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Files to scan, as posix paths relative to root. In a git work tree: tracked plus untracked but
 * not ignored files, and the same inside submodules and nested repositories (their own tracked
 * files). A folder the user named is always scanned: when the enclosing repository ignores it
 * (a vendored tree, a second checkout), it is walked, honouring the .gitignore files inside it.
 */
async function listFiles(root) {
    if ((await isGitWorkTree(root)) && !(await ignoredByEnclosingRepo(root))) {
        try {
            const entries = await gitFiles(root);
            const links = await gitlinks(root);
            const files = [];
            const skipped = [];
            for (const entry of entries) {
                // Untracked nested repositories are listed as `dir/`; submodules as gitlinks.
                const dir = entry.endsWith('/') ? entry.slice(0, -1) : links.has(entry) ? entry : undefined;
                if (dir === undefined) {
                    files.push(entry);
                    continue;
                }
                const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, dir);
                if (!hasGit(abs)) {
                    if (links.has(entry))
                        skipped.push({ file: dir, reason: 'git submodule not checked out: run `git submodule update --init` (or `actions/checkout` with `submodules: true`) to scan it' });
                    continue;
                }
                const inner = await listFiles(abs);
                for (const f of inner.files)
                    files.push(`${dir}/${f}`);
                for (const s of inner.skipped)
                    skipped.push({ ...s, file: `${dir}/${s.file}` });
            }
            return { files, source: 'git', skipped };
        }
        catch {
            // fall back to walking (for example a repository git refuses as unsafe)
        }
    }
    // A generator: the engine scans the first files while the walk goes on.
    return { files: walkFiles(root), source: 'walk', skipped: [] };
}


/***/ })

};

//# sourceMappingURL=264.index.js.map