export const id = 18;
export const ids = [18];
export const modules = {

/***/ 4018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyPlan: () => (/* reexport */ applyPlan),
  markFixable: () => (/* reexport */ markFixable),
  planFromScan: () => (/* reexport */ planFromScan),
  planJson: () => (/* reexport */ output/* planJson */.iY),
  planMigration: () => (/* reexport */ planMigration),
  planText: () => (/* reexport */ output/* planText */.Pt),
  rewrittenRuleIds: () => (/* binding */ rewrittenRuleIds)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/paths.ts
var paths = __webpack_require__(8431);
;// CONCATENATED MODULE: ./src/migrate/apply.ts



/**
 * Where an edit may write: inside the repository once links are resolved, and not a link itself
 * (a committed link could send the write anywhere on the machine). Undefined when it may not.
 */
function safeTarget(realRoot, root, file) {
    const abs = (0,external_node_path_.join)(root, file);
    if (!(0,paths/* isInside */.FK)(realRoot, (0,paths/* realPathOf */.dN)((0,external_node_path_.dirname)(abs))))
        return undefined;
    try {
        if ((0,external_node_fs_.lstatSync)(abs).isSymbolicLink())
            return undefined;
    }
    catch {
        // not there yet: created below
    }
    return abs;
}
/**
 * Writes the plan. A file that changed since it was planned, or that a link would carry outside
 * the repository, is left alone and reported.
 */
function applyPlan(plan) {
    const conflicts = [];
    const realRoot = (0,paths/* realPathOf */.dN)(plan.root);
    for (const e of plan.edits) {
        const abs = safeTarget(realRoot, plan.root, e.file);
        if (!abs) {
            conflicts.push(e.file);
            continue;
        }
        let current = null;
        try {
            current = (0,external_node_fs_.readFileSync)(abs, 'utf8');
        }
        catch {
            current = null;
        }
        const changed = e.action === 'create' ? current !== null : e.before !== null && current !== e.before;
        if (changed) {
            conflicts.push(e.file);
            continue;
        }
        if (e.action === 'delete')
            (0,external_node_fs_.rmSync)(abs, { force: true });
        else {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(abs), { recursive: true });
            const fd = (0,external_node_fs_.openSync)(abs, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_TRUNC | (external_node_fs_.constants.O_NOFOLLOW ?? 0), 0o644);
            try {
                (0,external_node_fs_.writeSync)(fd, e.after ?? '');
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
        }
    }
    return conflicts;
}

// EXTERNAL MODULE: ./src/migrate/output.ts + 3 modules
var output = __webpack_require__(2764);
// EXTERNAL MODULE: ./src/yaml.ts
var yaml = __webpack_require__(4536);
// EXTERNAL MODULE: ./src/rules/index.ts + 4 modules
var src_rules = __webpack_require__(6499);
// EXTERNAL MODULE: ./src/scan/context.ts
var context = __webpack_require__(5570);
// EXTERNAL MODULE: ./src/scan/regions.ts
var regions = __webpack_require__(772);
// EXTERNAL MODULE: ./src/scan/engine.ts + 2 modules
var engine = __webpack_require__(7452);
// EXTERNAL MODULE: ./src/scan/files.ts
var scan_files = __webpack_require__(5438);
// EXTERNAL MODULE: ./src/scan/match.ts
var match = __webpack_require__(6288);
// EXTERNAL MODULE: ./src/languages/index.ts + 14 modules
var languages = __webpack_require__(300);
// EXTERNAL MODULE: ./src/languages/types.ts
var types = __webpack_require__(1370);
;// CONCATENATED MODULE: ./src/migrate/manual.ts
// Ready snippets for the manual steps, in the language of the file that needs the change: each
// language's entry in the registry (src/languages/) carries its token request; settings files get
// the OAuth Server-to-Server settings in their own format.


const SETTINGS = [
    ['client_id', '<client id of the OAuth Server-to-Server credential>'],
    ['client_secret', '<client secret from the Developer Console>'],
    ['scopes', '<scopes from the Developer Console, comma-separated>'],
    ['token_url', types/* IMS_TOKEN_URL */.o],
];
const HEAD = 'OAuth Server-to-Server settings (in place of the private key, metascopes and JWT endpoint)';
/** The OAuth settings in a settings file's format, by its name; undefined for other files. */
function settingsSnippet(file) {
    const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')) : name;
    if (['.properties', '.ini', '.cfg', '.conf', '.env'].includes(ext) || name.startsWith('.env')) {
        return [`# ${HEAD}`, ...SETTINGS.map(([k, v]) => `${k}=${v}`)].join('\n');
    }
    // JSON has no comments: the members alone.
    if (ext === '.json')
        return [...SETTINGS.map(([k, v], i) => `"${k}": "${v}"${i < SETTINGS.length - 1 ? ',' : ''}`)].join('\n');
    if (ext === '.yml' || ext === '.yaml')
        return [`# ${HEAD}`, ...SETTINGS.map(([k, v]) => `${k}: "${v}"`)].join('\n');
    if (ext === '.toml')
        return [`# ${HEAD}`, ...SETTINGS.map(([k, v]) => `${k} = "${v}"`)].join('\n');
    return undefined;
}
/** A workflow step of adobe/aio-apps-action that authenticates with OAuth Server-to-Server. */
const AIO_APPS_STEP = `- uses: adobe/aio-apps-action@3.3.0
  with:
    os: ubuntu-latest
    command: oauth_sts
    CLIENTID: \${{ secrets.CLIENTID }}
    CLIENTSECRET: \${{ secrets.CLIENTSECRET }}
    TECHNICALACCOUNTID: \${{ secrets.TECHNICALACCID }}
    TECHNICALACCOUNTEMAIL: \${{ secrets.TECHNICALACCEMAIL }}
    IMSORGID: \${{ secrets.IMSORGID }}
    SCOPES: \${{ vars.SCOPES }}`;
/** A workflow's environment for a token request: the OAuth secrets in place of the key's. */
const WORKFLOW_ENV = `env:
  ADOBE_CLIENT_ID: \${{ secrets.ADOBE_CLIENT_ID }}
  ADOBE_CLIENT_SECRET: \${{ secrets.ADOBE_CLIENT_SECRET }}
  ADOBE_SCOPES: \${{ vars.ADOBE_SCOPES }} # comma-separated OAuth scopes from the Developer Console`;
/**
 * The snippet for a finding's manual step: the token request in a code file's language, the
 * OAuth settings in a settings file's format; for a JWT package that code still imports, the
 * token request in the manifest's language, to put in place of the package's call; for a
 * workflow, its steps or environment with the OAuth secrets. Undefined for other findings
 * (documents, keys).
 */
function manualSnippet(file, ruleId) {
    // (A PDF Services SDK only needs its version moved: no token request to write.)
    if (ruleId.startsWith('dep-'))
        return ruleId === 'dep-pdf-services-jwt-sdk' ? undefined : (0,languages/* manifestLanguage */.ww)(file)?.tokenSnippet;
    // Workflows (run, or kept as examples): the step or the environment in OAuth's terms.
    if (ruleId.startsWith('ci-'))
        return ruleId.startsWith('ci-aio-apps-action') ? AIO_APPS_STEP : WORKFLOW_ENV;
    if (!ruleId.startsWith('code-') && !ruleId.startsWith('config-'))
        return undefined;
    const lang = (0,languages/* languageOf */.eX)(file);
    if (lang)
        return ruleId.startsWith('code-') ? lang.tokenSnippet : undefined;
    return settingsSnippet(file);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/regex.ts + 1 modules
var regex = __webpack_require__(6184);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/migrate/settle.ts



/**
 * The rule ids of `ids` that the file had findings for and that the scanner no longer reports
 * in `text`: a rewrite claims a finding only when it really made it go away.
 */
function settledIds(ctx, ids, text) {
    const left = new Set((0,match/* matchFile */.g3)(src_rules/* RULES */.y0, { path: ctx.file, text }).findings.map((f) => f.ruleId));
    // A token function's region comes from the scan's syntax pass, not from matching one file's
    // text: the plan settles it when none of its signals is left.
    return [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => ids.includes(id) && !left.has(id) && !regions/* REGION_RULES */.fX.has(id)).sort();
}

// EXTERNAL MODULE: ./src/migrate/scopes.ts
var scopes = __webpack_require__(6736);
;// CONCATENATED MODULE: ./src/migrate/spans.ts
// Span editing shared by the config rewriters (aio, workspace, pyconfigs, postman): every edit
// replaces a span located from a parse, and the rest of the file stays byte for byte as it was.






/** The JWT exchange's path in a URL, and what it becomes (every rewriter that moves a URL). */
const EXCHANGE_PATH = (0,regex/* linear */.sn)(/ims\/exchange\/(?:v1\/)?jwt\/?/g);
const TOKEN_PATH = 'ims/token/v3';
const EMAIL_PLACEHOLDER = 'REPLACE_WITH_TECHNICAL_ACCOUNT_EMAIL_FROM_DEVELOPER_CONSOLE';
const ACCOUNT_ID_PLACEHOLDER = 'REPLACE_WITH_TECHNICAL_ACCOUNT_ID_FROM_DEVELOPER_CONSOLE';
const SECRET_PLACEHOLDER = 'REPLACE_WITH_CLIENT_SECRET_FROM_DEVELOPER_CONSOLE';
/** True when the rule still reports something in this text (the harness re-scans the same way). */
function stillFlags(file, text, ruleId) {
    const rule = src_rules/* RULES_BY_ID */.kF.get(ruleId);
    return !!rule && (0,match/* matchFile */.g3)([rule], { path: file, text }).findings.length > 0;
}
function scopesStep(file, line, ruleId, choice) {
    if (choice.value !== scopes/* SCOPES_PLACEHOLDER */.cY)
        return [];
    return [{ file, line, ruleId, instructions: `Fill in the OAuth scopes: ${(0,scopes/* describeScopes */.vB)(choice)}.` }];
}
function placeholderStep(file, line, ruleId, what, placeholder) {
    return {
        file,
        line,
        ruleId,
        instructions: `Replace ${placeholder} with the ${what} of the OAuth Server-to-Server credential (Adobe Developer Console > project > credential).`,
    };
}
const JSON_SPACE = ' \t\n\r';
const VALUE_END = ' \t\n\r,]}';
/** A position-annotated tree of a valid JSON text (duplicate keys kept in order), or null. */
function parseJson(text) {
    try {
        JSON.parse(text);
    }
    catch {
        return null;
    }
    let i = 0;
    // The text parsed, so between tokens there is only JSON whitespace, and a bare value (number,
    // true, false, null) runs up to whitespace, `,`, `]` or `}`.
    const ws = () => {
        while (i < text.length && JSON_SPACE.includes(text[i]))
            i++;
    };
    const str = () => {
        const s = i;
        i++;
        while (text[i] !== '"')
            i += text[i] === '\\' ? 2 : 1;
        i++;
        return JSON.parse(text.slice(s, i));
    };
    const node = () => {
        ws();
        const start = i;
        const c = text[i];
        if (c === '{' || c === '[') {
            const n = { kind: c === '{' ? 'object' : 'array', start, end: 0, members: [], items: [] };
            i++;
            ws();
            while (text[i] !== (c === '{' ? '}' : ']')) {
                if (c === '{') {
                    const at = i;
                    const key = str();
                    ws();
                    i++; // :
                    n.members.push({ key, start: at, value: node() });
                }
                else
                    n.items.push(node());
                ws();
                if (text[i] === ',')
                    i++;
                ws();
            }
            i++;
            n.end = i;
            return n;
        }
        if (c === '"')
            str();
        else
            while (i < text.length && !VALUE_END.includes(text[i]))
                i++;
        return { kind: 'value', start, end: i, members: [], items: [], value: JSON.parse(text.slice(start, i)) };
    };
    return node();
}
function member(obj, key) {
    return obj.members.find((m) => m.key === key);
}
/** The node at a path of keys and indexes. */
function nodeAt(root, path) {
    let n = root;
    for (const p of path) {
        if (!n)
            return undefined;
        n = typeof p === 'number' ? n.items[p] : member(n, p)?.value;
    }
    return n;
}
/** Whether only blanks stand before `at` on its line (a scan back over the indent alone). */
function ownLine(text, at) {
    let i = at;
    while (i > 0 && (0,src_text/* isBlank */.z3)(text[i - 1]))
        i--;
    return i === 0 || text[i - 1] === '\n';
}
/** Removes element `idx` of an object's members or an array's items, with its comma and own lines. */
function removeElement(text, container, idx) {
    const spans = container.kind === 'object' ? container.members.map((m) => [m.start, m.value.end]) : container.items.map((n) => [n.start, n.end]);
    const [s, e] = spans[idx];
    if (idx < spans.length - 1) {
        const next = spans[idx + 1][0];
        if (ownLine(text, s) && ownLine(text, next))
            return text.slice(0, (0,src_text/* lineStartOf */.El)(text, s)) + text.slice((0,src_text/* lineStartOf */.El)(text, next));
        return text.slice(0, s) + text.slice(next);
    }
    if (idx > 0)
        return text.slice(0, spans[idx - 1][1]) + text.slice(e);
    return text.slice(0, container.start + 1) + text.slice(container.end - 1);
}
/** Inserts members (`"key": value` texts) after member `idx`, each on its own line when the object is. */
function insertMembers(text, obj, idx, entries) {
    if (!entries.length)
        return text;
    const prev = obj.members[idx];
    if (!prev) {
        // empty object or insert at the front: put them first
        const first = obj.members[0];
        if (!first)
            return text.slice(0, obj.start + 1) + entries.join(', ') + text.slice(obj.start + 1);
        const sep = ownLine(text, first.start) ? `,${(0,src_text/* eolOf */.Wl)(text)}${(0,src_text/* indentAt */.oY)(text, first.start)}` : ', ';
        return text.slice(0, first.start) + entries.join(sep) + sep + text.slice(first.start);
    }
    const sep = ownLine(text, prev.start) ? `,${(0,src_text/* eolOf */.Wl)(text)}${(0,src_text/* indentAt */.oY)(text, prev.start)}` : ', ';
    const at = prev.value.end;
    return text.slice(0, at) + entries.map((e) => sep + e).join('') + text.slice(at);
}
/** A renderer of raw JSON item texts as an array laid out like `like` (or like the object it goes in). */
function arrayStyle(text, like, memberIndent, unit) {
    const eol = (0,src_text/* eolOf */.Wl)(text);
    if (like && like.kind === 'array') {
        const inner = text.slice(like.start + 1, like.end - 1);
        if (inner.includes('\n') && like.items.length) {
            const ind = (0,src_text/* indentAt */.oY)(text, like.items[0].start);
            const close = (0,src_text/* indentAt */.oY)(text, like.end - 1);
            return (items) => `[${eol}${items.map((x) => ind + x).join(`,${eol}`)}${eol}${close}]`;
        }
        const sep = like.items.length > 1 ? text.slice(like.items[0].end, like.items[1].start) : ', ';
        const pad = (0,src_text/* isSpace */.xC)(inner[0]) ? ' ' : '';
        return (items) => `[${pad}${items.join(sep)}${pad}]`;
    }
    if (unit)
        return (items) => `[${eol}${items.map((x) => memberIndent + unit + x).join(`,${eol}`)}${eol}${memberIndent}]`;
    return (items) => `[${items.join(', ')}]`;
}
/** The indentation step of a multi-line object (member indent minus the object's line indent). */
function indentUnit(text, obj) {
    const m = obj.members[0];
    if (!m || !ownLine(text, m.start))
        return '';
    const inner = (0,src_text/* indentAt */.oY)(text, m.start);
    const outer = (0,src_text/* indentAt */.oY)(text, obj.start);
    return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : '  ';
}
/** A metascope or scope list from an array, a JSON array string or a comma/space separated string. */
function metascopeList(v) {
    if (Array.isArray(v))
        return v.filter((x) => typeof x === 'string');
    if (typeof v === 'string') {
        const t = v.trim();
        if (t.startsWith('[')) {
            try {
                return metascopeList(JSON.parse(t));
            }
            catch {
                /* not JSON: split below */
            }
        }
        return (0,src_text/* listItems */.Dw)(t);
    }
    return [];
}
/** Test code: a tests folder, or a file named as a test (`test_x.py`, `x_test.go`, `x.spec.ts`). */
const TEST_PATH = (0,regex/* linear */.sn)(/(?:^|\/)(?:__tests__|tests?|spec|e2e)\/|(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go)$|\.(?:test|spec)\.[cm]?[jt]sx?$/);

;// CONCATENATED MODULE: ./src/migrate/rewriters/aio.ts
// aio-lib-ims contexts (.aio JSON, .env variables, App Builder manifest inputs) move from JWT to
// OAuth Server-to-Server. aio-lib-ims tries its JWT plugin first while private_key/meta_scopes are
// present, so those keys are removed, not only joined by the OAuth ones.









// ---------------------------------------------------------------------------------------------
// .aio JSON: ims.contexts.<name> and the older $ims.<name>
const AIO_RULE = 'config-aio-jwt-context';
const JWT_ONLY = ['private_key', 'passphrase'];
function contextPaths(root) {
    const out = [];
    const ctxs = nodeAt(root, ['ims', 'contexts']);
    for (const m of ctxs?.kind === 'object' ? ctxs.members : [])
        out.push(['ims', 'contexts', m.key]);
    const legacy = nodeAt(root, ['$ims']);
    for (const m of legacy?.kind === 'object' ? legacy.members : [])
        out.push(['$ims', m.key]);
    return out.filter((p) => {
        const o = nodeAt(root, p);
        return o?.kind === 'object' && (member(o, 'meta_scopes') || member(o, 'private_key'));
    });
}
/** One edit on one context, re-parsing between edits so spans never go stale. */
function migrateJsonContext(ctx, text0, path, manual) {
    let text = text0;
    const obj = () => nodeAt(parseJson(text), path);
    const o = obj();
    const keys = o.members.map((m) => m.key);
    if (new Set(keys).size !== keys.length)
        return null; // duplicate keys: which one aio reads is unclear
    const line = (0,src_text/* lineAt */.mh)(text, o.start);
    const meta = member(o, 'meta_scopes');
    const choice = ctx.scopes(meta ? metascopeList(JSON.parse(text0.slice(meta.value.start, meta.value.end))) : []);
    const unit = indentUnit(text, o);
    const memberIndent = o.members.length ? (0,src_text/* indentAt */.oY)(text, o.members[0].start) : '';
    const like = meta?.value.kind === 'array' ? meta.value : undefined;
    const arr = arrayStyle(text, like, memberIndent, unit);
    const replaceMember = (key, newKey, value) => {
        const m = member(obj(), key);
        text = `${text.slice(0, m.start)}${JSON.stringify(newKey)}: ${value}${text.slice(m.value.end)}`;
    };
    const remove = (key) => {
        const cur = obj();
        const idx = cur.members.findIndex((m) => m.key === key);
        if (idx >= 0)
            text = removeElement(text, cur, idx);
    };
    const insertAfter = (anchors, entry) => {
        const cur = obj();
        let idx = -1;
        for (const a of anchors) {
            idx = cur.members.findIndex((m) => m.key === a);
            if (idx >= 0)
                break;
        }
        text = insertMembers(text, cur, idx >= 0 ? idx : cur.members.length - 1, [entry]);
    };
    // scopes take the place of meta_scopes, client_secrets that of client_secret
    const scopeItems = choice.value.split(',').map((s) => JSON.stringify(s));
    if (member(o, 'scopes'))
        remove('meta_scopes');
    else if (meta)
        replaceMember('meta_scopes', 'scopes', arr(scopeItems));
    else
        insertAfter(['client_id'], `"scopes": ${arr(scopeItems)}`);
    if (!member(o, 'scopes'))
        manual.push(...scopesStep(ctx.file, line, AIO_RULE, choice));
    const secret = member(o, 'client_secret');
    if (member(o, 'client_secrets'))
        remove('client_secret');
    else if (secret)
        replaceMember('client_secret', 'client_secrets', arr([text0.slice(secret.value.start, secret.value.end)]));
    else {
        insertAfter(['client_id'], `"client_secrets": ${arr([JSON.stringify(SECRET_PLACEHOLDER)])}`);
        manual.push(placeholderStep(ctx.file, line, AIO_RULE, 'client secret', SECRET_PLACEHOLDER));
    }
    for (const k of JWT_ONLY)
        remove(k);
    if (!member(o, 'technical_account_id')) {
        const techacct = member(o, 'techacct');
        const value = techacct ? text0.slice(techacct.value.start, techacct.value.end) : JSON.stringify(ACCOUNT_ID_PLACEHOLDER);
        insertAfter(['techacct', 'client_secrets'], `"technical_account_id": ${value}`);
        if (!techacct)
            manual.push(placeholderStep(ctx.file, line, AIO_RULE, 'technical account id', ACCOUNT_ID_PLACEHOLDER));
    }
    if (!member(o, 'technical_account_email')) {
        insertAfter(['technical_account_id'], `"technical_account_email": ${JSON.stringify(EMAIL_PLACEHOLDER)}`);
        manual.push(placeholderStep(ctx.file, line, AIO_RULE, 'technical account email', EMAIL_PLACEHOLDER));
    }
    return text;
}
const aioJson = {
    name: 'aio-lib-ims contexts (.aio)',
    ruleIds: [AIO_RULE],
    rewrite(ctx) {
        const root = parseJson(ctx.text);
        if (!root)
            return null;
        let text = ctx.text;
        const manual = [];
        for (const path of contextPaths(root)) {
            const next = migrateJsonContext(ctx, text, path, manual);
            if (next === null)
                return null;
            text = next;
        }
        if (text === ctx.text || stillFlags(ctx.file, text, AIO_RULE))
            return null;
        return { ruleIds: [AIO_RULE], text, manual };
    },
};
// ---------------------------------------------------------------------------------------------
// .env: AIO_ims_contexts_<Ctx>_<key> (aio app use doubles every `_` inside a key) and the upper-case
// AIO_IMS_CONTEXTS_<NAME>_<KEY> style; values that are arrays are JSON strings.
const ENV_RULE = 'config-aio-env-jwt-context';
const ENV_FILE = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|env\.(?:example|sample|template|dist))$/;
const ENV_LINE = (0,regex/* linear */.sn)(/^([ \t]*(?:export[ \t]+)?)(AIO_(?:\$ims|ims_contexts)_)(\w+?)_(client_?_id|client_?_secrets?|technical_?_account_?_(?:id|email)|meta_?_scopes|ims_?_org_?_id|private_?_key|passphrase|scopes|techacct)([ \t]*=[ \t]*)([^\r\n]*)(\r?\n?)$/i);
/** A dotenv value without its quotes, or null when unquoting would need escape handling. */
function envValue(raw) {
    const v = raw.trim();
    const quote = v[0] === '"' || v[0] === "'" ? v[0] : '';
    if (quote && v.length >= 2 && v.endsWith(quote)) {
        const inner = v.slice(1, -1);
        return quote === '"' && inner.includes('\\') ? null : inner;
    }
    if (quote || hasComment(v))
        return null;
    return v;
}
/** Whether a `#` follows whitespace somewhere in the value (`/\s#/`): an inline comment. */
function hasComment(v) {
    for (let i = v.indexOf('#', 1); i !== -1; i = v.indexOf('#', i + 1))
        if ((0,src_text/* isSpace */.xC)(v[i - 1]))
            return true;
    return false;
}
const aioEnv = {
    name: 'aio-lib-ims contexts (.env)',
    ruleIds: [ENV_RULE],
    rewrite(ctx) {
        // native-regex: a file path
        if (!ENV_FILE.test(ctx.file))
            return null; // YAML and Dockerfiles: by hand
        const lines = (0,regex/* splitLines */.uz)(ctx.text);
        const parsed = lines.map((l) => {
            const m = ENV_LINE.exec(l);
            if (!m)
                return null;
            const [lead, prefix, name, rawKey, , value] = [1, 2, 3, 4, 5, 6].map((g) => m.group(g) ?? '');
            return { lead, prefix, name, key: rawKey.toLowerCase().replaceAll('__', '_'), rawKey, value };
        });
        const groups = new Map();
        parsed.forEach((p, i) => {
            if (!p)
                return;
            const id = `${p.prefix.toLowerCase()}\0${p.name}`;
            const group = groups.get(id);
            if (group)
                group.push(i);
            else
                groups.set(id, [i]);
        });
        const out = [...lines];
        const after = new Map();
        const manual = [];
        const eol = (0,src_text/* eolOf */.Wl)(ctx.text);
        for (const idxs of groups.values()) {
            const byKey = new Map();
            for (const i of idxs) {
                if (byKey.has(parsed[i].key))
                    return null; // a key set twice: leave it to a person
                byKey.set(parsed[i].key, i);
            }
            if (!byKey.has('meta_scopes') && !byKey.has('private_key'))
                continue;
            const first = parsed[idxs[0]];
            const doubled = idxs.some((i) => parsed[i].rawKey.includes('__'));
            const upper = idxs.every((i) => parsed[i].rawKey === parsed[i].rawKey.toUpperCase());
            const keyName = (k) => {
                const s = doubled ? k.replaceAll('_', '__') : k;
                return upper ? s.toUpperCase() : s;
            };
            const lineFor = (i, k, v) => {
                const p = parsed[i] ?? first;
                const term = (0,src_text/* trailingEol */.RL)(lines[i] ?? '') || eol;
                return `${p.lead}${first.prefix}${first.name}_${keyName(k)}=${v}${term}`;
            };
            const lineNo = Math.min(...['meta_scopes', 'private_key'].filter((k) => byKey.has(k)).map((k) => byKey.get(k))) + 1;
            const last = Math.max(...idxs);
            const add = (anchor, k, v) => {
                const at = anchor ?? last;
                after.set(at, [...(after.get(at) ?? []), lineFor(at, k, v)]);
            };
            const metaAt = byKey.get('meta_scopes');
            const metas = metaAt === undefined ? [] : metascopeList(envValue(parsed[metaAt].value) ?? '');
            const choice = ctx.scopes(metas);
            const scopes = JSON.stringify(choice.value.split(','));
            if (byKey.has('scopes')) {
                if (metaAt !== undefined)
                    out[metaAt] = '';
            }
            else {
                if (metaAt !== undefined)
                    out[metaAt] = lineFor(metaAt, 'scopes', scopes);
                else
                    add(byKey.get('client_id'), 'scopes', scopes);
                manual.push(...scopesStep(ctx.file, lineNo, ENV_RULE, choice));
            }
            const secretAt = byKey.get('client_secret');
            if (byKey.has('client_secrets')) {
                if (secretAt !== undefined)
                    out[secretAt] = '';
            }
            else if (secretAt !== undefined) {
                const v = envValue(parsed[secretAt].value);
                if (v === null)
                    return null;
                out[secretAt] = lineFor(secretAt, 'client_secrets', JSON.stringify([v]));
            }
            else {
                add(byKey.get('client_id'), 'client_secrets', JSON.stringify([SECRET_PLACEHOLDER]));
                manual.push(placeholderStep(ctx.file, lineNo, ENV_RULE, 'client secret', SECRET_PLACEHOLDER));
            }
            for (const k of ['private_key', 'passphrase']) {
                const i = byKey.get(k);
                if (i === undefined)
                    continue;
                if (parsed[i].value.trimStart().startsWith('"') && envValue(parsed[i].value) === null)
                    return null; // multi-line PEM
                out[i] = '';
            }
            if (!byKey.has('technical_account_id')) {
                const t = byKey.get('techacct');
                add(t, 'technical_account_id', t !== undefined ? parsed[t].value : ACCOUNT_ID_PLACEHOLDER);
                if (t === undefined)
                    manual.push(placeholderStep(ctx.file, lineNo, ENV_RULE, 'technical account id', ACCOUNT_ID_PLACEHOLDER));
            }
            if (!byKey.has('technical_account_email')) {
                add(byKey.get('technical_account_id') ?? byKey.get('techacct'), 'technical_account_email', EMAIL_PLACEHOLDER);
                manual.push(placeholderStep(ctx.file, lineNo, ENV_RULE, 'technical account email', EMAIL_PLACEHOLDER));
            }
        }
        if (!manual.length && out.every((l, i) => l === lines[i]) && !after.size)
            return null;
        const text = out.map((l, i) => {
            const extra = after.get(i)?.join('') ?? '';
            if (!extra)
                return l;
            // a last line without a newline gets one before the lines added after it
            return l && !l.endsWith('\n') ? l + eol + extra.slice(0, extra.length - (0,src_text/* trailingEol */.RL)(extra).length) : (l ?? '') + extra;
        }).join('');
        if (stillFlags(ctx.file, text, ENV_RULE))
            return null;
        return { ruleIds: [ENV_RULE], text, manual };
    },
};
// ---------------------------------------------------------------------------------------------
// App Builder manifests: an aio-lib-ims context passed as action inputs (a mapping with client_id
// and meta_scopes/private_key). Inputs that feed the action's own JWT code are the code's business.
const INPUTS_RULE = 'config-app-builder-jwt-inputs';
function contextMaps(node, out) {
    if ((0,dist/* isMap */.jh)(node)) {
        const keys = node.items.map((p) => ((0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : ''));
        if (keys.includes('client_id') && (keys.includes('meta_scopes') || keys.includes('private_key')))
            out.push(node);
        for (const p of node.items)
            contextMaps(p.value, out);
    }
    else if ((0,dist/* isSeq */.oP)(node))
        for (const it of node.items)
            contextMaps(it, out);
    return out;
}
const ANY_VAR = (0,regex/* linear */.sn)(/^\$\{?\w+\}?$/);
/** Variables `aio app use` writes to .env (the .env rewriter renames them the same way). */
const AIO_VAR = (0,regex/* linear */.sn)(/^\$\{?AIO_(?:\$ims|ims_contexts)_\w+\}?$/i);
const META_SCOPES_KEY = (0,regex/* linear */.sn)(/meta_?_?scopes/i);
const CLIENT_SECRET_KEY = (0,regex/* linear */.sn)(/client_?_?secret\b/i);
/** The `id` of a technical account id key (the prefix is kept: no lookbehind in RE2). */
const TECHNICAL_ACCOUNT_ID_KEY = (0,regex/* linear */.sn)(/(technical_?_?account_?_?)id\b/i);
/** An aio context variable renamed from one context key to another, keeping its style. */
function renameVar(v, from, to) {
    if (!AIO_VAR.test(v) || !from.test(v))
        return null;
    return from.replace(v, to);
}
/** Line span [start, end) of a YAML pair: from its key's line to the end of its value's last line. */
function pairLines(text, p) {
    const k = p.key;
    const v = p.value;
    const start = (0,src_text/* lineStartOf */.El)(text, k.range[0]);
    let end = v?.range ? v.range[1] : k.range[1];
    while (end > start && (0,src_text/* isSpace */.xC)(text[end - 1]))
        end--;
    const nl = text.indexOf('\n', end);
    return [start, nl === -1 ? text.length : nl + 1];
}
const caseLike = (m, lower) => (m === m.toUpperCase() ? lower.toUpperCase() : lower);
const appInputs = {
    name: 'aio-lib-ims contexts (App Builder inputs)',
    ruleIds: [INPUTS_RULE],
    rewrite(ctx) {
        if (!/\.ya?ml$/.test(ctx.file))
            return null; // native-regex: a file path
        const doc = (0,yaml/* yamlDocument */.r0)(ctx.text);
        if (doc.errors.length)
            return null;
        const maps = contextMaps(doc.contents, []);
        if (!maps.length)
            return null;
        const text0 = ctx.text;
        const eol = (0,src_text/* eolOf */.Wl)(text0);
        const span = (p) => pairLines(text0, p);
        const edits = [];
        const manual = [];
        for (const map of maps) {
            const pairs = new Map(map.items.map((p) => [String(p.key.value), p]));
            if (pairs.size !== map.items.length)
                return null;
            const first = span(map.items[0]);
            const indent = (0,src_text/* indentAt */.oY)(text0, map.items[0].key.range[0]);
            const line = (0,src_text/* lineAt */.mh)(text0, first[0]);
            const scalar = (k) => {
                const v = pairs.get(k)?.value;
                return (0,dist/* isScalar */.jn)(v) && typeof v.value === 'string' ? v.value : undefined;
            };
            const entry = (k, v, at) => {
                const term = (0,src_text/* trailingEol */.RL)(text0, at[1], at[0]) || eol;
                return `${indent}${k}: ${v}${term}`;
            };
            // a one-line pair keeps what follows its value (a comment); a block value goes with its lines
            const replace = (k, newKey, v) => {
                const p = pairs.get(k);
                const s = span(p);
                const keyAt = p.key.range[0];
                const valEnd = p.value?.range?.[1] ?? s[1];
                if (newKey !== null && (0,dist/* isScalar */.jn)(p.value) && !text0.slice(keyAt, valEnd).includes('\n')) {
                    edits.push({ start: keyAt, end: valEnd, text: `${newKey}: ${v}` });
                }
                else
                    edits.push({ start: s[0], end: s[1], text: newKey === null ? '' : entry(newKey, v, s) });
            };
            const meta = pairs.get('meta_scopes');
            if (pairs.has('scopes')) {
                if (meta)
                    replace('meta_scopes', null);
            }
            else {
                const mv = scalar('meta_scopes');
                const renamed = mv && renameVar(mv, META_SCOPES_KEY, (m) => caseLike(m[0], 'scopes'));
                if (mv && ANY_VAR.test(mv) && !renamed)
                    return null; // the action's own variable: by hand
                if (meta && renamed)
                    replace('meta_scopes', 'scopes', renamed);
                else {
                    const metas = meta ? metascopeList(meta.value && meta.value.toJSON()) : [];
                    const choice = ctx.scopes(metas);
                    const v = JSON.stringify(choice.value.split(','));
                    if (meta)
                        replace('meta_scopes', 'scopes', v);
                    else
                        edits.push({ start: first[1], end: first[1], text: entry('scopes', v, first) });
                    manual.push(...scopesStep(ctx.file, line, INPUTS_RULE, choice));
                }
            }
            const secret = pairs.get('client_secret');
            if (pairs.has('client_secrets')) {
                if (secret)
                    replace('client_secret', null);
            }
            else if (secret) {
                const sv = scalar('client_secret');
                if (sv === undefined)
                    return null;
                const renamed = renameVar(sv, CLIENT_SECRET_KEY, (m) => m[0] + caseLike(m[0].slice(-1), 's'));
                if (ANY_VAR.test(sv) && !renamed)
                    return null;
                replace('client_secret', 'client_secrets', renamed ?? JSON.stringify([sv]));
            }
            else
                return null;
            for (const k of ['private_key', 'passphrase'])
                if (pairs.has(k))
                    replace(k, null);
            if (!pairs.has('technical_account_email')) {
                const idp = pairs.get('technical_account_id');
                const idv = scalar('technical_account_id');
                const renamed = idv && renameVar(idv, TECHNICAL_ACCOUNT_ID_KEY, (m) => m.group(1) + caseLike(m[0].slice(-2), 'email'));
                const at = idp ? span(idp) : first;
                edits.push({ start: at[1], end: at[1], text: entry('technical_account_email', renamed || EMAIL_PLACEHOLDER, at) });
                if (!renamed)
                    manual.push(placeholderStep(ctx.file, line, INPUTS_RULE, 'technical account email', EMAIL_PLACEHOLDER));
            }
        }
        edits.sort((a, b) => b.start - a.start || b.end - a.end);
        let text = text0;
        for (const e of edits)
            text = text.slice(0, e.start) + e.text + text.slice(e.end);
        if (text === text0)
            return null;
        // other inputs (privateKey: $PRIVATE_KEY read by the action's own code) stay findings
        return { ruleIds: settledIds(ctx, [INPUTS_RULE], text), text, manual };
    },
};
/** Manifest mappings that declare an action: its code file and its inputs. */
function actionMaps(node, out) {
    if ((0,dist/* isMap */.jh)(node)) {
        const fn = node.get('function');
        if (typeof fn === 'string' && (0,dist/* isMap */.jh)(node.get('inputs', true)))
            out.push(node);
        for (const p of node.items)
            actionMaps(p.value, out);
    }
    return out;
}
// An action input the JWT flow needed (privateKey: $PRIVATE_KEY) goes once the action's code,
// as the plan leaves it (code is planned before YAML), no longer names it: the code's own
// rewrite moved it to the OAuth keys.
const unreadInputs = {
    name: 'App Builder action inputs the code no longer reads',
    ruleIds: [INPUTS_RULE],
    rewrite(ctx) {
        if (!/\.ya?ml$/.test(ctx.file) || !ctx.current)
            return null; // native-regex: a file path
        const doc = (0,yaml/* yamlDocument */.r0)(ctx.text);
        if (doc.errors.length)
            return null;
        const text0 = ctx.text;
        const flagged = new Set((0,match/* matchFile */.g3)(src_rules/* RULES */.y0, { path: ctx.file, text: text0 }).findings.filter((f) => f.ruleId === INPUTS_RULE).map((f) => f.line));
        const edits = [];
        const dropped = []; // the variables they were given ($PRIVATE_KEY): secrets to retire
        for (const action of actionMaps(doc.contents, [])) {
            const code = ctx.current(external_node_path_.posix.join(external_node_path_.posix.dirname(ctx.file), String(action.get('function'))));
            if (code === null)
                continue;
            for (const p of action.get('inputs', true).items) {
                const key = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '';
                const [start, end] = pairLines(text0, p);
                if (!key || !flagged.has((0,src_text/* lineAt */.mh)(text0, start)) || (0,src_text/* containsWord */.oV)(code, key))
                    continue;
                edits.push({ start, end });
                const v = (0,dist/* isScalar */.jn)(p.value) ? String(p.value.value) : '';
                if (ANY_VAR.test(v))
                    dropped.push(v.replace('$', '').replace('{', '').replace('}', ''));
            }
        }
        if (!edits.length)
            return null;
        let text = text0;
        for (const e of edits.sort((a, b) => b.start - a.start))
            text = text.slice(0, e.start) + text.slice(e.end);
        return { ruleIds: settledIds(ctx, [INPUTS_RULE], text), text, secrets: { add: [], remove: dropped } };
    },
};
const aioRewriters = [aioJson, aioEnv, appInputs, unreadInputs];

// EXTERNAL MODULE: ./node_modules/typescript/lib/typescript.js
var typescript = __webpack_require__(5672);
var typescript_default = /*#__PURE__*/__webpack_require__.n(typescript);
// EXTERNAL MODULE: ./src/migrate/linear-js.ts
var linear_js = __webpack_require__(7270);
;// CONCATENATED MODULE: ./src/migrate/rewriters/code-js.ts
// JS/TS token code: @adobe/jwt-auth call sites move to a generated OAuth helper; hand-signed JWT
// exchanges become client_credentials requests. Spans come from the TypeScript parser and are
// spliced into the original text, so untouched bytes survive.








/** Applies non-overlapping splices; throws on overlap (the rewriter then leaves the file alone). */
function applySplices(text, splices) {
    const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
    let limit = Infinity;
    for (const s of sorted) {
        if (s.end > limit)
            throw new Error('overlapping edits');
        limit = s.start;
    }
    // As if applied from the last to the first (so insertions at one offset come out in reverse
    // order), joined in one pass: splicing into the whole text each time is quadratic.
    const parts = [];
    let at = 0;
    for (const s of sorted.reverse()) {
        parts.push(text.slice(at, s.start), s.text);
        at = s.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}
/** Where an offset of the text before the splices lands after them. */
function mapOffset(splices, pos) {
    let delta = 0;
    for (const s of splices)
        if (s.end <= pos)
            delta += s.text.length - (s.end - s.start);
    return pos + delta;
}
/** Removes one element of a comma-separated list (syntax-tree items) with the separator next to it. */
function dropElement(list, i) {
    if (i + 1 < list.length)
        return { start: list[i].startIndex, end: list[i + 1].startIndex, text: '' };
    if (i > 0)
        return { start: list[i - 1].endIndex, end: list[i].endIndex, text: '' };
    return { start: list[i].startIndex, end: list[i].endIndex, text: '' };
}
const METASCOPE = (0,regex/* linear */.sn)(/\bent_[a-z_]+_sdk\b|\bevent_receiver_api\b/g);
const META_SCOPES_VAR = (0,regex/* linear */.sn)(/\b([A-Z][A-Z0-9_]*?)META_?SCOPES?\b/);
const CLIENT_VAR = (0,regex/* linear */.sn)(/\b([A-Z][A-Z0-9_]*?)(?:CLIENT_ID|API_KEY|CLIENT_SECRET)\b/);
function metascopesIn(text) {
    return [...new Set([...METASCOPE.matchAll(text)].map((m) => m[0]))];
}
/** The env var for scopes, named after the file's metascope or client id variable. */
function scopesEnvName(text) {
    const meta = META_SCOPES_VAR.exec(text);
    if (meta)
        return `${meta.group(1)}SCOPES`;
    const id = CLIENT_VAR.exec(text);
    return `${id ? id.group(1) : 'ADOBE_'}SCOPES`;
}
function code_js_placeholderStep(ctx, choice, text, ruleId) {
    if (choice.value !== scopes/* SCOPES_PLACEHOLDER */.cY)
        return [];
    const at = text.indexOf(scopes/* SCOPES_PLACEHOLDER */.cY);
    const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
    return [{ file: ctx.file, line, ruleId, instructions: `Set the OAuth scopes: ${(0,scopes/* describeScopes */.vB)(choice)}.` }];
}
/** Names of JWT-only settings; an org id or client id is still needed after the migration. */
const JWT_ONLY_NAME = (0,regex/* linear */.sn)(/PRIVATE|KEY_?(?:PATH|FILE)|PASSPHRASE|TECH|META|JWT|CERT/i);
/** Env names a removed span read that the new text no longer mentions (names only). */
function droppedEnvNames(removed, text, envRe) {
    const names = new Set();
    for (const r of removed)
        for (const m of envRe.matchAll(r))
            names.add((m.group(1) ?? m.group(2)));
    return [...names].filter((n) => n && JWT_ONLY_NAME.test(n) && !(0,src_text/* containsWord */.oV)(text, n)).sort();
}
// ---------------------------------------------------------------- JS/TS helpers
const JS_ENV = (0,linear_js/* linearJs */.F)(/\b(?:process\.env|env)\.([A-Z][A-Z0-9_]*)\b|\b(?:process\.env|env)\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g);
const CLEANUP_MODULES = (0,regex/* linear */.sn)(/^(?:node:)?(?:fs|path|fs\/promises)$|^(?:jsonwebtoken|jwt-simple|jose|node-jose|jsrsasign|njwt|form-data)$/);
/** Calls that only compute a value (key loading, signing), so an unused result can go. */
const PURE_CALL = (0,regex/* linear */.sn)(/^(?:require|path\.\w+|fs\.readFileSync|fs\.promises\.readFile|fsp?\.readFile|readFileSync|readFile|jwt\.sign|jwt\.encode|sign|encode|importPKCS8|createPrivateKey|crypto\.createPrivateKey|Buffer\.from|String|Number|Math\.\w+|Date\.now|\w+\.(?:split|trim|toString|replace|join|map|filter))$/);
const IDENTIFIER = (0,regex/* linear */.sn)(/[A-Za-z_$][\w$]*/g);
const MILLISECONDS_COMMENT = (0,regex/* linear */.sn)(/^[ \t]*\/\/[^\n]*millisecond/i);
const COMMENT_LEAD = (0,regex/* linear */.sn)(/^([ \t]*\/\/ ?)[^\r\n]*/);
const PROCESS_ENV = (0,regex/* linear */.sn)(/\bprocess\.env\./);
/** `env.X` not preceded by `.` or a word character (`(?<![.\w])env\.[A-Z]`). */
const BARE_ENV = (0,regex/* linear */.sn)(/(?:^|[^.\w])env\.[A-Z]/);
const RELATIVE_JS = (0,linear_js/* linearJs */.F)(/^\.\.?\/.*\.[cm]?js$/);
function parse(file, text) {
    // native-regex: a file path
    const kind = /x$/.test(file) ? (typescript_default()).ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? (typescript_default()).ScriptKind.TS : (typescript_default()).ScriptKind.JS;
    return typescript_default().createSourceFile(file, text, (typescript_default()).ScriptTarget.Latest, true, kind);
}
function parses(file, text) {
    const sf = parse(file, text);
    return !(sf.parseDiagnostics ?? []).length;
}
function walk(node, fn) {
    fn(node);
    node.forEachChild((c) => walk(c, fn));
}
/** Span of whole lines holding [start, end) when nothing else shares them (an optional comma may follow). */
function ownLines(text, start, end) {
    let ls = start;
    while (ls > 0 && text[ls - 1] !== '\n') {
        if (!(0,src_text/* isSpace */.xC)(text[ls - 1]))
            return null;
        ls--;
    }
    // then, on the same line: `[ \t]*,?[ \t]*;?[ \t]*` and the end of the line or of the text
    let i = (0,src_text/* skipBlanks */.pw)(text, end);
    if (text[i] === ',')
        i = (0,src_text/* skipBlanks */.pw)(text, i + 1);
    if (text[i] === ';')
        i = (0,src_text/* skipBlanks */.pw)(text, i + 1);
    if (text.startsWith('\r\n', i))
        i += 2;
    else if (text[i] === '\n')
        i++;
    else if (i < text.length)
        return null;
    return { start: ls, end: i };
}
function count(text, c) {
    let n = 0;
    for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, i + 1))
        n++;
    return n;
}
function quoteOf(text) {
    return count(text, "'") >= count(text, '"') ? "'" : '"';
}
function propName(p) {
    if (!p.name)
        return undefined;
    if (typescript_default().isIdentifier(p.name) || typescript_default().isStringLiteral(p.name))
        return p.name.text;
    return undefined;
}
/**
 * How often each name is referenced other than by declarations and property names (no scope
 * analysis: over-counts, which only keeps code). One walk for all names.
 */
function refCounts(sf) {
    const counts = new Map();
    walk(sf, (node) => {
        if (!typescript_default().isIdentifier(node))
            return;
        const p = node.parent;
        if ((typescript_default().isPropertyAccessExpression(p) && p.name === node) || (typescript_default().isPropertyAssignment(p) && p.name === node))
            return;
        if ((typescript_default().isVariableDeclaration(p) || typescript_default().isFunctionDeclaration(p) || typescript_default().isBindingElement(p) || typescript_default().isImportClause(p) || typescript_default().isImportSpecifier(p) || typescript_default().isNamespaceImport(p)) && p.name === node)
            return;
        counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    });
    return counts;
}
function isPure(node) {
    if (typescript_default().isCallExpression(node)) {
        return PURE_CALL.test((0,src_text/* withoutSpaces */.eC)(node.expression.getText())) && node.arguments.every(isPure) && (!typescript_default().isPropertyAccessExpression(node.expression) || isPure(node.expression.expression));
    }
    if (typescript_default().isNewExpression(node) || typescript_default().isFunctionLike(node) || typescript_default().isDeleteExpression(node) || typescript_default().isTaggedTemplateExpression(node))
        return false;
    if (typescript_default().isBinaryExpression(node) && node.operatorToken.kind >= (typescript_default()).SyntaxKind.FirstAssignment && node.operatorToken.kind <= (typescript_default()).SyntaxKind.LastAssignment)
        return false;
    if (typescript_default().isPrefixUnaryExpression(node) || typescript_default().isPostfixUnaryExpression(node)) {
        if ([(typescript_default()).SyntaxKind.PlusPlusToken, (typescript_default()).SyntaxKind.MinusMinusToken].includes(node.operator))
            return false;
    }
    let ok = true;
    node.forEachChild((c) => {
        if (ok && !isPure(c))
            ok = false;
    });
    return ok;
}
function identifiersIn(node, out) {
    if (typeof node === 'string') {
        for (const m of IDENTIFIER.matchAll(node))
            out.add(m[0]);
        return;
    }
    walk(node, (n) => {
        if (typescript_default().isIdentifier(n))
            out.add(n.text);
    });
}
/** End of the blank line starting at `at` (`/^[ \t]*\r?\n/`), or 0. */
function blankLineAt(text, at) {
    let i = (0,src_text/* skipBlanks */.pw)(text, at);
    if (text[i] === '\r')
        i++;
    return text[i] === '\n' ? i + 1 : 0;
}
/** Whether `at` follows a line ending whose line is blank or opens a block (`/(?:\{[ \t]*|\n[ \t]*)\r?\n$/`). */
function blankLineBefore(text, at) {
    let i = at;
    if (text[i - 1] !== '\n')
        return false;
    i--;
    if (text[i - 1] === '\r')
        i--;
    while (i > 0 && (0,src_text/* isBlank */.z3)(text[i - 1]))
        i--;
    return text[i - 1] === '{' || text[i - 1] === '\n';
}
/**
 * Removes declarations that became unused: variables with pure initializers, non-exported
 * functions, and imports/requires of fs, path and JWT libraries, when their names are in
 * `candidates` (names the removed code mentioned). Repeats until nothing changes.
 */
function dropUnused(file, text, candidates, removed, force = new Set()) {
    for (let round = 0; round < 6; round++) {
        const sf = parse(file, text);
        const splices = [];
        // The walk meets nodes in source order, so a span can only overlap the spans before it by
        // starting before the end of the last one.
        let covered = 0;
        const drop = (node) => {
            const span = ownLines(text, node.getStart(sf), node.end);
            if (!span || span.start < covered)
                return;
            // First statement of a block followed by a blank line: the blank line goes too.
            // A blank line left doubled, or opening a block, goes too.
            const blank = blankLineAt(text, span.end);
            if (blank && blankLineBefore(text, span.start))
                span.end = blank;
            splices.push({ ...span, text: '' });
            covered = span.end;
            removed.push(node.getText(sf));
            identifiersIn(node, candidates);
        };
        let refs;
        const unused = (name) => candidates.has(name) && !(refs ??= refCounts(sf)).get(name);
        walk(sf, (node) => {
            if (typescript_default().isVariableStatement(node) && node.declarationList.declarations.length === 1 && !node.modifiers?.length) {
                const d = node.declarationList.declarations[0];
                if (!d.initializer || !(isPure(d.initializer) || (typescript_default().isIdentifier(d.name) && force.has(d.name.text))))
                    return;
                const req = typescript_default().isCallExpression(d.initializer) && d.initializer.expression.getText(sf) === 'require' ? d.initializer.arguments[0] : undefined;
                if (req && !(typescript_default().isStringLiteral(req) && CLEANUP_MODULES.test(req.text)))
                    return;
                const names = [];
                if (typescript_default().isIdentifier(d.name))
                    names.push(d.name.text);
                else if (typescript_default().isObjectBindingPattern(d.name))
                    for (const e of d.name.elements)
                        if (typescript_default().isIdentifier(e.name))
                            names.push(e.name.text);
                if (names.length && names.every(unused))
                    drop(node);
            }
            else if (typescript_default().isFunctionDeclaration(node) && node.name && !node.modifiers?.length && unused(node.name.text)) {
                drop(node);
            }
            else if (typescript_default().isImportDeclaration(node) && typescript_default().isStringLiteral(node.moduleSpecifier) && CLEANUP_MODULES.test(node.moduleSpecifier.text)) {
                const c = node.importClause;
                if (!c || c.isTypeOnly)
                    return;
                const names = c.name ? [c.name.text] : [];
                const nb = c.namedBindings;
                if (nb && typescript_default().isNamespaceImport(nb))
                    names.push(nb.name.text);
                if (nb && typescript_default().isNamedImports(nb))
                    for (const e of nb.elements)
                        names.push(e.name.text);
                if (names.length && names.every(unused))
                    drop(node);
            }
        });
        if (!splices.length)
            return text;
        text = applySplices(text, splices);
    }
    return text;
}
/** `x.expires_in`, `x['expires_in']`, `expires_in`, or a local alias of one. */
function isExpiresIn(node, aliases = new Set()) {
    if (typescript_default().isParenthesizedExpression(node))
        return isExpiresIn(node.expression, aliases);
    if (typescript_default().isIdentifier(node))
        return node.text === 'expires_in' || aliases.has(node.text);
    if (typescript_default().isPropertyAccessExpression(node))
        return node.name.text === 'expires_in';
    if (typescript_default().isElementAccessExpression(node))
        return typescript_default().isStringLiteral(node.argumentExpression) && node.argumentExpression.text === 'expires_in';
    return false;
}
/** `Date.now()` and its equivalents, written without whitespace. */
const NOW_MS = new Set(['Date.now()', 'newDate().getTime()', '+newDate()']);
const NOW_MS_LENGTH = Math.max(...[...NOW_MS].map((s) => s.length));
function isNowMs(node, sf) {
    // the node's text without whitespace, read no further than the longest form
    let t = '';
    for (let i = node.getStart(sf); i < node.end && t.length <= NOW_MS_LENGTH; i++)
        if (!(0,src_text/* isSpace */.xC)(sf.text[i]))
            t += sf.text[i];
    return NOW_MS.has(t);
}
/** `expires_in`, optionally quoted (`/^['"]?expires_in['"]?$/`). */
function isExpiresInName(t) {
    const quote = (c) => c === "'" || c === '"';
    const start = quote(t[0]) ? 1 : 0;
    const end = t.length > start && quote(t[t.length - 1]) ? t.length - 1 : t.length;
    return t.slice(start, end) === 'expires_in';
}
/** expires_in is now seconds: `Date.now() + expires_in` gains `* 1000`, `expires_in / 1000` loses it. */
function fixExpiresIn(sf, text) {
    const splices = [];
    const stale = new Set();
    const aliases = new Set();
    walk(sf, (n) => {
        if (typescript_default().isBindingElement(n) && n.propertyName && typescript_default().isIdentifier(n.name) && isExpiresInName(n.propertyName.getText(sf)))
            aliases.add(n.name.text);
        if (typescript_default().isVariableDeclaration(n) && typescript_default().isIdentifier(n.name) && n.initializer && isExpiresIn(n.initializer))
            aliases.add(n.name.text);
    });
    const isExp = (n) => isExpiresIn(n, aliases);
    walk(sf, (node) => {
        if (!typescript_default().isBinaryExpression(node))
            return;
        const op = node.operatorToken.kind;
        if (op === (typescript_default()).SyntaxKind.PlusToken) {
            const [now, exp] = isNowMs(node.left, sf) ? [node.left, node.right] : [node.right, node.left];
            if (!isNowMs(now, sf) || !isExp(exp))
                return;
            splices.push({ start: exp.end, end: exp.end, text: ' * 1000' });
        }
        else if (op === (typescript_default()).SyntaxKind.SlashToken && isExp(node.left) && ['1000', '1000.0'].includes(node.right.getText(sf))) {
            splices.push({ start: node.left.end, end: node.end, text: '' });
        }
        else
            return;
        // A comment line right above that still says milliseconds would now be wrong.
        const ls = (0,src_text/* lineStartOf */.El)(text, node.getStart(sf));
        const prev = text.slice((0,src_text/* lineStartOf */.El)(text, ls - 1), ls);
        if (ls > 0 && MILLISECONDS_COMMENT.test(prev) && !stale.has(ls)) {
            stale.add(ls);
            const start = (0,src_text/* lineStartOf */.El)(text, ls - 1);
            const m = COMMENT_LEAD.exec(prev);
            splices.push({ start, end: start + m[0].length, text: `${m.group(1)}IMS answers expires_in in seconds (OAuth Server-to-Server).` });
        }
    });
    return splices;
}
function scopesExpr(text, choice, envAccess, q) {
    const lit = `${q}${choice.value}${q}`;
    if (!envAccess)
        return { expr: lit };
    const env = scopesEnvName(text);
    return { expr: `${envAccess}.${env} || ${lit}`, env };
}
// ---------------------------------------------------------------- @adobe/jwt-auth
const JWT_AUTH_RULES = ['code-adobe-jwt-auth', 'code-jwt-meta-scope-claim'];
const DROP_PROPS = new Set(['technicalAccountId', 'privateKey', 'passphrase', 'metaScopes']);
const HELPER = 'adobe-oauth-token';
function helperSource(kind) {
    const ts_ = kind === 'ts';
    const head = kind === 'cjs' ? "'use strict';\n" : '';
    const types = ts_
        ? `export interface AdobeOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Comma-separated OAuth scopes (or an array). */
  scopes?: string | string[];
  /** IMS host, e.g. https://ims-na1.adobelogin.com */
  ims?: string;
  [other: string]: unknown;
}

export interface AdobeOAuthToken {
  access_token: string;
  token_type: string;
  /** Lifetime in SECONDS (the retired token exchange answered milliseconds). */
  expires_in: number;
}

`
        : `/**
 * @typedef {{clientId: string, clientSecret: string, scopes?: string | string[], ims?: string}} AdobeOAuthOptions
 * @typedef {{access_token: string, token_type: string, expires_in: number}} AdobeOAuthToken
 */

`;
    const sig = ts_
        ? 'export default async function getAdobeOAuthToken(options: AdobeOAuthOptions): Promise<AdobeOAuthToken> {'
        : `/**
 * @param {AdobeOAuthOptions} options
 * @returns {Promise<AdobeOAuthToken>} expires_in is in SECONDS (the retired token exchange answered milliseconds).
 */
${kind === 'esm' ? 'export default ' : ''}async function getAdobeOAuthToken(options) {`;
    const json = ts_ ? 'let json: Record<string, any>;' : 'let json;';
    const err = ts_ ? 'const err = new Error(`Adobe IMS token request failed (${res.status}): ${detail}`) as Error & Record<string, unknown>;' : 'const err = new Error(`Adobe IMS token request failed (${res.status}): ${detail}`);';
    const tail = kind === 'cjs' ? '\nmodule.exports = getAdobeOAuthToken;\nmodule.exports.default = getAdobeOAuthToken;\n' : '';
    return `${head}// Adobe IMS access token for OAuth Server-to-Server (client_credentials), added by adobe-jwt-migrate
// in place of @adobe/jwt-auth. It takes the same options object: clientId, clientSecret, scopes
// (comma-separated) and ims (the IMS host; else env ADOBE_IMS_HOST, else ims-na1). The old
// options of the old library (the signing key, its pass phrase, the account and org ids) are
// ignored. Needs global fetch (Node 18+).
// IMS gives no refresh token and throttles clients that ask too often: cache the token.

const DEFAULT_IMS = 'https://ims-na1.adobelogin.com';

${types}${sig}
  const { clientId, clientSecret, scopes, ims } = options || {};
  if (!clientId || !clientSecret) throw new Error('Adobe IMS: clientId and clientSecret are required');
  const host = String(ims || process.env.ADOBE_IMS_HOST || DEFAULT_IMS).replace(/\\/+$/, '');
  const scope = (Array.isArray(scopes) ? scopes.join(',') : String(scopes || '')).replace(/\\s+/g, '');
  const res = await fetch(\`\${host}/ims/token/v3\`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: String(clientId), client_secret: String(clientSecret), scope }),
  });
  const text = await res.text();
  ${json}
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  if (!res.ok || !json.access_token) {
    const detail = json.error_description || json.error || text.slice(0, 200);
    ${err}
    // Callers of @adobe/jwt-auth read these fields from the rejection.
    err.error = json.error;
    err.error_description = json.error_description;
    throw err;
  }
  return { access_token: json.access_token, token_type: json.token_type, expires_in: json.expires_in };
}
${tail}`;
}
/** Variable and function declarations by name, in source order (one walk, for every lookup). */
function declarations(sf) {
    const out = new Map();
    walk(sf, (n) => {
        if ((typescript_default().isVariableDeclaration(n) || typescript_default().isFunctionDeclaration(n)) && n.name && typescript_default().isIdentifier(n.name)) {
            const list = out.get(n.name.text);
            if (list)
                list.push(n);
            else
                out.set(n.name.text, [n]);
        }
    });
    return out;
}
/** The object literal(s) an argument evaluates to: a literal, a const, or what a local function returns. */
function optionObjects(sf, expr, byName) {
    while (typescript_default().isParenthesizedExpression(expr) || typescript_default().isAwaitExpression(expr))
        expr = expr.expression;
    if (typescript_default().isObjectLiteralExpression(expr))
        return [expr];
    const name = typescript_default().isIdentifier(expr) ? expr.text : typescript_default().isCallExpression(expr) && typescript_default().isIdentifier(expr.expression) ? expr.expression.text : null;
    if (!name)
        return null;
    const decls = byName.get(name) ?? [];
    if (decls.length !== 1)
        return null;
    const d = decls[0];
    let fn;
    if (typescript_default().isIdentifier(expr)) {
        if (!typescript_default().isVariableDeclaration(d) || !d.initializer)
            return null;
        return typescript_default().isObjectLiteralExpression(d.initializer) ? [d.initializer] : null;
    }
    if (typescript_default().isFunctionDeclaration(d))
        fn = d;
    else if (typescript_default().isVariableDeclaration(d) && d.initializer && (typescript_default().isArrowFunction(d.initializer) || typescript_default().isFunctionExpression(d.initializer)))
        fn = d.initializer;
    if (!fn?.body)
        return null;
    if (!typescript_default().isBlock(fn.body))
        return optionObjects(sf, fn.body, byName);
    const out = [];
    let ok = true;
    const visit = (n) => {
        if (typescript_default().isFunctionLike(n))
            return;
        if (typescript_default().isReturnStatement(n)) {
            const objs = n.expression && typescript_default().isObjectLiteralExpression(n.expression) ? [n.expression] : null;
            if (objs)
                out.push(...objs);
            else
                ok = false;
        }
        n.forEachChild(visit);
    };
    fn.body.forEachChild(visit);
    return ok && out.length ? out : null;
}
/** Edits one options object: drops JWT-only properties, puts `scopes` where metaScopes was (or last). */
function editOptions(text, obj, scopes, sf, removed) {
    const props = obj.properties;
    if (!props.some((p) => typescript_default().isSpreadAssignment(p) || propName(p) === 'clientId'))
        return null;
    const drop = props.filter((p) => DROP_PROPS.has(propName(p) ?? '') && !typescript_default().isMethodDeclaration(p));
    const meta = drop.find((p) => propName(p) === 'metaScopes');
    const hasScopes = props.some((p) => propName(p) === 'scopes');
    const splices = [];
    for (const p of drop)
        removed.push(p.getText(sf));
    const gone = drop.filter((p) => p !== meta || hasScopes);
    splices.push(...removeProperties(text, props, new Set(gone), sf));
    if (hasScopes)
        return splices;
    if (meta) {
        splices.push({ start: meta.getStart(sf), end: meta.end, text: `scopes: ${scopes}` });
        return splices;
    }
    const add = appendProperty(text, obj, `scopes: ${scopes}`, sf);
    return add ? [...splices, ...add] : null;
}
/**
 * Removes `gone` from an object's properties (or an array's elements): whole lines when each
 * stands on its own, else runs of neighbours together with one separator.
 */
function removeProperties(text, props, gone, sf) {
    const splices = [];
    const each = [...gone];
    if (each.every((p) => ownLines(text, p.getStart(sf), p.end))) {
        for (const p of each)
            splices.push({ ...ownLines(text, p.getStart(sf), p.end), text: '' });
        return splices;
    }
    const dropped = props.map((p) => gone.has(p));
    for (let i = 0; i < props.length; i++) {
        if (!dropped[i])
            continue;
        let j = i;
        while (j + 1 < props.length && dropped[j + 1])
            j++;
        if (j + 1 < props.length)
            splices.push({ start: props[i].getStart(sf), end: props[j + 1].getStart(sf), text: '' });
        else if (i > 0)
            splices.push({ start: props[i - 1].end, end: props[j].end, text: '' });
        else
            splices.push({ start: props[i].getStart(sf), end: props[j].end, text: '' });
        i = j;
    }
    return splices;
}
/** Adds `entry` after an object's last property, on its own line when the object spans lines. */
function appendProperty(text, obj, entry, sf) {
    const last = obj.properties[obj.properties.length - 1];
    if (!last)
        return null;
    if (ownLines(text, last.getStart(sf), last.end) && text.slice(obj.getStart(sf), obj.end).includes('\n')) {
        const comma = text[(0,src_text/* skipBlanks */.pw)(text, last.end)] === ',' ? '' : ',';
        const lineEnd = text.indexOf('\n', last.end);
        if (lineEnd < 0)
            return null;
        return [
            { start: last.end, end: last.end, text: comma },
            { start: lineEnd + 1, end: lineEnd + 1, text: `${(0,src_text/* indentAt */.oY)(text, last.getStart(sf))}${entry},${(0,src_text/* eolOf */.Wl)(text)}` },
        ];
    }
    return [{ start: last.end, end: last.end, text: `, ${entry}` }];
}
function rewriteJwtAuth(ctx) {
    const { file } = ctx;
    const sf = parse(file, ctx.text);
    let local;
    let spec;
    let esm = false;
    let mentions = 0;
    walk(sf, (n) => {
        if (typescript_default().isStringLiteralLike(n) && n.text === '@adobe/jwt-auth')
            mentions++;
    });
    for (const st of sf.statements) {
        if (typescript_default().isVariableStatement(st) && st.declarationList.declarations.length === 1) {
            const d = st.declarationList.declarations[0];
            const init = d.initializer;
            if (init && typescript_default().isCallExpression(init) && init.expression.getText(sf) === 'require' && init.arguments.length === 1) {
                const a = init.arguments[0];
                if (typescript_default().isStringLiteral(a) && a.text === '@adobe/jwt-auth' && typescript_default().isIdentifier(d.name))
                    [local, spec] = [d.name.text, a];
            }
        }
        else if (typescript_default().isImportDeclaration(st) && typescript_default().isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text === '@adobe/jwt-auth') {
            const c = st.importClause;
            if (c?.name && !c.namedBindings && !c.isTypeOnly)
                [local, spec, esm] = [c.name.text, st.moduleSpecifier, true];
        }
    }
    if (!local || !spec || mentions !== 1)
        return null;
    const hasEsmSyntax = sf.statements.some((s) => typescript_default().isImportDeclaration(s) || typescript_default().isExportDeclaration(s) || typescript_default().isExportAssignment(s) || (typescript_default().canHaveModifiers(s) && typescript_default().getModifiers(s)?.some((m) => m.kind === (typescript_default()).SyntaxKind.ExportKeyword)));
    // Every use of the binding must be a call with one options argument we can find.
    const calls = [];
    let stray = false;
    walk(sf, (n) => {
        if (!typescript_default().isIdentifier(n) || n.text !== local)
            return;
        const p = n.parent;
        if ((typescript_default().isVariableDeclaration(p) || typescript_default().isImportClause(p)) && p.name === n)
            return;
        if ((typescript_default().isPropertyAccessExpression(p) && p.name === n) || (typescript_default().isPropertyAssignment(p) && p.name === n))
            return;
        if (typescript_default().isCallExpression(p) && p.expression === n && p.arguments.length === 1)
            calls.push(p);
        else
            stray = true;
    });
    if (stray || !calls.length)
        return null;
    const objects = new Map();
    const byName = declarations(sf);
    for (const c of calls) {
        const objs = optionObjects(sf, c.arguments[0], byName);
        if (!objs)
            return null;
        for (const o of objs)
            objects.set(o.pos, o);
    }
    if (![...objects.values()].every((o) => o.properties.some((p) => typescript_default().isSpreadAssignment(p) || propName(p) === 'clientId')))
        return null;
    const text = ctx.text;
    const q = spec.getText(sf)[0];
    const metas = [];
    for (const o of objects.values()) {
        const m = o.properties.find((p) => propName(p) === 'metaScopes');
        metas.push(...metascopesIn(m ? m.getText(sf) : ''));
    }
    const choice = ctx.scopes(metas.length ? [...new Set(metas)] : metascopesIn(text));
    const objText = [...objects.values()].map((o) => o.getText(sf)).join('\n');
    const envAccess = PROCESS_ENV.test(objText) ? 'process.env' : BARE_ENV.test(objText) ? 'env' : null;
    const scopes = scopesExpr(objText, choice, envAccess, q);
    const removed = [];
    const splices = [];
    for (const o of objects.values()) {
        const s = editOptions(text, o, scopes.expr, sf, removed);
        if (!s)
            return null;
        splices.push(...s);
    }
    const ext = external_node_path_.posix.extname(file);
    const isTs = /^\.[cm]?tsx?$/.test(ext); // native-regex: a file extension
    let helperFile;
    let kind;
    let specText;
    if (isTs && esm) {
        kind = 'ts';
        const mts = ext === '.mts';
        helperFile = `${HELPER}${mts ? '.mts' : '.ts'}`;
        const withJs = mts || sf.statements.some((s) => typescript_default().isImportDeclaration(s) && typescript_default().isStringLiteral(s.moduleSpecifier) && RELATIVE_JS.test(s.moduleSpecifier.text));
        specText = `./${HELPER}${withJs ? (mts ? '.mjs' : '.js') : ''}`;
    }
    else if (esm || ext === '.mjs' || (hasEsmSyntax && !isTs)) {
        if (!esm)
            return null; // require() inside an ES module: leave it to a person
        kind = 'esm';
        helperFile = `${HELPER}${ext === '.mjs' ? '.mjs' : '.js'}`;
        specText = `./${helperFile}`;
    }
    else {
        kind = 'cjs';
        helperFile = `${HELPER}${ext === '.cjs' ? '.cjs' : '.js'}`;
        specText = `./${HELPER}${ext === '.cjs' ? '.cjs' : ''}`;
    }
    splices.push({ start: spec.getStart(sf), end: spec.end, text: `${q}${specText}${q}` });
    let out = applySplices(text, splices);
    const candidates = new Set();
    for (const r of removed)
        identifiersIn(r, candidates);
    out = dropUnused(file, out, candidates, removed);
    const after = parse(file, out);
    out = applySplices(out, fixExpiresIn(after, out));
    if (!parses(file, out))
        return null;
    const ids = settledIds(ctx, JWT_AUTH_RULES, out);
    if (!ids.includes('code-adobe-jwt-auth'))
        return null;
    const dir = external_node_path_.posix.dirname(file);
    return {
        ruleIds: ids,
        text: out,
        create: [{ file: dir === '.' ? helperFile : external_node_path_.posix.join(dir, helperFile), content: helperSource(kind) }],
        manual: code_js_placeholderStep(ctx, choice, out, 'code-adobe-jwt-auth'),
        secrets: { add: scopes.env ? [scopes.env] : [], remove: droppedEnvNames(removed, out, JS_ENV) },
    };
}
// ---------------------------------------------------------------- hand-signed JWT exchange
const SIGN_RULES = ['code-jwt-library-js', 'code-ims-jwt-exchange', 'code-jwt-token-form-field', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim'];
const SIGNS = (0,linear_js/* linearJs */.F)(/\b(?:jwt|jsonwebtoken|jws|JWT)\.(?:sign|encode)\s*\(|\bnew\s+SignJWT\b|\bKJUR\.jws\.JWS\.sign\s*\(|\.sign\s*\(/);
/** The value posted as jwt_token must be made here by signing: a local variable or a local signing function. */
function signedLocally(sf, value, byName) {
    while (typescript_default().isAwaitExpression(value) || typescript_default().isParenthesizedExpression(value))
        value = value.expression;
    const name = typescript_default().isIdentifier(value) ? value.text : typescript_default().isCallExpression(value) && typescript_default().isIdentifier(value.expression) ? value.expression.text : null;
    if (!name)
        return false;
    let ok = false;
    for (const n of byName.get(name) ?? []) {
        if (typescript_default().isVariableDeclaration(n) && n.initializer) {
            const init = n.initializer;
            if (SIGNS.test(init.getText(sf)))
                ok = true;
            else if (typescript_default().isArrowFunction(init) || typescript_default().isFunctionExpression(init))
                ok = SIGNS.test(init.getText(sf));
            else
                ok = ok || signedLocally(sf, init, byName);
        }
        if (typescript_default().isFunctionDeclaration(n) && SIGNS.test(n.getText(sf)))
            ok = true;
    }
    return ok;
}
function rewriteSigned(ctx) {
    const { file, text } = ctx;
    if (!EXCHANGE_PATH.test(text))
        return null;
    const sf = parse(file, text);
    const q = quoteOf(text);
    const eol = (0,src_text/* eolOf */.Wl)(text);
    const objSites = [];
    const callSites = [];
    const urls = [];
    walk(sf, (n) => {
        if (typescript_default().isPropertyAssignment(n) && propName(n) === 'jwt_token')
            objSites.push(n);
        if (typescript_default().isExpressionStatement(n) && typescript_default().isCallExpression(n.expression)) {
            const c = n.expression;
            const a = c.arguments[0];
            if (typescript_default().isPropertyAccessExpression(c.expression) && ['append', 'set'].includes(c.expression.name.text) && a && typescript_default().isStringLiteral(a) && a.text === 'jwt_token')
                callSites.push(n);
        }
        if ((typescript_default().isStringLiteral(n) || typescript_default().isNoSubstitutionTemplateLiteral(n) || typescript_default().isTemplateHead(n) || typescript_default().isTemplateMiddle(n) || typescript_default().isTemplateTail(n)) && EXCHANGE_PATH.test(n.getText(sf)))
            urls.push(n);
    });
    if (objSites.length + callSites.length !== 1 || !urls.length)
        return null;
    const splices = [];
    const removed = [];
    const candidates = new Set();
    const site = objSites[0];
    const value = site ? site.initializer : callSites[0].expression.arguments[1];
    if (!value || !signedLocally(sf, value, declarations(sf)))
        return null;
    if (site) {
        const names = site.parent.properties.map(propName);
        if (!names.includes('client_id') || !names.includes('client_secret'))
            return null;
    }
    const choice = ctx.scopes(metascopesIn(text));
    const scopes = scopesExpr(text, choice, PROCESS_ENV.test(text) ? 'process.env' : null, q);
    if (site) {
        const keyQ = typescript_default().isStringLiteral(site.name) ? site.name.getText(sf)[0] : '';
        const fields = [`${keyQ}grant_type${keyQ}: ${q}client_credentials${q}`, `${keyQ}scope${keyQ}: ${scopes.expr}`];
        const own = ownLines(text, site.getStart(sf), site.end);
        const sep = own ? `,${eol}${(0,src_text/* indentAt */.oY)(text, site.getStart(sf))}` : ', ';
        splices.push({ start: site.getStart(sf), end: site.end, text: fields.join(sep) });
    }
    else {
        const st = callSites[0];
        const call = st.expression;
        const access = call.expression;
        const recv = access.expression.getText(sf);
        const method = access.name.text;
        const sent = new Set();
        walk(sf, (n) => {
            if (typescript_default().isCallExpression(n) && typescript_default().isPropertyAccessExpression(n.expression) && n.expression.expression.getText(sf) === recv && typescript_default().isStringLiteral(n.arguments[0] ?? n))
                sent.add(n.arguments[0].text);
        });
        if (!sent.has('client_id') || !sent.has('client_secret') || call.arguments.length !== 2)
            return null;
        const ind = (0,src_text/* indentAt */.oY)(text, st.getStart(sf));
        const semi = st.getText(sf).endsWith(';') ? ';' : '';
        splices.push({ start: st.getStart(sf), end: st.end, text: `${recv}.${method}(${q}grant_type${q}, ${q}client_credentials${q})${semi}${eol}${ind}${recv}.${method}(${q}scope${q}, ${scopes.expr})${semi}` });
        // A multipart FormData body becomes urlencoded, as /ims/token/v3 expects.
        let formData = false;
        walk(sf, (n) => {
            if (typescript_default().isVariableDeclaration(n) && n.name.getText(sf) === recv && n.initializer && typescript_default().isNewExpression(n.initializer) && n.initializer.expression.getText(sf) === 'FormData') {
                formData = true;
                splices.push({ start: n.initializer.getStart(sf), end: n.initializer.end, text: 'new URLSearchParams()' });
                candidates.add('FormData');
            }
        });
        if (formData) {
            let bad = false;
            walk(sf, (n) => {
                if (!typescript_default().isCallExpression(n) || !typescript_default().isPropertyAccessExpression(n.expression) || n.expression.expression.getText(sf) !== recv)
                    return;
                const m = n.expression.name.text;
                if (m === 'getHeaders')
                    splices.push({ start: n.getStart(sf), end: n.end, text: `{ ${q}Content-Type${q}: ${q}application/x-www-form-urlencoded${q} }` });
                else if (m !== 'append' || n.arguments.length !== 2)
                    bad = true; // files, getBuffer(), pipe(): not a plain form
            });
            if (bad)
                return null;
        }
        removed.push(st.getText(sf));
    }
    removed.push(value.getText(sf));
    identifiersIn(value, candidates);
    for (const u of urls) {
        const t = u.getText(sf);
        splices.push({ start: u.getStart(sf), end: u.end, text: EXCHANGE_PATH.replace(t, TOKEN_PATH) });
    }
    splices.push(...fixExpiresIn(sf, text));
    let out = applySplices(text, splices);
    // The signed token's own declaration goes even though signing is not a "pure" call.
    const force = new Set(typescript_default().isIdentifier(value) ? [value.text] : []);
    out = dropUnused(file, out, candidates, removed, force);
    if (!parses(file, out))
        return null;
    const ids = settledIds(ctx, SIGN_RULES, out);
    if (!ids.includes('code-ims-jwt-exchange') && !ids.includes('code-jwt-token-form-field'))
        return null;
    return {
        ruleIds: ids,
        text: out,
        manual: code_js_placeholderStep(ctx, choice, out, ids[0]),
        secrets: { add: scopes.env ? [scopes.env] : [], remove: droppedEnvNames(removed, out, JS_ENV) },
    };
}
// ---------------------------------------------------------------- aio-lib-ims contexts in code
// A context object literal (`context.set(name, {...})`, a store fixture, a config builder) moves
// to the OAuth Server-to-Server keys aio-lib-ims reads: client_secrets, scopes and
// technical_account_email; private_key and passphrase go, since aio-lib-ims picks its JWT plugin
// while they are there.
const AIO_CONTEXT_RULE = 'code-aio-ims-jwt-context';
const CONTEXT_KEYS = new Set(['client_id', 'ims_org_id', 'technical_account_id']);
const JWT_KEYS = new Set(['meta_scopes', 'private_key', 'passphrase', 'client_secret']);
/** Whether code reads a JWT key off an object (`ctx.meta_scopes`, `ctx['private_key']`). */
function readsJwtKey(sf) {
    let reads = false;
    walk(sf, (n) => {
        if (typescript_default().isPropertyAccessExpression(n) && JWT_KEYS.has(n.name.text))
            reads = true;
        else if (typescript_default().isElementAccessExpression(n) && typescript_default().isStringLiteralLike(n.argumentExpression) && JWT_KEYS.has(n.argumentExpression.text))
            reads = true;
    });
    return reads;
}
function contextEdits(ctx, text, obj, sf, removed, manual, choices) {
    const props = obj.properties;
    const named = (k) => props.find((p) => propName(p) === k);
    const assigned = (p) => p && (typescript_default().isPropertyAssignment(p) || typescript_default().isShorthandPropertyAssignment(p));
    const q = quoteOf(text);
    const line = sf.getLineAndCharacterOfPosition(obj.getStart(sf)).line + 1;
    const splices = [];
    const gone = props.filter((p) => ['private_key', 'passphrase'].includes(propName(p) ?? ''));
    if (!gone.every(assigned))
        return null;
    const meta = named('meta_scopes');
    const listed = meta && typescript_default().isPropertyAssignment(meta) && typescript_default().isArrayLiteralExpression(meta.initializer) ? meta.initializer.getText(sf) : '';
    const choice = ctx.scopes(metascopesIn(listed));
    const items = choice.value.split(',').map((s) => `${q}${s}${q}`);
    let scopes = `[${items.join(', ')}]`;
    if (meta && typescript_default().isPropertyAssignment(meta) && typescript_default().isArrayLiteralExpression(meta.initializer) && listed.includes('\n')) {
        // A list written one item a line stays so.
        const arr = meta.initializer;
        const first = arr.elements[0];
        const inner = first ? (0,src_text/* indentAt */.oY)(text, first.getStart(sf)) : `${(0,src_text/* indentAt */.oY)(text, meta.getStart(sf))}  `;
        const comma = arr.elements.hasTrailingComma || !first ? ',' : '';
        const eol = (0,src_text/* eolOf */.Wl)(text);
        scopes = `[${eol}${items.map((i) => `${inner}${i}`).join(`,${eol}`)}${comma}${eol}${(0,src_text/* indentAt */.oY)(text, meta.getStart(sf))}]`;
    }
    if (meta && !assigned(meta))
        return null;
    if (meta && named('scopes'))
        gone.push(meta);
    for (const p of gone)
        removed.push(p.getText(sf));
    splices.push(...removeProperties(text, props, new Set(gone), sf));
    const adds = [];
    if (meta && !named('scopes')) {
        removed.push(meta.getText(sf));
        splices.push({ start: meta.getStart(sf), end: meta.end, text: `scopes: ${scopes}` });
        choices.push(choice);
    }
    else if (!named('scopes')) {
        adds.push(`scopes: ${scopes}`);
        choices.push(choice);
    }
    const secret = named('client_secret');
    if (secret && !named('client_secrets')) {
        if (!assigned(secret))
            return null;
        const value = typescript_default().isPropertyAssignment(secret) ? secret.initializer.getText(sf) : 'client_secret';
        splices.push({ start: secret.getStart(sf), end: secret.end, text: `client_secrets: [${value}]` });
    }
    const oauth = named('oauth_enabled');
    if (oauth && typescript_default().isPropertyAssignment(oauth) && oauth.initializer.kind === (typescript_default()).SyntaxKind.FalseKeyword) {
        splices.push({ start: oauth.initializer.getStart(sf), end: oauth.initializer.end, text: 'true' });
    }
    if (!named('technical_account_email')) {
        adds.push(`technical_account_email: ${q}${EMAIL_PLACEHOLDER}${q}`);
        manual.push(placeholderStep(ctx.file, line, AIO_CONTEXT_RULE, 'technical account email', EMAIL_PLACEHOLDER));
    }
    for (const entry of adds) {
        const add = appendProperty(text, obj, entry, sf);
        if (!add)
            return null;
        splices.push(...add);
    }
    return splices;
}
const PARAM_READ = (0,regex/* linear */.sn)(/\b([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)/g);
/**
 * The names of inputs the removed keys read (`params.privateKey`), taken out of a list that names
 * inputs to check (`requiredParams = ['apiKey', 'privateKey']`, as App Builder's templates
 * write it) once nothing reads them: the action would otherwise refuse to run without them.
 */
function dropUnreadParams(file, before, text, removed) {
    const unread = new Map();
    for (const r of removed) {
        for (const m of PARAM_READ.matchAll(r)) {
            const [obj, name] = [m.group(1), m.group(2)];
            if (!(0,src_text/* containsWord */.oV)(text, `${obj}.${name}`) && !text.includes(`${obj}['${name}']`) && !text.includes(`${obj}["${name}"]`)) {
                unread.set(obj, (unread.get(obj) ?? new Set()).add(name));
            }
        }
    }
    if (!unread.size)
        return text;
    const sf = parse(file, text);
    const splices = [];
    walk(sf, (n) => {
        if (!typescript_default().isArrayLiteralExpression(n) || !n.elements.length || !n.elements.every((typescript_default()).isStringLiteral))
            return;
        const names = n.elements.map((e) => e.text);
        // Every element is an input the original read: the list names inputs.
        for (const [obj, gone] of unread) {
            if (!names.every((x) => (0,src_text/* containsWord */.oV)(before, `${obj}.${x}`) || gone.has(x)))
                continue;
            const drop = new Set(n.elements.filter((e) => gone.has(e.text)));
            if (drop.size && drop.size < names.length)
                splices.push(...removeProperties(text, n.elements, drop, sf));
        }
    });
    try {
        return applySplices(text, splices);
    }
    catch {
        return text;
    }
}
// A file that also builds JWT claims is JWT machinery (a legacy config converter, its tests):
// converting its contexts alone would mix the flows.
const CLAIM_RULES = new Set(['code-jwt-meta-scope-claim', 'code-jwt-audience-claim']);
function rewriteAioContext(ctx) {
    if (ctx.findings.some((f) => CLAIM_RULES.has(f.ruleId)))
        return null;
    const sf = parse(ctx.file, ctx.text);
    if (readsJwtKey(sf))
        return null; // code built around the JWT keys: the plugin's own logic
    const objects = [];
    walk(sf, (n) => {
        if (!typescript_default().isObjectLiteralExpression(n))
            return;
        const keys = n.properties.map(propName);
        if (keys.some((k) => k && CONTEXT_KEYS.has(k)) && keys.some((k) => k === 'meta_scopes' || k === 'private_key'))
            objects.push(n);
    });
    if (!objects.length)
        return null;
    const splices = [];
    const removed = [];
    const manual = [];
    const choices = [];
    for (const obj of objects) {
        const edits = contextEdits(ctx, ctx.text, obj, sf, removed, manual, choices);
        if (!edits)
            return null;
        splices.push(...edits);
    }
    let out;
    try {
        out = applySplices(ctx.text, splices);
    }
    catch {
        return null; // nested contexts: leave them to a person
    }
    const candidates = new Set();
    for (const r of removed)
        identifiersIn(r, candidates);
    out = dropUnused(ctx.file, out, candidates, removed);
    out = dropUnreadParams(ctx.file, ctx.text, out, removed);
    if (!parses(ctx.file, out))
        return null;
    const unknown = choices.find((c) => c.value === scopes/* SCOPES_PLACEHOLDER */.cY);
    if (unknown)
        manual.unshift(...code_js_placeholderStep(ctx, unknown, out, AIO_CONTEXT_RULE));
    if (TEST_PATH.test(ctx.file)) {
        manual.push({
            file: ctx.file,
            line: sf.getLineAndCharacterOfPosition(objects[0].getStart(sf)).line + 1,
            ruleId: AIO_CONTEXT_RULE,
            instructions: 'Test contexts now use the OAuth Server-to-Server keys. Tests that checked JWT-only behaviour (metascopes, private key) test a path the code no longer needs: delete them or assert the OAuth checks instead.',
        });
    }
    return {
        ruleIds: settledIds(ctx, [AIO_CONTEXT_RULE], out),
        text: out,
        manual,
        secrets: { add: [], remove: droppedEnvNames(removed, out, JS_ENV) },
    };
}
const codeJsRewriters = [
    {
        name: 'JS/TS @adobe/jwt-auth',
        ruleIds: ['code-adobe-jwt-auth'],
        rewrite: (ctx) => (/\.[cm]?[jt]sx?$/.test(ctx.file) ? rewriteJwtAuth(ctx) : null), // native-regex: a file path
    },
    {
        name: 'JS/TS signed JWT exchange',
        ruleIds: ['code-jwt-library-js', 'code-ims-jwt-exchange', 'code-jwt-token-form-field'],
        rewrite: (ctx) => (/\.[cm]?[jt]sx?$/.test(ctx.file) ? rewriteSigned(ctx) : null), // native-regex: a file path
    },
    {
        name: 'JS/TS aio-lib-ims context objects',
        ruleIds: [AIO_CONTEXT_RULE],
        rewrite: (ctx) => (/\.[cm]?[jt]sx?$/.test(ctx.file) ? rewriteAioContext(ctx) : null), // native-regex: a file path
    },
];

;// CONCATENATED MODULE: ./src/migrate/rewriters/code-python.ts
// Python that signs the JWT itself (PyJWT) and posts jwt_token to the exchange: the form fields
// become grant_type/scope, the URL /ims/token/v3, and the claims, key reading and signing go.
// No Python parser in Node: a small tokenizer (strings, comments, brackets) finds statement
// spans, and only recognisable shapes are edited; anything else stays a manual step.






const RULES = ['code-jwt-library-python', 'code-ims-jwt-exchange', 'code-jwt-token-form-field', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim'];
const PY_ENV = (0,linear_js/* linearJs */.F)(/os\.(?:environ(?:\.get)?\s*[[(]|getenv\s*\()\s*['"]([A-Z][A-Z0-9_]*)['"]/g);
/** The `'jwt_token':` key of the token request's form (`(['"])jwt_token\1`: no backreference in RE2). */
const JWT_TOKEN_FIELD = (0,regex/* linear */.sn)(/(?:'jwt_token'|"jwt_token")[ \t]*:[ \t]*/g);
/** The value posted: a name or a call with simple arguments. */
const FIELD_VALUE = (0,regex/* linear */.sn)(/^(\w+)(?:\(([^()\n]*)\))?/);
const CLIENT_ID_KEY = (0,linear_js/* linearJs */.F)(/['"]client_id['"]\s*:/);
const code_python_CLIENT_SECRET_KEY = (0,linear_js/* linearJs */.F)(/['"]client_secret['"]\s*:/);
const JWT_ENCODE = (0,linear_js/* linearJs */.F)(/\bjwt\.encode\s*\(/);
const JWT_ENCODE_RHS = (0,linear_js/* linearJs */.F)(/^\s*jwt\.encode\s*\(/);
/** The claims and key names of `jwt.encode(claims, key, ...)`. */
const JWT_ENCODE_ARGS = (0,linear_js/* linearJs */.F)(/jwt\.encode\s*\(\s*(\w+)\s*,\s*(\w+)\s*[,)]/);
const IMPORTS_OS = (0,regex/* linear */.sn)(/^import os\b|^import [\w, ]*\bos\b/m);
const OS_ENV = (0,regex/* linear */.sn)(/\bos\.(?:environ|getenv)\b/);
const OS_ENVIRON = (0,regex/* linear */.sn)(/\bos\.environ\b/);
const WITH_OPEN = (0,regex/* linear */.sn)(/^([ \t]*)with[ \t]+open\([^\n]*\)[ \t]+as[ \t]+(\w+)[ \t]*:[ \t]*\r?\n$/);
/** `expires_in / 1000` in its spellings: group 1 the value, group 2 the division. */
const EXPIRES_IN_MS = (0,linear_js/* linearJs */.F)(/((?:\w+(?:\.\w+)*(?:\([^()\n]*\))?)?(?:\[\s*['"]expires_in['"]\s*\]|\.get\(\s*['"]expires_in['"][^()\n]*\))|\bexpires_in\b)([ \t]*\/[ \t]*1000(?:\.0)?)\b/g);
const code_python_MILLISECONDS_COMMENT = (0,regex/* linear */.sn)(/^([ \t]*#[ \t]?)([^\r\n]*millisecond[^\r\n]*)/i);
const CONSTANT_NAME = (0,regex/* linear */.sn)(/\b[A-Z][A-Z0-9_]*\b/g);
/** A module constant set to a short string or a number, on its own line (group 1 the name). */
const CONSTANT_LINE = (0,regex/* linear */.sn)(/^([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(?:[rbf]?(?:'[^'"\n]*'|"[^'"\n]*")|\d+)[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/gm);
const IMPORT_JWT = (0,regex/* linear */.sn)(/^import[ \t]+jwt[ \t]*(?:#[^\n]*)?\r?\n/m);
function tokenize(text) {
    const skip = [];
    const match = new Map();
    const stack = [];
    const pairs = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '#') {
            const e = text.indexOf('\n', i);
            const end = e < 0 ? text.length : e;
            skip.push([i, end]);
            i = end;
        }
        else if (c === '"' || c === "'") {
            const triple = text.startsWith(c.repeat(3), i);
            const q = triple ? c.repeat(3) : c;
            let j = i + q.length;
            while (j < text.length && !text.startsWith(q, j)) {
                if (text[j] === '\\')
                    j++;
                else if (!triple && text[j] === '\n')
                    return null;
                j++;
            }
            if (j >= text.length)
                return null;
            skip.push([i, j + q.length]);
            i = j + q.length;
        }
        else {
            if ('([{'.includes(c))
                stack.push(i);
            else if (')]}'.includes(c)) {
                const o = stack.pop();
                if (o === undefined || '([{'.indexOf(text[o]) !== ')]}'.indexOf(c))
                    return null;
                match.set(o, i);
                match.set(i, o);
                pairs.push([o, i]);
            }
            i++;
        }
    }
    if (stack.length)
        return null;
    return { code: (p) => !inSpans(skip, p), match, pairs };
}
/** Whether `p` lies in one of the sorted, disjoint [start, end) spans (a binary search). */
function inSpans(spans, p) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [s, e] = spans[mid];
        if (p < s)
            hi = mid - 1;
        else if (p >= e)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}
function lineStart(text, pos) {
    return text.lastIndexOf('\n', pos - 1) + 1;
}
function lineEnd(text, pos) {
    const e = text.indexOf('\n', pos);
    return e < 0 ? text.length : e + 1;
}
/** End (after the newline) of the logical line that starts at `start`. */
function statementEnd(text, tk, start) {
    // Brackets opened in the statement, by where they open; the line end only moves forward, so
    // one pass over them finds the farthest close of those opened before it.
    const opened = tk.pairs.filter(([o]) => o >= start).sort((a, b) => a[0] - b[0]);
    let next = 0;
    let farthest = -1;
    let i = start;
    for (;;) {
        const e = lineEnd(text, i);
        for (; next < opened.length && opened[next][0] < e; next++)
            farthest = Math.max(farthest, opened[next][1]);
        if (farthest >= e)
            i = farthest;
        else if (e < text.length && continues(text, lineStart(text, i), e))
            i = e;
        else
            return e;
    }
}
/** Whether the line [start, end) ends in a backslash continuation (`/\\\r?\n$/`). */
function continues(text, start, end) {
    let i = end;
    if (text[i - 1] !== '\n')
        return false;
    i--;
    if (text[i - 1] === '\r' && i - 1 > start)
        i--;
    return i - 1 >= start && text[i - 1] === '\\';
}
/** Code (not string/comment) occurrences of a word not after a word character or `.` (`(?<![\w.])word\b`). */
function refs(text, tk, word) {
    const notAttribute = (c) => !(0,src_text/* isWordChar */.x8)(c) && c !== '.';
    return (0,src_text/* wordOffsets */.r8)(text, word, notAttribute).filter((p) => tk.code(p));
}
// `name` below is a Python identifier (`\w+`) taken from the file: nothing to escape.
/** The assignment `name = ...` at the start of a line (one in the file), as a whole-line span. */
function assignment(text, tk, name) {
    // `^([ \t]*)name[ \t]*=(?!=)`, the lookahead done by hand: RE2 has none
    const re = (0,regex/* linear */.sn)(String.raw `^([ \t]*)${name}[ \t]*=`, 'gm');
    const hits = [...re.matchAll(text)].filter((m) => text[m.end] !== '=' && tk.code(m.index + m.group(1).length));
    if (hits.length !== 1)
        return null;
    const start = hits[0].index;
    const end = statementEnd(text, tk, start);
    return { start, end, rhs: text.slice(hits[0].end, end) };
}
/** A top-level-or-nested `def name(...)` block with the blank lines after it. */
function defBlock(text, name) {
    const m = (0,regex/* linear */.sn)(String.raw `^([ \t]*)def[ \t]+${name}[ \t]*\(`, 'm').exec(text);
    if (!m)
        return null;
    const indent = m.group(1).length;
    let end = lineEnd(text, m.index);
    while (end < text.length) {
        const next = lineEnd(text, end);
        if (text.slice(end, next).trim() && (0,src_text/* skipBlanks */.pw)(text, end, next) - end <= indent)
            break;
        end = next;
    }
    return { start: m.index, end };
}
/** A `with open(...) as f:` line whose only body line is [start, end): the whole block goes. */
function withOpenAround(text, start, end) {
    if (start === 0)
        return null;
    const prevStart = lineStart(text, start - 1);
    const prev = text.slice(prevStart, start);
    const m = WITH_OPEN.exec(prev);
    if (!m || (0,src_text/* indentAt */.oY)(text, start).length <= m.group(1).length)
        return null;
    const next = text.slice(end, lineEnd(text, end));
    if (end < text.length && next.trim() && (0,src_text/* indentAt */.oY)(text, end).length > m.group(1).length)
        return null;
    return { start: prevStart, end };
}
function rewrite(ctx) {
    const text = ctx.text;
    const tk = tokenize(text);
    if (!tk)
        return null;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    // The jwt_token dict entry, with client_id and client_secret beside it.
    const fields = [...JWT_TOKEN_FIELD.matchAll(text)].filter((m) => tk.code(m.index - 1) && !tk.code(m.index + 1));
    if (fields.length !== 1)
        return null;
    const f = fields[0];
    const q = f[0][0];
    const valueStart = f.end;
    const vm = FIELD_VALUE.exec(text.slice(valueStart));
    if (!vm)
        return null;
    const valueEnd = valueStart + vm[0].length;
    const dict = tk.pairs.filter(([o, c]) => text[o] === '{' && o < f.index && c > f.index).sort((a, b) => b[0] - a[0])[0];
    if (!dict)
        return null;
    const dictText = text.slice(dict[0], dict[1]);
    if (!CLIENT_ID_KEY.test(dictText) || !code_python_CLIENT_SECRET_KEY.test(dictText))
        return null;
    // then `,`, `}`, a comment or the end of the line
    const after = (0,src_text/* skipBlanks */.pw)(text, valueEnd);
    const next = text[after];
    if (!(next === ',' || next === '}' || next === '#' || next === '\n' || text.startsWith('\r\n', after)))
        return null;
    // The token must be signed here: `name = jwt.encode(...)` or a local function that does.
    const value = vm.group(1);
    const isCall = vm.group(2) !== undefined;
    let signer = null;
    let signFn = null;
    if (isCall) {
        signFn = defBlock(text, value);
        if (!signFn || !JWT_ENCODE.test(text.slice(signFn.start, signFn.end)))
            return null;
    }
    else {
        signer = assignment(text, tk, value);
        if (!signer || !JWT_ENCODE_RHS.test(signer.rhs))
            return null;
    }
    // URLs in strings, not on comment lines
    const commentLine = (at) => text[(0,src_text/* skipBlanks */.pw)(text, lineStart(text, at))] === '#';
    const urls = [...EXCHANGE_PATH.matchAll(text)].filter((m) => !tk.code(m.index) && !commentLine(m.index));
    if (!urls.length)
        return null;
    const choice = ctx.scopes(metascopesIn(text));
    const usesEnv = IMPORTS_OS.test(text) && OS_ENV.test(text);
    const env = usesEnv ? scopesEnvName(text) : undefined;
    const getter = OS_ENVIRON.test(text) ? 'os.environ.get' : 'os.getenv';
    const scopes = env ? `${getter}(${q}${env}${q}, ${q}${choice.value}${q})` : `${q}${choice.value}${q}`;
    const splices = [];
    const removed = [];
    const own = (0,src_text/* onlyBlanks */.Xx)(text, lineStart(text, f.index), f.index);
    const sep = own ? `,${eol}${(0,src_text/* indentAt */.oY)(text, f.index)}` : ', ';
    splices.push({ start: f.index, end: valueEnd, text: `${q}grant_type${q}: ${q}client_credentials${q}${sep}${q}scope${q}: ${scopes}` });
    for (const u of urls)
        splices.push({ start: u.index, end: u.end, text: TOKEN_PATH });
    // Signing statement or function, then what only it used: the claims and the key.
    const once = (name, within) => refs(text, tk, name).every((p) => (p >= within.start && p < within.end) || (p >= f.index && p < valueEnd));
    let encodeArgs = '';
    if (signer) {
        if (!once(value, signer))
            return null;
        splices.push({ start: signer.start, end: signer.end, text: '' });
        removed.push(text.slice(signer.start, signer.end));
        encodeArgs = signer.rhs;
    }
    else if (signFn && once(value, signFn)) {
        splices.push({ ...signFn, text: '' });
        removed.push(text.slice(signFn.start, signFn.end));
    }
    const args = JWT_ENCODE_ARGS.exec(encodeArgs);
    for (const name of args ? [args.group(1), args.group(2)] : []) {
        const a = assignment(text, tk, name);
        const s = signer;
        if (!a || !s || refs(text, tk, name).some((p) => !(p >= a.start && p < a.end) && !(p >= s.start && p < s.end)))
            continue;
        const span = withOpenAround(text, a.start, a.end) ?? a;
        splices.push({ ...span, text: '' });
        removed.push(text.slice(span.start, span.end));
    }
    // expires_in is in seconds now.
    for (const m of EXPIRES_IN_MS.matchAll(text)) {
        if (!tk.code(m.index))
            continue;
        const at = m.index + m.group(1).length;
        splices.push({ start: at, end: at + m.group(2).length, text: '' });
        const ls = lineStart(text, m.index);
        const prevStart = ls > 0 ? lineStart(text, ls - 1) : ls;
        const c = code_python_MILLISECONDS_COMMENT.exec(text.slice(prevStart, ls));
        const lead = c?.group(1).length ?? 0;
        if (ls > 0 && c && !splices.some((s) => s.start === prevStart + lead)) {
            splices.push({ start: prevStart + lead, end: prevStart + c[0].length, text: 'expires_in is in seconds (OAuth Server-to-Server)' });
        }
    }
    let out = applySplices(text, splices);
    // Module constants only the removed code read (metascope and audience URLs, key locations).
    let tk2 = tokenize(out);
    if (!tk2)
        return null;
    const mentioned = new Set([...CONSTANT_NAME.matchAll(removed.join('\n'))].map((m) => m[0]));
    const consts = [];
    for (const m of CONSTANT_LINE.matchAll(out)) {
        const name = m.group(1);
        if (mentioned.has(name) && refs(out, tk2, name).length === 1) {
            consts.push({ start: m.index, end: m.end, text: '' });
            removed.push(m[0]);
        }
    }
    out = applySplices(out, consts);
    // `import jwt` goes when nothing else uses it.
    tk2 = tokenize(out);
    if (!tk2)
        return null;
    const imp = IMPORT_JWT.exec(out);
    if (imp && refs(out, tk2, 'jwt').length === 1) {
        removed.push(imp[0]);
        out = out.slice(0, imp.index) + out.slice(imp.end);
    }
    if (!tokenize(out))
        return null;
    const ids = settledIds(ctx, RULES, out);
    if (!ids.includes('code-ims-jwt-exchange') || !ids.includes('code-jwt-token-form-field'))
        return null;
    return {
        ruleIds: ids,
        text: out,
        manual: code_js_placeholderStep(ctx, choice, out, 'code-ims-jwt-exchange'),
        secrets: { add: env ? [env] : [], remove: droppedEnvNames(removed, out, PY_ENV) },
    };
}
const codePythonRewriters = [
    {
        name: 'Python signed JWT exchange',
        ruleIds: ['code-jwt-library-python', 'code-ims-jwt-exchange', 'code-jwt-token-form-field'],
        rewrite: (ctx) => (/\.py$/.test(ctx.file) ? rewrite(ctx) : null), // native-regex: a file path
    },
];

;// CONCATENATED MODULE: ./src/migrate/rewriters/deps.ts
// Manifests: drop JWT packages once nothing in the project uses them. The plan rewrites code before
// dependency files and its edits are not on disk, so a file with findings counts as a user only if
// it still imports the package in the text the plan leaves it (`ctx.current`). Edits are text
// spans (package.json) or whole lines (requirements*.txt); anything unsure stays a manual step.







const ADOBE_RULE = 'dep-adobe-jwt-package';
const NPM_RULE = 'dep-jwt-library-npm';
const PY_RULE = 'dep-jwt-library-python';
/** Packages per rule; `null` marks a CLI plugin, used through `aio` commands we do not trace. */
const NPM_PACKAGES = {
    [ADOBE_RULE]: { '@adobe/jwt-auth': true, '@adobe/aio-lib-ims-jwt': true, '@adobe/aio-cli-plugin-jwt-auth': null, 'aio-cli-plugin-jwt-auth': null },
    [NPM_RULE]: { jsonwebtoken: true, 'jwt-simple': true, jose: true, jsrsasign: true, 'node-jose': true },
};
const DEP_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
/** Distribution name -> import name. */
const PY_MODULES = { pyjwt: 'jwt', 'python-jose': 'jose', jwcrypto: 'jwcrypto' };
const LOCK_FILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];
const JS_FILE = /\.(?:[cm]?[jt]sx?|vue|svelte)$/;
const PY_FILE = /\.(?:py|ipynb)$/;
// Installed packages only: a built dist/ that still imports the package keeps it (safe side).
const SKIP_DIRS = new Set(['node_modules', 'bower_components', '__pycache__', 'site-packages']);
const MAX_ENTRIES = 5000;
const MAX_DEPTH = 8;
// ---------------------------------------------------------------- who uses a package
/**
 * Code files under `dir` (relative to root), installed packages and hidden folders skipped; with `own`,
 * sub-folders holding their own manifest are other projects. Null when the walk is too large to judge.
 */
function codeFiles(root, dir, ext, own) {
    const out = [];
    let seen = 0;
    const walk = (rel, depth) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, rel), { withFileTypes: true });
        }
        catch {
            return true;
        }
        if (entries.some((e) => e.name === 'pyvenv.cfg'))
            return true; // a virtualenv
        if (own && rel !== dir && entries.some((e) => e.isFile() && e.name === own))
            return true;
        for (const e of entries) {
            if (++seen > MAX_ENTRIES)
                return false;
            const path = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (e.name.startsWith('.') || SKIP_DIRS.has(e.name))
                    continue;
                if (depth >= MAX_DEPTH || !walk(path, depth + 1))
                    return false;
            }
            else if (e.isFile() && ext.test(e.name))
                out.push(path); // native-regex: a file name
        }
        return true;
    };
    return walk(dir, 0) ? out : null;
}
// The package and module names are this file's own constants; the patterns run on whole files.
function importsNpm(text, pkg) {
    return (0,linear_js/* linearJs */.F)(String.raw `['"\`]${(0,src_text/* escapeRegExp */.Nt)(pkg)}(?:/[^'"\`\s]*)?['"\`]`).test(text);
}
function importsPython(text, mod, notebook) {
    const m = (0,src_text/* escapeRegExp */.Nt)(mod);
    if (notebook)
        return (0,regex/* linear */.sn)(String.raw `\b(?:from|import)[ \t]+${m}\b`).test(text);
    const from = String.raw `from[ \t]+${m}(?:\.[\w.]+)?[ \t]+import\b`;
    const imports = String.raw `import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*${m}\b`;
    return (0,regex/* linear */.sn)(String.raw `^[ \t]*(?:${from}|${imports})`, 'm').test(text);
}
/** Whether any code file still uses the package once this plan's code rewrites are done. */
function stillUsed(ctx, files, uses) {
    const withFindings = new Set(ctx.files);
    return files.some((file) => {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(ctx.root, file), 'utf8');
        }
        catch {
            return true;
        }
        if (!uses(text, file))
            return false;
        if (!withFindings.has(file))
            return true;
        // The plan rewrites code before dependency files: this is the text its pull request holds
        // (null: the plan deletes the file). Without a plan to ask, the package stays.
        const now = ctx.current?.(file);
        return now === undefined || (now !== null && uses(now, file));
    });
}
const deps_JSON_SPACE = ' \t\r\n\uFEFF';
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
/** End of the number, true, false or null at `i` (`/-?\d[\d.eE+-]*|true|false|null/y`). */
function literalEnd(t, i) {
    for (const word of ['true', 'false', 'null'])
        if (t.startsWith(word, i))
            return i + word.length;
    let j = t[i] === '-' ? i + 1 : i;
    if (!isDigit(t[j]))
        throw new Error(`value expected at ${i}`);
    while (j < t.length && (isDigit(t[j]) || '.eE+-'.includes(t[j])))
        j++;
    return j;
}
/** Member spans of a JSON document's objects (throws on invalid JSON, like JSON.parse would). */
function jsonMembers(t) {
    let i = 0;
    const ws = () => {
        while (i < t.length && deps_JSON_SPACE.includes(t[i]))
            i++;
    };
    const str = () => {
        if (t[i] !== '"')
            throw new Error(`string expected at ${i}`);
        const s = i++;
        while (i < t.length && t[i] !== '"')
            i += t[i] === '\\' ? 2 : 1;
        i++;
        return JSON.parse(t.slice(s, i));
    };
    const value = () => {
        ws();
        if (t[i] === '{') {
            i++;
            const members = [];
            ws();
            if (t[i] === '}')
                return i++, members;
            for (;;) {
                ws();
                const keyStart = i;
                const key = str();
                ws();
                if (t[i++] !== ':')
                    throw new Error(`colon expected at ${i}`);
                ws();
                const valueStart = i;
                const sub = value();
                members.push({ key, keyStart, valueStart, valueEnd: i, members: sub });
                ws();
                if (t[i] === ',')
                    i++;
                else if (t[i++] === '}')
                    return members;
                else
                    throw new Error(`bad object at ${i}`);
            }
        }
        if (t[i] === '[') {
            i++;
            ws();
            if (t[i] === ']')
                return void i++;
            for (;;) {
                value();
                ws();
                if (t[i] === ',')
                    i++;
                else if (t[i++] === ']')
                    return;
                else
                    throw new Error(`bad array at ${i}`);
            }
        }
        if (t[i] === '"')
            return void str();
        i = literalEnd(t, i);
    };
    const top = value();
    ws();
    if (!top || i < t.length)
        throw new Error('not a JSON object');
    return top;
}
const deps_lineStart = (t, pos) => t.lastIndexOf('\n', pos - 1) + 1;
/** Removes one member of an object, fixing the commas; whole lines when members sit on their own lines. */
function withoutMember(t, obj, j) {
    const ms = obj.members ?? [];
    const m = ms[j];
    let span;
    if (ms.length === 1)
        span = [obj.valueStart + 1, obj.valueEnd - 1];
    else if (j < ms.length - 1) {
        const next = ms[j + 1];
        const [ls, nls] = [deps_lineStart(t, m.keyStart), deps_lineStart(t, next.keyStart)];
        const ownLines = nls > ls && (0,src_text/* onlyBlanks */.Xx)(t, ls, m.keyStart) && (0,src_text/* onlyBlanks */.Xx)(t, nls, next.keyStart);
        span = ownLines ? [ls, nls] : [m.keyStart, next.keyStart];
    }
    else
        span = [ms[j - 1].valueEnd, m.valueEnd]; // the last one: drop the comma before it
    return t.slice(0, span[0]) + t.slice(span[1]);
}
function removeNpm(text, pkgs) {
    let out = text;
    for (;;) {
        const hit = jsonMembers(out)
            .filter((s) => DEP_SECTIONS.includes(s.key) && s.members)
            .flatMap((s) => (s.members ?? []).map((m, j) => ({ s, j, name: m.key })))
            .find((x) => pkgs.includes(x.name));
        if (!hit)
            return out;
        out = withoutMember(out, hit.s, hit.j);
    }
}
function declaredNpm(text) {
    return new Set(jsonMembers(text).filter((s) => DEP_SECTIONS.includes(s.key)).flatMap((s) => (s.members ?? []).map((m) => m.key)));
}
// ---------------------------------------------------------------- requirements lines
const isNameChar = (c) => (0,src_text/* isWordChar */.x8)(c) || c === '.' || c === '-';
/** The distribution a requirement line names (`/^[ \t]*([A-Za-z0-9][\w.-]*)/`), normalised. */
function reqName(line) {
    const start = (0,src_text/* skipBlanks */.pw)(line, 0);
    if (!(0,src_text/* isWordChar */.x8)(line[start]) || line[start] === '_')
        return undefined;
    let end = start + 1;
    while (end < line.length && isNameChar(line[end]))
        end++;
    return line.slice(start, end).toLowerCase().replaceAll('_', '-');
}
/** Whether a line ends in a backslash continuation (`/\\\r?\n?$/`). */
function deps_continues(line) {
    let end = line.length;
    if (line[end - 1] === '\n')
        end--;
    if (line[end - 1] === '\r')
        end--;
    return line[end - 1] === '\\';
}
/** Drops the requirement lines (with backslash continuations and indented notes) of the given distributions. */
function removeRequirements(text, names) {
    const lines = (0,regex/* splitLines */.uz)(text);
    const out = [];
    for (let k = 0; k < lines.length; k++) {
        const name = reqName(lines[k]);
        if (!name || !names.includes(name)) {
            out.push(lines[k]);
            continue;
        }
        while (deps_continues(lines[k]) && k + 1 < lines.length)
            k++;
        // pip-compile's indented `# via ...` notes belong to the requirement above them.
        while (k + 1 < lines.length && indentedComment(lines[k + 1]))
            k++;
    }
    return out.join('');
}
function indentedComment(line) {
    const i = (0,src_text/* skipBlanks */.pw)(line, 0);
    return i > 0 && line[i] === '#';
}
// ---------------------------------------------------------------- the rewriter
/** Rule ids whose hits are gone from `text`. */
function cleared(file, text, ids) {
    const rules = ids.map((id) => src_rules/* RULES_BY_ID */.kF.get(id)).filter((r) => r !== undefined);
    const left = new Set((0,match/* matchFile */.g3)(rules, { path: file, text }).findings.map((f) => f.ruleId));
    return ids.filter((id) => !left.has(id));
}
function packageJson(ctx, ids) {
    const dir = external_node_path_.posix.dirname(ctx.file) === '.' ? '' : external_node_path_.posix.dirname(ctx.file);
    const declared = declaredNpm(ctx.text);
    const files = codeFiles(ctx.root, dir, JS_FILE, 'package.json');
    if (!files)
        return null;
    const remove = [];
    const settled = [];
    for (const id of ids) {
        const pkgs = Object.entries(NPM_PACKAGES[id] ?? {}).filter(([p]) => declared.has(p));
        if (!pkgs.length || pkgs.some(([, lib]) => lib === null))
            continue;
        if (pkgs.some(([p]) => stillUsed(ctx, files, (t) => importsNpm(t, p))))
            continue;
        remove.push(...pkgs.map(([p]) => p));
        settled.push(id);
    }
    if (!settled.length)
        return null;
    const text = removeNpm(ctx.text, remove);
    const ruleIds = cleared(ctx.file, text, settled);
    if (ruleIds.length !== settled.length)
        return null; // the name also sits outside the dependency lists
    const locks = LOCK_FILES.filter((l) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(ctx.root, dir, l)));
    const manual = locks.map((l) => ({
        file: dir ? `${dir}/${l}` : l,
        line: 1,
        ruleId: ruleIds[0],
        instructions: `${remove.join(', ')} ${remove.length > 1 ? 'were' : 'was'} removed from ${ctx.file}: run your package manager's install (npm install, yarn, pnpm install) so ${l} matches, otherwise \`npm ci\` and frozen-lockfile installs fail.`,
    }));
    return { ruleIds, text, manual };
}
function requirements(ctx) {
    let dir = external_node_path_.posix.dirname(ctx.file) === '.' ? '' : external_node_path_.posix.dirname(ctx.file);
    // requirements/base.txt belongs to the project around the requirements folder.
    // native-regex: a folder name
    if (/^requirements(?:\.d)?$/i.test(external_node_path_.posix.basename(dir)))
        dir = external_node_path_.posix.dirname(dir) === '.' ? '' : external_node_path_.posix.dirname(dir);
    const names = [...new Set(ctx.text.split('\n').map(reqName))].filter((n) => !!n && n in PY_MODULES);
    if (!names.length)
        return null;
    const files = codeFiles(ctx.root, dir, PY_FILE);
    if (!files)
        return null;
    if (names.some((n) => stillUsed(ctx, files, (t, f) => importsPython(t, PY_MODULES[n], f.endsWith('.ipynb')))))
        return null;
    const text = removeRequirements(ctx.text, names);
    if (!cleared(ctx.file, text, [PY_RULE]).length)
        return null;
    // pip-compile sources (*.in) would bring the pin back: the user edits those.
    const here = external_node_path_.posix.dirname(ctx.file);
    const sources = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(ctx.root, here)).filter((f) => f.endsWith('.in'));
    const manual = sources
        .map((f) => ({ f, line: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(ctx.root, here, f), 'utf8').split('\n').findIndex((l) => names.includes(reqName(l) ?? '')) + 1 }))
        .filter(({ line }) => line > 0)
        .map(({ f, line }) => ({
        file: here === '.' ? f : `${here}/${f}`,
        line,
        ruleId: PY_RULE,
        instructions: `${names.join(', ')} was removed from ${ctx.file}; remove it from this pip-compile source too, or the next compile adds it back.`,
    }));
    return { ruleIds: [PY_RULE], text, manual };
}
const manifests = {
    name: 'JWT dependencies',
    ruleIds: [ADOBE_RULE, NPM_RULE, PY_RULE],
    rewrite(ctx) {
        const ids = [...new Set(ctx.findings.map((f) => f.ruleId))];
        // native-regex: file paths (here and below)
        if (/(?:^|\/)package\.json$/.test(ctx.file))
            return packageJson(ctx, ids.filter((id) => id in NPM_PACKAGES));
        // pyproject.toml, Pipfile and the like keep their entries: manual. native-regex: a file path
        if (/(?:^|\/)requirements[\w.-]*\.txt$/.test(ctx.file) && ids.includes(PY_RULE))
            return requirements(ctx);
        return null;
    },
};
const depsRewriters = [manifests];

;// CONCATENATED MODULE: ./src/migrate/rewriters/env.ts




// Plain KEY=VALUE settings files (.env, .env.example, app.env): the JWT key path goes, the
// metascopes setting becomes a scopes setting the migrated code reads (e.g. ADOBE_SCOPES).
const DOTENV = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env)$/;
const RULE_IDS = ['config-jwt-signing-key', 'config-jwt-scope-claim-setting'];
const LINE = (0,linear_js/* linearJs */.F)(/^(\s*(?:export\s+)?)([A-Za-z_][\w.]*)(\s*=\s*)(.*?)(\r?\n?)$/);
const METASCOPES_KEY = (0,linear_js/* linearJs */.F)(/^(.*?)(?:META_?SCOPES?|METASCOPES?|meta_?scopes?|metascopes?)$/);
const isQuote = (c) => c === '"' || c === "'";
/** A value without one opening and one closing quote (`/^["']|["']$/g` removed). */
function unquote(value) {
    const start = isQuote(value[0]) ? 1 : 0;
    const end = value.length > start && isQuote(value[value.length - 1]) ? value.length - 1 : value.length;
    return value.slice(start, end);
}
const envRewriters = [
    {
        name: 'dotenv settings',
        ruleIds: RULE_IDS,
        rewrite(ctx) {
            if (!DOTENV.test(ctx.file))
                return null; // native-regex: a file path
            const lines = (0,regex/* splitLines */.uz)(ctx.text);
            const keys = new Set(lines.map((l) => LINE.exec(l)?.group(2)).filter(Boolean));
            const remove = new Set();
            for (const f of ctx.findings) {
                if (!RULE_IDS.includes(f.ruleId))
                    continue;
                const i = f.line - 1;
                const m = LINE.exec(lines[i] ?? '');
                if (!m)
                    return null; // a multi-line value or an odd form: leave it to a person
                const [lead, key, eq, value, eol] = [1, 2, 3, 4, 5].map((g) => m.group(g) ?? '');
                if (f.ruleId === 'config-jwt-signing-key') {
                    lines[i] = '';
                    remove.add(key);
                    continue;
                }
                const base = METASCOPES_KEY.exec(key);
                if (!base)
                    return null;
                const scopesKey = `${base.group(1)}${key === key.toUpperCase() ? 'SCOPES' : 'scopes'}`;
                const metascopes = (0,src_text/* listItems */.Dw)(unquote(value));
                lines[i] = keys.has(scopesKey) ? '' : `${lead}${scopesKey}${eq}${ctx.scopes(metascopes).value}${eol}`;
            }
            const text = lines.join('');
            const ids = settledIds(ctx, RULE_IDS, text);
            if (!ids.length)
                return null;
            return { ruleIds: ids, text, secrets: { remove: [...remove] } };
        },
    },
];

// EXTERNAL MODULE: ./src/parse/tree-sitter.ts + 1 modules
var tree_sitter = __webpack_require__(3994);
;// CONCATENATED MODULE: ./src/migrate/rewriters/exchange-form.ts
// The JWT exchange written by hand in any function shape: a form with client_id, client_secret and
// `jwt_token` posted to /ims/exchange/jwt. The form's `jwt_token` entry becomes
// `grant_type=client_credentials` and `scope`, the URL becomes /ims/token/v3, and then what only
// fed the JWT goes, statement by statement on the syntax tree: the variable that held the token,
// the claims and the key it was signed with, and functions nothing calls any more.









/** The token interpolated into a form string: `"...&jwt_token=$JWT"`, `f"...&jwt_token={jwt}"`. */
const FORM_INTERPOLATED = (0,regex/* linear */.sn)(/&jwt_token=(?:\$(\w+)|\$\{(\w+)\}|\{(\w+)\})/g);
/** A form string ending in `jwt_token=` joined to the token: `'&jwt_token=' + $jwt`. */
const FORM_STRING = (0,regex/* linear */.sn)(/(['"])(&?)jwt_token=(['"])[ \t]*\+[ \t]*(\$?[\w.]+)/g);
const exchange_form_RULES = ['code-ims-jwt-exchange', 'code-ims-jwt-exchange-manual', 'code-jwt-token-form-field', 'code-jwt-token-function', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-jwt-library-python', 'code-jwt-signing-powershell'];
const isComment = (node) => !!node && node.type.includes('comment');
/** Parameter lists, in every grammar here: a parameter is a declaration, not a use. */
const PARAMETERS = new Set(['parameters', 'formal_parameters', 'parameter_list', 'param_block', 'method_parameters', 'lambda_parameters', 'function_value_parameters', 'class_parameters']);
function inParameters(node) {
    for (let n = node; n; n = n.parent) {
        if (PARAMETERS.has(n.type))
            return true;
        if (n.type.includes('block') || n.type.includes('body') || n.type === 'braced_expression')
            return false;
    }
    return false;
}
/** The statement (a child of a block) at an offset. */
function statementAt(tree, at, syntax) {
    let node = tree.rootNode.descendantForIndex(at, at);
    while (node?.parent && !syntax.blocks.includes(node.parent.type))
        node = node.parent;
    return node?.parent ? node : undefined;
}
/** Whether a line holds only a comment, given the line-comment markers. */
function commentLine(text, start, markers) {
    let i = start;
    while (text[i] === ' ' || text[i] === '\t')
        i++;
    return markers.some((c) => c !== '*' && text.startsWith(c, i));
}
/** A file's line-comment markers; settings files (properties, .env) comment with `#` or `//`. */
const commentsOf = (file) => (0,languages/* languageOf */.eX)(file)?.lineComments ?? ['#', '//'];
/** The start of the run of comment lines right above a line (the line itself when there is none). */
function commentsAbove(text, line, lang) {
    let start = line;
    while (start > 0 && commentLine(text, (0,src_text/* lineStartOf */.El)(text, start - 1), lang.lineComments))
        start = (0,src_text/* lineStartOf */.El)(text, start - 1);
    return start;
}
/**
 * Whole lines of a node, with the comment lines right above it (they were about it), when
 * nothing else shares them (else undefined).
 */
function exchange_form_ownLines(text, node, lang) {
    let start = (0,src_text/* lineStartOf */.El)(text, node.startIndex);
    if (!(0,src_text/* onlyBlanks */.Xx)(text, start, node.startIndex))
        return undefined;
    const own = start;
    start = commentsAbove(text, start, lang);
    if (start === 0)
        start = own; // comments that open the file are its header, not this statement's
    let end = node.endIndex;
    while (end < text.length && ((0,src_text/* isBlank */.z3)(text[end]) || text[end] === ';'))
        end++;
    const lineEnd = (at) => (text.startsWith('\r\n', at) ? at + 2 : text[at] === '\n' ? at + 1 : -1);
    if (lineEnd(end) < 0 && end < text.length)
        return undefined;
    end = Math.max(end, lineEnd(end));
    // Between two blank lines, one of them goes too, so no gap of two is left.
    const before = start > 0 ? (0,src_text/* lineStartOf */.El)(text, start - 1) : -1;
    let next = end;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t'))
        next++;
    if (before >= 0 && blankLine(text, before) && lineEnd(next) > 0)
        end = lineEnd(next);
    // At the top of the file, the blank lines after it go too: a file does not open with a gap.
    while (start === 0 && end < text.length && blankLine(text, end) && text.indexOf('\n', end) > 0)
        end = text.indexOf('\n', end) + 1;
    return { start, end, text: '' };
}
/** A statement's lines and, when the language checks errors by hand, the check right after it. */
function withErrorCheck(text, statement, lines, lang) {
    const next = statement.nextNamedSibling;
    const check = lang.form?.errorCheck;
    if (!lines || !next || !check || !(0,regex/* linear */.sn)(check).test(next.text))
        return lines;
    const after = exchange_form_ownLines(text, next, lang);
    return after && (0,src_text/* onlyBlanks */.Xx)(text, lines.end, after.start) ? { ...lines, end: after.end } : lines;
}
/** Whether the line starting at `start` holds only spaces and tabs. */
function blankLine(text, start) {
    let end = text.indexOf('\n', start);
    if (end < 0)
        end = text.length;
    return (0,src_text/* onlyBlanks */.Xx)(text, start, text[end - 1] === '\r' ? end - 1 : end);
}
function functionNameNode(node) {
    const named = node.childForFieldName('name');
    if (named)
        return named;
    for (let i = 0; i < node.childCount; i++)
        if (node.child(i)?.type === 'function_name')
            return node.child(i) ?? undefined;
    return undefined;
}
const functionName = (node) => functionNameNode(node)?.text;
function identifiers(text, syntax) {
    return [...(0,regex/* linear */.sn)(syntax.identifier).matchAll(text)].map((m) => m.group(1));
}
/** The name a line gives the exchange URL (`JWT_URL = "…"`, `"tokenEndpoint": "…"`). */
const URL_NAME = (0,regex/* linear */.sn)(/([A-Za-z_]\w*)['"]?[ \t]*(?:[:=]|=>)[^:=]*$/);
/**
 * Another file that holds the exchange URL this file posts to, by a name both use, when the plan
 * has not rewritten it yet (it will, when asked).
 */
function urlHolder(ctx) {
    for (const other of ctx.files) {
        if (other === ctx.file || ctx.processed?.(other) !== false)
            continue;
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(ctx.root, other), 'utf8');
        }
        catch {
            continue;
        }
        for (const m of EXCHANGE_PATH.matchAll(text)) {
            if (commentLine(text, (0,src_text/* lineStartOf */.El)(text, m.index), commentsOf(other)))
                continue;
            const before = text.slice((0,src_text/* lineStartOf */.El)(text, m.index), m.index);
            const name = URL_NAME.exec(before)?.group(1);
            if (name && (0,src_text/* wordOffsets */.r8)(ctx.text, name).length)
                return { file: other, text };
        }
    }
    return undefined;
}
/** The form entry and URL edits; undefined when the file has no form this rewrite understands. */
function formEdits(ctx, tree, lang, syntax) {
    const text = ctx.text;
    const eol = (0,src_text/* eolOf */.Wl)(text);
    const urls = [...EXCHANGE_PATH.matchAll(text)];
    const inCode = urls.filter((m) => !isComment(tree.rootNode.descendantForIndex(m.index, m.index)));
    // The URL may live in another file: that file is asked to change it, or this one is left.
    const holder = inCode.length ? undefined : urlHolder(ctx);
    if (!inCode.length && !holder)
        return undefined;
    // The metascopes may sit beside the URL (a settings module), not in this file.
    const choice = ctx.scopes(metascopesIn(holder ? `${text}\n${holder.text}` : text));
    const splices = [];
    const seeds = [];
    for (const m of FORM_STRING.matchAll(text)) {
        if (m.group(1) !== m.group(3) || isComment(tree.rootNode.descendantForIndex(m.index, m.index)))
            continue;
        const q = m.group(1);
        splices.push({ start: m.index, end: m.end, text: `${q}${m.group(2)}grant_type=client_credentials&scope=${choice.value}${q}` });
        // A plain variable is followed to where it was signed; `$config.jwt_token` (a token made
        // elsewhere) is only replaced.
        const value = m.group(4).replace('$', '');
        if (!value.includes('.'))
            seeds.push({ name: value, at: m.index });
    }
    for (const m of FORM_INTERPOLATED.matchAll(text)) {
        const node = tree.rootNode.descendantForIndex(m.index, m.index);
        if (!node || isComment(node) || !node.type.includes('string'))
            continue;
        splices.push({ start: m.index, end: m.end, text: `&grant_type=client_credentials&scope=${choice.value}` });
        seeds.push({ name: m.group(1) ?? m.group(2) ?? m.group(3), at: m.index });
    }
    for (const m of syntax.flagEntry ? (0,regex/* linear */.sn)(syntax.flagEntry).matchAll(text) : []) {
        if (m.group(2) !== m.group(4) || isComment(tree.rootNode.descendantForIndex(m.index, m.index)))
            continue;
        const [flag, q] = [m.group(1), m.group(2)];
        splices.push({ start: m.index, end: m.end, text: `${flag}${q}grant_type=client_credentials${q} ${flag}${q}scope=${choice.value}${q}` });
        seeds.push(...[...new Set(identifiers(m.group(3), syntax))].map((name) => ({ name, at: m.index })));
    }
    const entries = [...(syntax.entry ? tree.rootNode.descendantsOfType(syntax.entry) : []), ...(syntax.callEntry ? tree.rootNode.descendantsOfType(syntax.callEntry) : [])];
    for (const entry of entries) {
        const call = entry.type === syntax.callEntry;
        if (call && entry.namedChildCount !== 2)
            continue;
        const key = entry.namedChild(0);
        const value = entry.childForFieldName('value') ?? entry.namedChild(entry.namedChildCount - 1);
        if (!key || !value || key.id === value.id || key.text.replace(/^['"]|['"]$/g, '') !== 'jwt_token')
            continue; // native-regex: a short key
        // A call that adds the entry is a statement of its own: the statement is the template.
        const unit = call ? statementAt(tree, entry.startIndex, syntax) : entry;
        // The exchange's form sends the client secret beside the JWT; an argument named jwt_token
        // in some other call (a helper's parameter) is not the form.
        // (Kotlin wraps each argument: the form is the entry's grandparent.)
        const form = call ? unit?.parent : entry.parent;
        if (!unit || !(form?.text.includes('client_secret') || (!call && form?.parent?.text.includes('client_secret'))))
            continue;
        // The entry is its own template: `{"jwt_token", x}` gives `{"grant_type", "client_credentials"}`;
        // a value in braces (Go's `{jwt}`) keeps them.
        const q = key.text.startsWith('"') ? '"' : key.text.startsWith("'") ? "'" : '';
        const literal = q || syntax.quote;
        const [open, close] = value.text.startsWith('{') && value.text.endsWith('}') ? ['{', '}'] : ['', ''];
        const rel = (at) => at - unit.startIndex;
        const between = unit.text.slice(rel(key.endIndex), rel(value.startIndex));
        // Values aligned in a column (`"jwt_token":     {x}`, as gofmt lays them out) stay in it.
        const pad = between.length - between.trimEnd().length;
        const spacing = (k) => (pad > 1 ? between.trimEnd() + ' '.repeat(Math.max(1, pad + 'jwt_token'.length - k.length)) : between);
        const render = (k, v) => unit.text.slice(0, rel(key.startIndex)) + q + k + q + spacing(k) + open + literal + v + literal + close + unit.text.slice(rel(value.endIndex));
        const own = (0,src_text/* onlyBlanks */.Xx)(text, (0,src_text/* lineStartOf */.El)(text, unit.startIndex), unit.startIndex);
        const next = call
            ? `${eol}${(0,src_text/* indentAt */.oY)(text, unit.startIndex)}`
            : own
                ? `${syntax.separator === ',' ? ',' : ''}${eol}${(0,src_text/* indentAt */.oY)(text, entry.startIndex)}`
                : `${syntax.separator} `;
        splices.push({ start: unit.startIndex, end: unit.endIndex, text: render('grant_type', 'client_credentials') + next + render('scope', choice.value) });
        seeds.push(...[...new Set(identifiers(value.text, syntax))].slice(0, MAX_NAMES).map((name) => ({ name, at: entry.startIndex })));
    }
    if (!splices.length)
        return undefined;
    // The JWT exchange's form carries the client id and secret; the token request keeps them. A
    // form without them is a shape this rewrite does not know.
    if (!text.includes('client_id') || !text.includes('client_secret'))
        return undefined;
    seeds.push(...jwtVariables(text, syntax));
    if (holder)
        return { splices, seeds, holder: holder.file, scopes: choice };
    // Comments that name the URL (a parameter's documented default) follow the code.
    for (const u of urls)
        splices.push({ start: u.index, end: u.end, text: TOKEN_PATH });
    return { splices, seeds, scopes: choice };
}
const JWT_NAME = (0,regex/* linear */.sn)(/jwt/i);
/**
 * Variables named for the JWT (`$jwt = New-Jwt …`, `signed_jwt = sign(…)`): once the form no
 * longer sends a token, one that nothing reads goes too, even when the form sent another value
 * (`$config.jwt_token`) and never read it.
 */
function jwtVariables(text, syntax) {
    const assigns = (0,regex/* linear */.sn)(syntax.assigns);
    const out = [];
    for (let start = 0; start < text.length && out.length < MAX_NAMES;) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        const at = (0,src_text/* skipBlanks */.pw)(text, start, end);
        const name = assigns.exec(text.slice(at, Math.min(end, at + 200)))?.group(1);
        if (name && JWT_NAME.test(name))
            out.push({ name, at });
        start = end + 1;
    }
    return out;
}
const MAX_NAMES = 400;
const MAX_OCCURRENCES = 200;
/** The innermost function around a node (its id), or 0 at the top level. */
function scopeOf(node, functions) {
    for (let n = node?.parent ?? null; n; n = n.parent)
        if (functions.has(n.type))
            return n.id;
    return 0;
}
/**
 * Statements and functions that only fed the JWT, found from the names the form's token value
 * used and followed through what each removed statement read. A variable is looked for in the
 * scope it was read in, then at the top level (a module constant, which no other file may use);
 * a function anywhere in the file, when nothing in the repository calls it.
 */
function deadCode(text, tree, lang, syntax, seeds, usedElsewhere) {
    const functions = new Set(lang.functionNodes);
    const assigns = (0,regex/* linear */.sn)(syntax.assigns);
    // `name = value`, not `name == value` (RE2 has no lookahead to say so in the pattern).
    const assignment = { exec: (t) => { const m = assigns.exec(t); return m && t[m.end] !== '=' ? m : undefined; } };
    const inside = (at, spans) => spans.some((s) => at >= s.start && at < s.end);
    const scopeAt = (at) => scopeOf(tree.rootNode.descendantForIndex(at, at), functions);
    const within = (at, scope) => {
        for (let n = tree.rootNode.descendantForIndex(at, at); n; n = n.parent)
            if (n.id === scope)
                return true;
        return false;
    };
    // First every name reachable from the seeds through what its definitions read, with those
    // definitions and the uses that must all fall inside what goes...
    const entries = new Map();
    const queue = [...seeds];
    // Bounds for hostile files (a megabyte line of names): a name read that often, or more names
    // than a token function has, is left alone rather than followed.
    while (queue.length && entries.size < MAX_NAMES) {
        const { name, scope } = queue.shift();
        if (entries.has(`${scope}:${name}`))
            continue;
        entries.set(`${scope}:${name}`, { lines: [], uses: [] });
        const found0 = (0,src_text/* wordOffsets */.r8)(text, name, undefined, MAX_OCCURRENCES + 1);
        if (found0.length > MAX_OCCURRENCES)
            continue;
        // A parameter declares a name and a comment only mentions it: neither is a use.
        const occurrences = found0.filter((at) => {
            const node = tree.rootNode.descendantForIndex(at, at);
            return !inParameters(node) && !isComment(node);
        });
        const statements = occurrences.flatMap((at) => {
            const statement = statementAt(tree, at, syntax);
            return statement ? [{ at, statement, scope: scopeOf(statement, functions) }] : [];
        });
        // Functions of this name, when nothing else calls them.
        const defined = statements.filter((x) => functions.has(x.statement.type) && functionName(x.statement) === name && x.at < x.statement.startIndex + 64);
        let found = [];
        let uses = occurrences;
        // `assertion, err := c.assertion()`: the local variable is what the seed named.
        const local = scope !== 0 && statements.some((x) => x.scope === scope && !functions.has(x.statement.type) && assignment.exec(x.statement.text)?.group(1) === name);
        if (defined.length && !local && !usedElsewhere(name)) {
            found = defined.flatMap((x) => {
                const lines = exchange_form_ownLines(text, x.statement, lang);
                return lines ? [{ lines, reads: x.statement.text, scope: 0 }] : [];
            });
        }
        else {
            // Assignments to the variable in its scope, else module constants at the top level.
            for (const where of scope ? [scope, 0] : [0]) {
                const assigned = statements.filter((x) => {
                    const m = assignment.exec(x.statement.text);
                    return x.scope === where && !functions.has(x.statement.type) && m?.group(1) === name && x.at < x.statement.startIndex + m[0].length;
                });
                if (!assigned.length)
                    continue;
                if (where === 0 && syntax.exportsGlobals && usedElsewhere(name))
                    break;
                found = assigned.flatMap((x) => {
                    const lines = withErrorCheck(text, x.statement, exchange_form_ownLines(text, x.statement, lang), lang);
                    const m = assignment.exec(x.statement.text);
                    return lines ? [{ lines, reads: x.statement.text.slice(m[0].length), scope: where }] : [];
                });
                // Uses of a local variable count in its own scope; a module constant's at the top level
                // and in functions that do not assign a local of that name.
                const assigning = new Set(statements.filter((x) => x.scope !== where && assignment.exec(x.statement.text)?.group(1) === name).map((x) => x.scope));
                // A local's uses include closures inside its scope that do not assign their own.
                uses = occurrences.filter((at) => (!where || within(at, where)) && (scopeAt(at) === where || !assigning.has(scopeAt(at))));
                break;
            }
        }
        if (found.length < (defined.length || 1) && !found.length)
            continue;
        entries.set(`${scope}:${name}`, { lines: found.map((f) => f.lines), uses });
        for (const f of found)
            for (const read of new Set(identifiers(f.reads, syntax)))
                queue.push({ name: read, scope: f.scope });
    }
    // ...then the largest set of them whose every use is inside the set (statements that read
    // each other, as `$jwt = $jwt + "." + $sig` and `$sig = sign($jwt)` do, go together).
    let alive = [...entries.values()].filter((e) => e.lines.length > 0);
    for (let changed = true; changed;) {
        const spans = alive.flatMap((e) => e.lines);
        const kept = alive.filter((e) => e.uses.every((at) => inside(at, spans)));
        changed = kept.length !== alive.length;
        alive = kept;
    }
    const removed = [];
    for (const span of alive.flatMap((e) => e.lines))
        if (!removed.some((r) => r.start === span.start))
            removed.push(span);
    // Nested removals (a statement inside a removed function) leave only the outer one.
    return removed.filter((r) => !removed.some((o) => o !== r && o.start <= r.start && r.end <= o.end));
}
/** A Go module's major-version path segment (`/v5`), and the package name a path ends in. */
const GO_MAJOR = (0,regex/* linear */.sn)(/^v\d+$/);
const GO_PACKAGE = (0,regex/* linear */.sn)(/^(?:go-)?([A-Za-z_]\w*)/);
const JVM_IMPORT = (0,regex/* linear */.sn)(/^import[ \t]+(?:static[ \t]+)?(?:[A-Za-z_]\w*\.)+([A-Za-z]\w*|_\w+)[ \t]*;?[ \t]*$/);
/**
 * The names an import statement binds (`import a.b` binds a; `from m import x as y` binds y; Go's
 * `"github.com/golang-jwt/jwt/v5"` binds jwt, `jose "gopkg.in/square/go-jose.v2"` binds jose).
 */
function importedNames(node) {
    if (node.type === 'namespace_use_declaration') {
        const names = [];
        for (let i = 0; i < node.namedChildCount; i++) {
            const clause = node.namedChild(i);
            if (clause.type !== 'namespace_use_clause')
                return [];
            const alias = clause.namedChildren.find((c) => c?.type === 'name');
            const path = clause.namedChildren.find((c) => c?.type === 'qualified_name');
            const last = alias ?? path?.namedChild(path.namedChildCount - 1);
            if (!last)
                return [];
            names.push(last.text);
        }
        return names;
    }
    if (node.type === 'import_spec') {
        const alias = node.childForFieldName('name');
        if (alias)
            return alias.type === 'package_identifier' ? [alias.text] : [];
        const segments = (node.childForFieldName('path')?.text ?? '').replaceAll('"', '').split('/');
        const last = GO_MAJOR.test(segments[segments.length - 1] ?? '') ? segments[segments.length - 2] : segments[segments.length - 1];
        return [GO_PACKAGE.exec(last ?? '')?.group(1) ?? ''].filter(Boolean);
    }
    // JVM imports of one class (`import io.jsonwebtoken.Jwts`); `{A, B}`, `*` and aliases are not judged.
    if (node.type === 'import' || node.type === 'import_declaration') {
        const jvm = JVM_IMPORT.exec(node.text);
        if (jvm || !node.childForFieldName('module_name'))
            return jvm ? [jvm.group(1)] : [];
    }
    const module = node.childForFieldName('module_name');
    const names = [];
    for (let i = 0; i < node.namedChildCount; i++) {
        const child = node.namedChild(i);
        if (!child || (module && child.id === module.id))
            continue;
        if (child.type === 'aliased_import')
            names.push(child.childForFieldName('alias')?.text ?? '');
        else if (child.type === 'dotted_name')
            names.push(child.text.split('.')[0]);
        else
            return []; // `import *` and the like: not ours to judge
    }
    return names.filter(Boolean);
}
/** Imports whose names the original used outside them and the rewritten text no longer uses. */
function unusedImports(before, text, tree, lang, syntax) {
    const out = [];
    const imports = tree.rootNode.descendantsOfType(syntax.imports ?? []);
    // A name inside another import (Go's "crypto" in "crypto/rand") is not a use.
    const inImport = (at) => imports.some((i) => at >= i.startIndex && at < i.endIndex) || isComment(tree.rootNode.descendantForIndex(at, at));
    for (const node of imports) {
        const names = importedNames(node);
        const usedOutside = (t, name) => (0,src_text/* wordOffsets */.r8)(t, name).some((at) => !inImport(at));
        const orphaned = names.length > 0 && names.every((n) => !usedOutside(text, n) && (0,src_text/* wordOffsets */.r8)(before, n).length > 1);
        // `import "x"` alone: the declaration goes with its only spec.
        const whole = node.parent && node.parent.namedChildCount === 1 && node.parent.type.startsWith('import') ? node.parent : node;
        const lines = orphaned ? exchange_form_ownLines(text, whole, lang) : undefined;
        if (lines)
            out.push(lines);
    }
    return out;
}
/**
 * Runs of blank lines where statements were deleted shrink to the gap the original had above the
 * deleted code (one between methods, two between Python's top-level functions).
 */
function tidyGaps(before, removed) {
    const text = applySplices(before, removed);
    const sorted = [...removed].sort((a, b) => a.start - b.start);
    let gone = 0;
    const at = sorted.map((r) => {
        const p = r.start - gone;
        gone += r.end - r.start;
        let keep = 0;
        for (let line = r.start; line > 0 && keep < 2; keep++) {
            line = (0,src_text/* lineStartOf */.El)(before, line - 1);
            if (!blankLine(before, line))
                break;
        }
        return { p, keep: Math.max(keep, 1) };
    });
    const gaps = [];
    for (const { p, keep } of at) {
        let start = p;
        while (start > 0) {
            const prev = (0,src_text/* lineStartOf */.El)(text, start - 1);
            if (!blankLine(text, prev))
                break;
            start = prev;
        }
        let end = p;
        const blankLines = [];
        for (let line = start; line < text.length;) {
            let eol = text.indexOf('\n', line);
            if (eol < 0)
                eol = text.length;
            if (!(0,src_text/* onlyBlanks */.Xx)(text, line, eol) || eol === text.length)
                break;
            blankLines.push(line);
            line = eol + 1;
            end = line;
        }
        // Nor after an opening bracket, before a closing one (`)` of Go's import block, `}` of a
        // class) or at the file's end.
        let before = start - 1;
        while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t' || text[before - 1] === '\r'))
            before--;
        const opens = before > 0 && '([{'.includes(text[before - 1]);
        const closes = opens || end >= text.length || ')]}'.includes(text[(0,src_text/* skipBlanks */.pw)(text, end)] ?? '');
        const room = closes ? 0 : keep;
        const gap = { start: blankLines[room], end, text: '' };
        if (blankLines.length > room && !gaps.some((g) => g.start < gap.end && gap.start < g.end))
            gaps.push(gap);
    }
    return applySplices(text, gaps);
}
function exchange_form_rewrite(ctx) {
    const lang = (0,languages/* languageOf */.eX)(ctx.file);
    const syntax = lang ? lang.form : undefined;
    const tree = lang && syntax ? ctx.parse?.() : undefined;
    if (!lang || !syntax || !tree)
        return null;
    let form;
    try {
        if (tree.rootNode.hasError)
            return null;
        form = formEdits(ctx, tree, lang, syntax);
    }
    finally {
        tree.delete();
    }
    if (!form)
        return null;
    // Offsets of the seeds in the rewritten text: the form's own splices come before or at them.
    let text = applySplices(ctx.text, form.splices);
    let seedsAt = form.seeds.map((s) => ({ name: s.name, at: mapOffset(form.splices, s.at) }));
    const unwrapped = syntax.signingCallback && lang.parser ? unwrapCallbacks(text, lang, syntax) : undefined;
    if (unwrapped) {
        seedsAt = [...seedsAt.map((s) => ({ ...s, at: mapOffset(unwrapped.splices, s.at) })), ...unwrapped.seeds];
        text = unwrapped.text;
    }
    const after = lang.parser ? (0,tree_sitter/* parseLoaded */.j$)(lang.parser, text) : undefined;
    if (!after)
        return null;
    try {
        const functions = new Set(lang.functionNodes);
        const seeds = seedsAt.map((s) => ({ name: s.name, scope: scopeOf(after.rootNode.descendantForIndex(s.at, s.at), functions) }));
        // A PowerShell script's functions are another file's only when it dot-sources the script.
        const dead = deadCode(text, after, lang, syntax, seeds, sharedNames(ctx, syntax));
        text = tidyGaps(text, dead);
    }
    finally {
        after.delete();
    }
    text = followParameters(ctx, text, lang, syntax, new Set(form.seeds.map((s) => s.name))) ?? text;
    if (syntax.imports && lang.parser) {
        const cleaned = (0,tree_sitter/* parseLoaded */.j$)(lang.parser, text);
        if (!cleaned)
            return null;
        try {
            text = tidyGaps(text, unusedImports(ctx.text, text, cleaned, lang, syntax));
        }
        finally {
            cleaned.delete();
        }
    }
    const ids = settledIds(ctx, exchange_form_RULES, text);
    if (!ids.includes('code-jwt-token-form-field'))
        return null;
    const choice = form.scopes;
    const requests = form.holder ? [{ file: form.holder, kind: 'exchange-url' }] : [];
    const manual = [...code_js_placeholderStep(ctx, choice, text, 'code-jwt-token-form-field'), ...unsentTokens(ctx.file, text, lang, form.seeds)];
    return { ruleIds: ids, text, manual, requests };
}
/**
 * A JWT the form no longer sends but the code still signs (inside a lambda, or read again
 * elsewhere): the token request works, and the signing is left for a person to delete.
 */
function unsentTokens(file, text, lang, seeds) {
    const names = [...new Set(seeds.map((s) => s.name))].filter((n) => JWT_NAME.test(n) && !['', '$'].some((sigil) => text.includes(`Deprecated: parameter ${sigil}${n} `)));
    if (!names.length || !lang.parser)
        return [];
    const tree = (0,tree_sitter/* parseLoaded */.j$)(lang.parser, text);
    if (!tree)
        return [];
    try {
        const steps = [];
        for (const name of names) {
            const at = (0,src_text/* wordOffsets */.r8)(text, name).find((i) => !isComment(tree.rootNode.descendantForIndex(i, i)));
            if (at === undefined)
                continue;
            steps.push({
                file,
                line: (0,src_text/* lineAt */.mh)(text, at),
                ruleId: 'code-jwt-token-form-field',
                instructions: `\`${name}\` is still signed here but the token request no longer sends it (OAuth Server-to-Server needs no JWT): delete the signing code, its claims and the private key it reads.`,
            });
        }
        return steps;
    }
    finally {
        tree.delete();
    }
}
/** The parameters step (see unusedParameters) and the dead code its removed arguments leave. */
function followParameters(ctx, text, lang, syntax, names) {
    const tree = (0,tree_sitter/* parseLoaded */.j$)(lang.parser, text);
    if (!tree)
        return undefined;
    let edits;
    try {
        edits = unusedParameters(text, tree, lang, syntax, names, sharedNames(ctx, syntax));
    }
    finally {
        tree.delete();
    }
    if (!edits.splices.length)
        return undefined;
    let next;
    try {
        next = applySplices(text, edits.splices);
    }
    catch {
        return undefined;
    }
    if (!edits.seeds.length)
        return next;
    const after = (0,tree_sitter/* parseLoaded */.j$)(lang.parser, next);
    if (!after)
        return undefined;
    try {
        const functions = new Set(lang.functionNodes);
        const seeds = edits.seeds.map((s) => {
            const at = mapOffset(edits.splices, s.at);
            return { name: s.name, scope: scopeOf(after.rootNode.descendantForIndex(at, at), functions) };
        });
        return tidyGaps(next, deadCode(next, after, lang, syntax, seeds, sharedNames(ctx, syntax)));
    }
    finally {
        after.delete();
    }
}
/** The start of the doc comment right above a line (`/** … */ `, a run of `; ///` or `#` lines), else the line. */
function aboveDocComment(text, line, lang) {
    if (line === 0)
        return line;
    const prev = (0,src_text/* lineStartOf */.El)(text, line - 1);
    const prevText = text.slice(prev, line).trim();
    if (prevText.endsWith('*/')) {
        const open = text.lastIndexOf('/*', prev + text.slice(prev, line).lastIndexOf('*/'));
        return open >= 0 && (0,src_text/* onlyBlanks */.Xx)(text, (0,src_text/* lineStartOf */.El)(text, open), open) ? (0,src_text/* lineStartOf */.El)(text, open) : line;
    }
    return commentsAbove(text, line, lang);
}
/** A call's argument list, in the grammars here. */
const ARGUMENT_LISTS = new Set(['arguments', 'argument_list', 'value_arguments']);
const CALL = (0,regex/* linear */.sn)(/call|invocation/);
const RECEIVER = new Set(['self', 'cls', '$this', 'this']);
/** A parameter's name (`String jwt`, `jwt: String`, `$jwt`). */
function parameterName(node, syntax) {
    const named = node.childForFieldName('name');
    return named ? identifiers(named.text, syntax)[0] : identifiers(node.text, syntax)[0];
}
/**
 * Parameters the form's token came in by (`fetch(jwtToken, secret)`) that the function no longer
 * reads. When only this file calls the function, the parameter goes with the argument in its
 * place at every call, and what those arguments read seeds the dead code again (the caller's
 * `jwtToken = sign(…)`). A function that other files call keeps its signature: a library's public
 * API stays, with a deprecation comment, and its callers drop the argument in their own time.
 */
function unusedParameters(text, tree, lang, syntax, names, usedElsewhere) {
    const splices = [];
    const seeds = [];
    const reads = (fn, name) => (0,src_text/* wordOffsets */.r8)(fn.text, name).some((rel) => {
        const node = tree.rootNode.descendantForIndex(fn.startIndex + rel, fn.startIndex + rel);
        return !inParameters(node) && !isComment(node);
    });
    const functions = tree.rootNode.descendantsOfType(lang.functionNodes).filter((f) => !!f);
    // The function that sends the rewritten form (the innermost one holding it).
    const senders = functions.filter((f) => f.text.includes('client_credentials') && !functions.some((g) => g.id !== f.id && g.startIndex >= f.startIndex && g.endIndex <= f.endIndex && g.text.includes('client_credentials')));
    for (const fn of senders) {
        const list = fn.childForFieldName('parameters') ?? fn.namedChildren.find((c) => !!c && PARAMETERS.has(c.type));
        const fname = functionName(fn);
        if (!list || !fname)
            continue;
        const params = list.namedChildren.filter((c) => !!c && !isComment(c));
        // `shown`: the name as declared (PHP's `$jwt`).
        const unused = params
            .map((p, i) => ({ i, name: parameterName(p, syntax), shown: p.childForFieldName('name')?.text }))
            .filter((p) => p.name && names.has(p.name) && !reads(fn, p.name));
        if (!unused.length)
            continue;
        // Every other mention of the function must be a call with one argument per parameter (a
        // method called on `self` passes one fewer).
        const skip = params.length > 0 && RECEIVER.has(parameterName(params[0], syntax) ?? '') ? 1 : 0;
        const calls = [];
        let callsOk = !usedElsewhere(fname);
        for (const at of (0,src_text/* wordOffsets */.r8)(text, fname)) {
            if (!callsOk)
                break;
            if (at === functionNameNode(fn)?.startIndex)
                continue; // the declaration itself
            const here = tree.rootNode.descendantForIndex(at, at);
            if (!here || isComment(here))
                continue;
            let call = here.parent;
            while (call && !CALL.test(call.type))
                call = call.parent;
            const args = call && (call.childForFieldName('arguments') ?? call.namedChildren.find((c) => !!c && ARGUMENT_LISTS.has(c.type)));
            const items = args?.namedChildren.filter((c) => !!c && !isComment(c));
            if (!call || !args || !items || at >= args.startIndex || items.length !== params.length - skip)
                callsOk = false;
            else
                calls.push(items);
        }
        const nameNode = functionNameNode(fn);
        const head = text.slice((0,src_text/* lineStartOf */.El)(text, fn.startIndex), nameNode.endIndex);
        const vis = syntax.visibility;
        const api = !!vis && (!!vis.public?.test(head) || (!!vis.private && !vis.private.test(head))); // native-regex: a declaration's head
        if (!callsOk || api || !calls.length) {
            // A deprecation note above the function and its doc comment (which stays next to it), once.
            const start = aboveDocComment(text, (0,src_text/* lineStartOf */.El)(text, fn.startIndex), lang);
            const marker = lang.lineComments[0];
            const note = unused.map((p) => `${(0,src_text/* indentAt */.oY)(text, fn.startIndex)}${marker} Deprecated: parameter ${p.shown ?? p.name} is unused (OAuth Server-to-Server sends no JWT); kept for callers.${(0,src_text/* eolOf */.Wl)(text)}`).join('');
            const own = (0,src_text/* onlyBlanks */.Xx)(text, (0,src_text/* lineStartOf */.El)(text, fn.startIndex), fn.startIndex);
            if (own && !text.slice(Math.max(0, start - 400), start).includes(`Deprecated: parameter ${unused[0].shown ?? unused[0].name} `))
                splices.push({ start, end: start, text: note });
            continue;
        }
        for (const p of unused) {
            splices.push(dropElement(params, p.i));
            for (const items of calls) {
                const arg = items[p.i - skip];
                splices.push(dropElement(items, p.i - skip));
                seeds.push(...[...new Set(identifiers(arg.text, syntax))].map((name) => ({ name, at: arg.startIndex })));
            }
        }
    }
    return { splices, seeds };
}
/**
 * Signing calls whose callback no longer reads the token (the form it fed was rewritten): the
 * callback's statements take the call's place, and what the call signed with seeds the dead code.
 */
function unwrapCallbacks(text, lang, syntax) {
    const tree = (0,tree_sitter/* parseLoaded */.j$)(lang.parser, text);
    if (!tree)
        return undefined;
    const splices = [];
    const seeds = [];
    try {
        const signs = (0,regex/* linear */.sn)(syntax.signingCallback);
        for (const call of tree.rootNode.descendantsOfType('call_expression')) {
            const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => !!c) ?? [];
            const callback = args[args.length - 1];
            const statement = call.parent;
            if (!signs.test(call.childForFieldName('function')?.text ?? '') || !callback || statement?.type !== 'expression_statement')
                continue;
            const body = callback.childForFieldName('body');
            const params = identifiers(callback.childForFieldName('parameters')?.text ?? '', syntax);
            // A parameter a nested callback declares again (`function (err, res)`) is that one's.
            const read = (p) => !!body &&
                (0,src_text/* wordOffsets */.r8)(body.text, p).some((rel) => {
                    const at = body.startIndex + rel;
                    const here = tree.rootNode.descendantForIndex(at, at);
                    // Only a name is a read: not `/ims/token/v3` in a string, nor `.token` of an object.
                    if (!here || (here.type !== 'identifier' && here.type !== 'shorthand_property_identifier'))
                        return false;
                    for (let n = here; n && n.id !== callback.id; n = n.parent) {
                        const own = n.childForFieldName('parameters');
                        if (own && n.id !== callback.id && (0,src_text/* wordOffsets */.r8)(own.text, p).length)
                            return false;
                    }
                    return true;
                });
            if (body?.type !== 'statement_block' || params.some(read))
                continue;
            const start = (0,src_text/* lineStartOf */.El)(text, statement.startIndex);
            const nl = text.indexOf('\n', statement.endIndex);
            const end = nl < 0 ? text.length : nl + 1;
            const first = body.namedChild(0);
            if (!first || !(0,src_text/* onlyBlanks */.Xx)(text, start, statement.startIndex) || !(0,src_text/* onlyBlanks */.Xx)(text, statement.endIndex + 1, end - 1))
                continue;
            // The body's lines, one level out (to the call statement's indentation).
            const from = text.indexOf('\n', body.startIndex) + 1;
            const to = (0,src_text/* lineStartOf */.El)(text, body.endIndex - 1);
            const inner = (0,src_text/* indentAt */.oY)(text, first.startIndex);
            const outer = (0,src_text/* indentAt */.oY)(text, statement.startIndex);
            const lines = text.slice(from, to).split('\n');
            if (!inner.startsWith(outer) || lines.some((l) => l.trim() && !l.startsWith(inner)))
                continue;
            splices.push({ start, end, text: lines.map((l) => (l.trim() ? outer + l.slice(inner.length) : l)).join('\n') });
            for (const a of args.slice(0, -1))
                for (const name of new Set(identifiers(a.text, syntax)))
                    seeds.push({ name, at: start });
        }
    }
    finally {
        tree.delete();
    }
    if (!splices.length)
        return undefined;
    try {
        return { text: applySplices(text, splices), splices, seeds };
    }
    catch {
        return undefined;
    }
}
/** Whether names of this file's functions can be another file's (see `rewrite`). */
function sharedNames(ctx, syntax) {
    const file = ctx.file.slice(ctx.file.lastIndexOf('/') + 1);
    const shared = syntax.exportsGlobals || !file.toLowerCase().endsWith('.ps1') || (ctx.usedElsewhere?.(file) ?? true);
    return (name) => shared && (ctx.usedElsewhere?.(name) ?? true);
}
/**
 * What an earlier rewrite of this file left behind: functions and variables the original used and
 * nothing uses now (the claims builder, the key reader), then what only they used, and imports.
 */
function orphans(ctx) {
    const lang = (0,languages/* languageOf */.eX)(ctx.file);
    const syntax = lang ? lang.form : undefined;
    if (!lang?.parser || !syntax || ctx.original === undefined || ctx.original === ctx.text)
        return null;
    // An earlier rewrite of the form inside a signing callback leaves the callback's token unread.
    const unwrapped = syntax.signingCallback ? unwrapCallbacks(ctx.text, lang, syntax) : undefined;
    let text = unwrapped?.text ?? ctx.text;
    const tree = unwrapped ? (0,tree_sitter/* parseLoaded */.j$)(lang.parser, text) : ctx.parse?.();
    if (!tree)
        return null;
    try {
        if (tree.rootNode.hasError)
            return null;
        const functions = new Set(lang.functionNodes);
        const seeds = (unwrapped?.seeds ?? []).map((s) => ({ name: s.name, scope: scopeOf(tree.rootNode.descendantForIndex(s.at, s.at), functions) }));
        const seen = new Set();
        for (const node of tree.rootNode.descendantsOfType([...functions]).slice(0, MAX_NAMES)) {
            const name = functionName(node);
            if (!name || seen.has(name))
                continue;
            seen.add(name);
            // Used outside its own body before this run's rewrites, and not now.
            const inside = (0,src_text/* wordOffsets */.r8)(node.text, name).length;
            const now = (0,src_text/* wordOffsets */.r8)(text, name).length - inside;
            if (now === 0 && (0,src_text/* wordOffsets */.r8)(ctx.original, name).length > inside)
                seeds.push({ name, scope: 0 });
        }
        const dead = seeds.length ? deadCode(text, tree, lang, syntax, seeds, sharedNames(ctx, syntax)) : [];
        if (!dead.length && !unwrapped)
            return null;
        text = tidyGaps(text, dead);
    }
    finally {
        tree.delete();
    }
    if (syntax.imports) {
        const cleaned = (0,tree_sitter/* parseLoaded */.j$)(lang.parser, text);
        if (!cleaned)
            return null;
        try {
            text = tidyGaps(text, unusedImports(ctx.original, text, cleaned, lang, syntax));
        }
        finally {
            cleaned.delete();
        }
    }
    return { ruleIds: settledIds(ctx, exchange_form_RULES, text), text };
}
const exchangeFormRewriters = [
    {
        name: 'hand-written JWT exchange form',
        ruleIds: ['code-jwt-token-form-field'],
        syntax: true,
        rewrite: exchange_form_rewrite,
    },
];
/** The exchange URL a rewritten form in another file posts to, when that rewrite asked. */
function heldUrl(ctx) {
    if (!ctx.requested?.has('exchange-url'))
        return null;
    const text = ctx.text;
    const splices = [];
    for (const m of EXCHANGE_PATH.matchAll(text)) {
        if (commentLine(text, (0,src_text/* lineStartOf */.El)(text, m.index), commentsOf(ctx.file)))
            continue;
        splices.push({ start: m.index, end: m.end, text: TOKEN_PATH });
    }
    if (!splices.length)
        return null;
    const out = applySplices(text, splices);
    return { ruleIds: settledIds(ctx, ['code-ims-jwt-exchange', 'code-ims-jwt-exchange-config', 'code-ims-jwt-exchange-manual'], out), text: out };
}
const heldUrlRewriters = [
    { name: 'exchange URL another file posts to', ruleIds: ['code-ims-jwt-exchange', 'code-ims-jwt-exchange-config', 'code-ims-jwt-exchange-manual'], rewrite: heldUrl },
];
/** Runs after every other code rewrite of a file. */
const orphanRewriters = [
    {
        name: 'JWT helpers left without callers',
        ruleIds: ['code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-jwt-token-function', 'code-jwt-library-python', 'code-jwt-library-manual', 'code-jwt-signing-powershell'],
        syntax: true,
        rewrite: orphans,
    },
];

;// CONCATENATED MODULE: ./src/migrate/rewriters/jwt-branch.ts
// Libraries that offered JWT as one authentication option beside OAuth choose it in an if/else-if
// chain: `if auth_type == "jwt": …`, or a branch that sets `self.connectionType = 'jwt'`. With JWT
// retired that branch is dead: it goes, the next branch takes its place, and the functions only it
// called are left for the orphan rewrite (which runs after this one) to delete.





/** A condition that picks JWT: `auth_type == "jwt"`, `'JWT' == mode`. */
const PICKS_JWT = (0,regex/* linear */.sn)(/==[ \t]*['"]jwt['"]|['"]jwt['"][ \t]*==/i);
/** A statement that records the JWT choice: `self.connectionType = 'jwt'`. */
const SETS_JWT = (0,regex/* linear */.sn)(/^[\w.[\]'"]+[ \t]*=[ \t]*['"]jwt['"][ \t]*;?$/i);
const jwt_branch_RULES = ['code-jwt-token-function', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-ims-jwt-exchange', 'code-jwt-token-form-field', 'code-jwt-library-python'];
function bodyOf(node, syntax) {
    return node.childForFieldName(syntax.body) ?? node.childForFieldName('body') ?? node.namedChild(node.namedChildCount - 1);
}
function picksJwt(condition, body) {
    if (condition && PICKS_JWT.test(condition.text))
        return true;
    for (let i = 0; body && i < body.namedChildCount; i++)
        if (SETS_JWT.test(body.namedChild(i).text))
            return true;
    return false;
}
function clausesOf(statement, syntax) {
    const body = bodyOf(statement, syntax);
    const clauses = [{ node: statement, start: statement.startIndex, body, conditional: true, jwt: picksJwt(statement.childForFieldName(syntax.condition), body) }];
    for (let i = 0; i < statement.namedChildCount; i++) {
        const c = statement.namedChild(i);
        if (c.type === syntax.elseIf) {
            const b = bodyOf(c, syntax);
            clauses.push({ node: c, start: c.startIndex, body: b, conditional: true, jwt: picksJwt(c.childForFieldName(syntax.condition), b) });
        }
        else if (c.type === syntax.else)
            clauses.push({ node: c, start: c.startIndex, body: bodyOf(c, syntax), conditional: false, jwt: false });
    }
    return clauses;
}
/** The end of the line holding `at` (after its line break). */
function lineEndAfter(text, at) {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl + 1;
}
/** A block's lines moved out by one level, or undefined when a line cannot be (a long string). */
function dedented(text, block, to) {
    const from = (0,src_text/* lineStartOf */.El)(text, block.startIndex);
    const indent = (0,src_text/* indentAt */.oY)(text, block.startIndex);
    if (!indent.startsWith(to) || indent === to)
        return undefined;
    const out = [];
    for (const line of text.slice(from, lineEndAfter(text, block.endIndex)).split('\n')) {
        if (!line.trim())
            out.push(line.trimEnd() === line ? line : '');
        else if (line.startsWith(indent))
            out.push(to + line.slice(indent.length));
        else
            return undefined; // a continuation or string line at another indentation
    }
    return out.join('\n');
}
/** The edits that drop a chain's JWT branches; undefined when the chain cannot lose them cleanly. */
function branchEdits(text, statement, syntax) {
    const clauses = clausesOf(statement, syntax);
    if (!clauses.some((c) => c.jwt))
        return [];
    const kept = clauses.filter((c) => !c.jwt);
    const indent = (0,src_text/* indentAt */.oY)(text, statement.startIndex);
    const whole = { start: (0,src_text/* lineStartOf */.El)(text, statement.startIndex), end: lineEndAfter(text, statement.endIndex) };
    if (!(0,src_text/* onlyBlanks */.Xx)(text, whole.start, statement.startIndex))
        return undefined;
    if (!kept.length) {
        // Only JWT was chosen here: the statement goes, or `pass` stands in for it.
        const alone = statement.parent && statement.parent.namedChildCount === 1;
        return [{ ...whole, text: alone ? `${indent}${syntax.empty}${(0,src_text/* eolOf */.Wl)(text)}` : '' }];
    }
    if (!kept[0].conditional) {
        // Only the else is left: its body takes the statement's place.
        const body = kept[0].body ? dedented(text, kept[0].body, indent) : undefined;
        return body === undefined ? undefined : [{ ...whole, text: body }];
    }
    const splices = [];
    clauses.forEach((c, i) => {
        if (!c.jwt)
            return;
        const next = clauses[i + 1];
        if (i === 0)
            splices.push({ start: statement.startIndex, end: next.start, text: '' });
        else
            splices.push({ start: (0,src_text/* lineStartOf */.El)(text, c.start), end: next ? (0,src_text/* lineStartOf */.El)(text, next.start) : whole.end, text: '' });
    });
    // The first branch kept opens the chain.
    if (clauses[0].jwt && kept[0].node.type === syntax.elseIf) {
        splices.push({ start: kept[0].start, end: kept[0].start + syntax.elseIfKeyword.length, text: syntax.ifKeyword });
    }
    return splices;
}
function jwt_branch_rewrite(ctx) {
    const lang = (0,languages/* languageOf */.eX)(ctx.file);
    const syntax = lang?.branches;
    if (!syntax)
        return null;
    const tree = ctx.parse?.();
    if (!tree)
        return null;
    const splices = [];
    try {
        if (tree.rootNode.hasError)
            return null;
        let covered = -1;
        for (const statement of tree.rootNode.descendantsOfType(syntax.statement)) {
            if (statement.startIndex < covered)
                continue; // inside a chain already edited
            const edits = branchEdits(ctx.text, statement, syntax);
            if (edits === undefined)
                return null;
            if (!edits.length)
                continue;
            splices.push(...edits);
            covered = statement.endIndex;
        }
    }
    finally {
        tree.delete();
    }
    if (!splices.length)
        return null;
    let text;
    try {
        text = applySplices(ctx.text, splices);
    }
    catch {
        return null;
    }
    return { ruleIds: settledIds(ctx, jwt_branch_RULES, text), text };
}
const jwtBranchRewriters = [
    {
        name: 'JWT branch of a library offering several authentication methods',
        ruleIds: jwt_branch_RULES,
        syntax: true,
        rewrite: jwt_branch_rewrite,
    },
];

;// CONCATENATED MODULE: ./src/migrate/rewriters/keys.ts


const KEY_FILE_RULES = ['key-private-key-file', 'key-config-zip', 'key-jwt-certificate', 'key-pem-private-key'];
// "This file holds only a key": what the pattern
//   /^(?:\s*(?:[^\n-][^\n]{0,200}\n)?)*?\s*-----BEGIN [A-Z ]+-----[\s\S]*-----END [A-Z ]+-----\s*$/
// matched, checked line by line. As a RegExp it backtracked exponentially on a PEM key indented
// in a YAML block scalar with more keys after it.
const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
/** Longest header line: one character that is not `-`, then up to 200 more. */
const MAX_HEADER = 201;
const isLabel = (c) => c === ' ' || (c !== undefined && c >= 'A' && c <= 'Z');
/** Where the `-----END <LABEL>-----` that ends the text (before trailing whitespace) starts, or -1. */
function finalEnd(text) {
    let e = text.length;
    while (e > 0 && (0,src_text/* isSpace */.xC)(text[e - 1]))
        e--;
    if (!text.startsWith(DASHES, e - DASHES.length) || e < DASHES.length)
        return -1;
    const labelEnd = e - DASHES.length;
    let s = labelEnd;
    while (s > 0 && isLabel(text[s - 1]))
        s--;
    // the run of label characters takes in "END " too: it must start right after the dashes
    const start = s - DASHES.length;
    const labelStart = start + END.length;
    return start >= 0 && text.startsWith(END, start) && labelEnd > labelStart ? start : -1;
}
/** End of a `-----BEGIN <LABEL>-----` whose label starts at `from`, or -1. */
function beginEnd(text, from) {
    let i = from;
    while (i < text.length && isLabel(text[i]))
        i++;
    return i > from && text.startsWith(DASHES, i) ? i + DASHES.length : -1;
}
/**
 * Whether a line may stand before the key: blank, or a short header (`Bag Attributes`, a YAML
 * key) of at most 201 characters after its indent, where a line starting with `-` needs an indent
 * character to stand in for its first character.
 */
function headerLine(text, start, firstNonSpace, end) {
    if (firstNonSpace === end)
        return true;
    if (text[firstNonSpace] !== '-')
        return end - firstNonSpace <= MAX_HEADER;
    return firstNonSpace > start && end - firstNonSpace + 1 <= MAX_HEADER;
}
/** A file that holds nothing but PEM blocks (and blank lines or a short header). */
function pemOnly(text) {
    const end = finalEnd(text);
    if (end < 0)
        return false;
    for (let start = 0;;) {
        const nl = text.indexOf('\n', start);
        const lineEnd = nl < 0 ? text.length : nl;
        let i = start;
        while (i < lineEnd && (0,src_text/* isSpace */.xC)(text[i]))
            i++;
        if (text.startsWith(BEGIN, i)) {
            const e = beginEnd(text, i + BEGIN.length);
            if (e >= 0 && e <= end)
                return true;
        }
        if (nl < 0 || !headerLine(text, start, i, lineEnd))
            return false;
        start = nl + 1;
    }
}
const REVOKE = 'This key was committed: deleting the file does not remove it from git history. After the OAuth Server-to-Server credential is in use, delete the Service Account (JWT) credential in the Adobe Developer Console, which revokes the key, and rotate anything else the key protected.';
/** Committed key material is deleted; revoking it is a manual step in the Console. */
const keys = {
    name: 'key files',
    ruleIds: KEY_FILE_RULES,
    rewrite(ctx) {
        const ids = [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => KEY_FILE_RULES.includes(id));
        const pathOnly = ids.some((id) => id !== 'key-pem-private-key');
        const keyOnly = pemOnly(ctx.text);
        if (!pathOnly && !keyOnly)
            return null; // an inline key inside other content: another rewriter's job
        const isCert = external_node_path_.posix.basename(ctx.file) === 'certificate_pub.crt';
        return {
            ruleIds: ids,
            delete: true,
            manual: isCert
                ? []
                : [{ file: ctx.file, line: 1, ruleId: ids[0], instructions: REVOKE }],
        };
    },
};

;// CONCATENATED MODULE: ./src/migrate/rewriters/postman.ts
// Postman exports (Adobe's "Export to Postman"): environments lose PRIVATE_KEY / JWT_TOKEN /
// META_SCOPE and gain SCOPES; collections lose the jsrsasign pre-request signing and get a
// client_credentials token request at /ims/token/v3 (the exchange request is turned into it).



const postman_RULES = ['config-postman-jwt', 'code-ims-jwt-exchange-config'];
const JWT_VARS = (0,regex/* linear */.sn)(/^(?:PRIVATE_KEY|JWT_TOKEN)$/);
const META_VAR = (0,regex/* linear */.sn)(/^(?:META_?SCOPES?|METASCOPES?)$/);
const SIGNING = (0,regex/* linear */.sn)(/KJUR\.jws\.JWS\.sign|jsrsasign/);
const BEARER_VAR = (0,regex/* linear */.sn)(/Bearer \{\{(\w+)\}\}/);
const at = (root, path) => {
    let n = root;
    for (const p of path)
        n = n && (typeof p === 'number' ? n.items[p] : member(n, p)?.value);
    return n;
};
const str = (n) => (n && typeof n.value === 'string' ? n.value : undefined);
function scriptText(ev) {
    const exec = at(ev, ['script', 'exec']);
    if (!exec)
        return '';
    return exec.kind === 'array' ? exec.items.map((i) => str(i) ?? '').join('\n') : (str(exec) ?? '');
}
function urlText(req) {
    const url = member(req, 'url')?.value;
    if (!url)
        return '';
    if (url.kind === 'value')
        return str(url) ?? '';
    const path = member(url, 'path')?.value;
    return `${str(member(url, 'raw')?.value) ?? ''} ${path?.items.map((p) => str(p)).join('/') ?? ''}`;
}
/** Paths of every collection item (recursively through folders). */
function items(n, path, out) {
    const list = member(n, 'item')?.value;
    list?.items.forEach((it, i) => {
        out.push([...path, 'item', i]);
        items(it, [...path, 'item', i], out);
    });
    return out;
}
class Editor {
    text;
    constructor(text) {
        this.text = text;
    }
    get root() {
        return parseJson(this.text);
    }
    node(path) {
        return at(this.root, path);
    }
    replace(n, value) {
        this.text = this.text.slice(0, n.start) + value + this.text.slice(n.end);
    }
    removeAt(containerPath, idx) {
        this.text = removeElement(this.text, this.node(containerPath), idx);
    }
}
const postman = {
    name: 'Postman environment / collection',
    ruleIds: postman_RULES,
    rewrite(ctx) {
        if (!/\.json$/.test(ctx.file))
            return null; // native-regex: a file path
        if (!ctx.text.includes('_postman_') && !ctx.text.includes('getpostman.com'))
            return null;
        const root0 = parseJson(ctx.text);
        if (!root0)
            return null;
        const ed = new Editor(ctx.text);
        const manual = [];
        const isCollection = !!member(root0, 'info') && !!member(root0, 'item');
        // Variables: environment `values`, collection `variable`.
        let scopesVar = false;
        for (const list of ['values', 'variable']) {
            const vars = () => ed.node([list]);
            const keyOf = (n) => str(member(n, 'key')?.value) ?? '';
            if (!vars() || vars().kind !== 'array')
                continue;
            const hasScopes = vars().items.some((v) => keyOf(v) === 'SCOPES');
            scopesVar ||= hasScopes;
            for (let i = vars().items.length - 1; i >= 0; i--) {
                const v = vars().items[i];
                const key = keyOf(v);
                if (JWT_VARS.test(key))
                    ed.removeAt([list], i);
                else if (META_VAR.test(key)) {
                    if (hasScopes) {
                        ed.removeAt([list], i);
                        continue;
                    }
                    const choice = ctx.scopes(metascopeList(str(member(v, 'value')?.value) ?? ''));
                    manual.push(...scopesStep(ctx.file, (0,src_text/* lineAt */.mh)(ed.text, v.start), postman_RULES[0], choice));
                    const value = member(v, 'value');
                    if (value)
                        ed.replace(value.value, JSON.stringify(choice.value));
                    ed.replace(member(ed.node([list, i]), 'key').value, '"SCOPES"');
                    scopesVar = true;
                }
            }
        }
        if (isCollection) {
            const paths = [[], ...items(root0, [], [])];
            let signing = false;
            let exchanged = false;
            // signing scripts go (from the last so earlier paths stay valid)
            for (const p of [...paths].reverse()) {
                const evs = ed.node([...p, 'event']);
                if (!evs || evs.kind !== 'array')
                    continue;
                let removed = false;
                for (let i = evs.items.length - 1; i >= 0; i--) {
                    const script = scriptText(ed.node([...p, 'event']).items[i]);
                    if (!SIGNING.test(script))
                        continue;
                    if (script.includes('sendRequest') || script.includes('ims/exchange'))
                        return null; // signs and exchanges in script: by hand
                    signing = removed = true;
                    ed.removeAt([...p, 'event'], i);
                }
                const left = ed.node([...p, 'event']);
                if (removed && !left.items.length) {
                    const owner = ed.node(p);
                    ed.text = removeElement(ed.text, owner, owner.members.findIndex((m) => m.key === 'event'));
                }
            }
            for (const p of paths) {
                const req = ed.node([...p, 'request']);
                if (!req || req.kind !== 'object' || !EXCHANGE_PATH.test(urlText(req)))
                    continue;
                exchanged = true;
                if (!migrateRequest(ed, [...p, 'request']))
                    return null;
            }
            if (signing && !exchanged)
                addTokenRequest(ed);
            if ((signing || exchanged) && !scopesVar && !ctx.files.some((f) => f.includes('postman_environment'))) {
                manual.push({
                    file: ctx.file,
                    line: 1,
                    ruleId: postman_RULES[0],
                    instructions: 'Add a SCOPES variable (the comma-separated scopes of the OAuth Server-to-Server credential) to the Postman environment used with this collection, and remove PRIVATE_KEY, JWT_TOKEN and META_SCOPE from it.',
                });
            }
        }
        if (ed.text === ctx.text)
            return null;
        const ids = settledIds(ctx, postman_RULES, ed.text);
        return ids.length ? { ruleIds: ids, text: ed.text, manual } : null;
    },
};
const field = (key, value) => `{ "key": ${JSON.stringify(key)}, "value": ${value}, "type": "text" }`;
/** The exchange request becomes a client_credentials POST to /ims/token/v3 on the same host. */
function migrateRequest(ed, reqPath) {
    const req = ed.node(reqPath);
    const body = member(req, 'body')?.value;
    const form = body && (member(body, 'formdata') ?? member(body, 'urlencoded'))?.value;
    const formValue = (k) => {
        const f = form?.items.find((i) => str(member(i, 'key')?.value) === k);
        const v = f && member(f, 'value');
        return v ? ed.text.slice(v.value.start, v.value.end) : undefined;
    };
    const fields = [
        field('grant_type', '"client_credentials"'),
        field('client_id', formValue('client_id') ?? '"{{API_KEY}}"'),
        field('client_secret', formValue('client_secret') ?? '"{{CLIENT_SECRET}}"'),
        field('scope', '"{{SCOPES}}"'),
    ];
    const eol = (0,src_text/* eolOf */.Wl)(ed.text);
    const reqUnit = indentUnit(ed.text, req) || '\t';
    const bodyIndent = (0,src_text/* indentAt */.oY)(ed.text, member(req, 'method')?.start ?? req.start);
    const inner = bodyIndent + reqUnit;
    const newBody = `{${eol}${inner}"mode": "urlencoded",${eol}${inner}"urlencoded": [${eol}${fields.map((f) => inner + reqUnit + f).join(`,${eol}`)}${eol}${inner}]${eol}${bodyIndent}}`;
    // edits from the end of the request backwards, re-reading spans each time
    const url = member(ed.node(reqPath), 'url')?.value;
    if (url?.kind === 'value')
        ed.replace(url, JSON.stringify(EXCHANGE_PATH.replace(str(url) ?? '', TOKEN_PATH)));
    else if (url) {
        const path = member(url, 'path')?.value;
        if (path?.kind === 'array') {
            const style = arrayStyle(ed.text, path, (0,src_text/* indentAt */.oY)(ed.text, path.start), '');
            ed.replace(path, style(['"ims"', '"token"', '"v3"']));
        }
        const raw = member(ed.node([...reqPath, 'url']), 'raw')?.value;
        if (raw)
            ed.replace(raw, JSON.stringify(EXCHANGE_PATH.replace(str(raw) ?? '', TOKEN_PATH)));
    }
    const b = member(ed.node(reqPath), 'body');
    if (b)
        ed.replace(b.value, newBody);
    else {
        const r = ed.node(reqPath);
        ed.text = insertMembers(ed.text, r, r.members.length - 1, [`"body": ${newBody}`]);
    }
    const headers = member(ed.node(reqPath), 'header')?.value;
    headers?.items.forEach((h, i) => {
        if ((str(member(h, 'key')?.value) ?? '').toLowerCase() === 'content-type') {
            const v = member(ed.node([...reqPath, 'header', i]), 'value');
            if (v)
                ed.replace(v.value, '"application/x-www-form-urlencoded"');
        }
    });
    const method = member(ed.node(reqPath), 'method');
    if (method)
        ed.replace(method.value, '"POST"');
    return !EXCHANGE_PATH.test(urlText(ed.node(reqPath)));
}
/** A collection that only signed (the exchange happened elsewhere) gets its own token request first. */
function addTokenRequest(ed) {
    const root = ed.root;
    const list = member(root, 'item').value;
    const host = ed.text.includes('{{IMS}}') ? 'https://{{IMS}}' : 'https://ims-na1.adobelogin.com';
    const tokenVar = BEARER_VAR.exec(ed.text)?.group(1) ?? 'ACCESS_TOKEN';
    const clientVar = ed.text.includes('{{API_KEY}}') ? 'API_KEY' : 'CLIENT_ID';
    const scope = member(root, 'variable') ? 'collectionVariables' : 'environment';
    const eol = (0,src_text/* eolOf */.Wl)(ed.text);
    const first = list.items[0];
    const ind = first ? (0,src_text/* indentAt */.oY)(ed.text, first.start) : '\t\t';
    const u = indentUnit(ed.text, root) || '\t';
    const lines = [
        '{',
        `${u}"name": "IMS: OAuth Server-to-Server token",`,
        `${u}"event": [`,
        `${u}${u}{ "listen": "test", "script": { "type": "text/javascript", "exec": ["pm.${scope}.set('${tokenVar}', pm.response.json().access_token);"] } }`,
        `${u}],`,
        `${u}"request": {`,
        `${u}${u}"method": "POST",`,
        `${u}${u}"header": [],`,
        `${u}${u}"body": {`,
        `${u}${u}${u}"mode": "urlencoded",`,
        `${u}${u}${u}"urlencoded": [`,
        [field('grant_type', '"client_credentials"'), field('client_id', `"{{${clientVar}}}"`), field('client_secret', '"{{CLIENT_SECRET}}"'), field('scope', '"{{SCOPES}}"')]
            .map((f) => `${u}${u}${u}${u}${f}`)
            .join(`,${eol}${ind}`),
        `${u}${u}${u}]`,
        `${u}${u}},`,
        `${u}${u}"url": ${JSON.stringify(`${host}/ims/token/v3`)}`,
        `${u}}`,
        '}',
    ];
    const item = lines.join(`${eol}${ind}`);
    if (first)
        ed.text = `${ed.text.slice(0, first.start)}${item},${eol}${ind}${ed.text.slice(first.start)}`;
    else
        ed.text = `${ed.text.slice(0, list.start + 1)}${eol}${ind}${item}${eol}${(0,src_text/* indentAt */.oY)(ed.text, list.end - 1)}${ed.text.slice(list.start + 1)}`;
}
const postmanRewriters = [postman];

;// CONCATENATED MODULE: ./src/migrate/rewriters/pyconfigs.ts
// Python library configs: aepp / aanalytics2 / cjapy JSON (tech_id + pathToKey -> scopes) and the
// User Sync Tool umapi connector (authentication_method: oauth, no technical account or key).





const SDK_RULE = 'config-python-sdk-jwt-config';
const UST_RULE = 'config-user-sync-jwt';
const pyconfigs_JWT_KEYS = ['pathToKey', 'private_key'];
/** The product a config is for, from its keys and name: the libraries' configs carry no metascopes. */
function metascopesFor(file, obj) {
    // native-regex: a file path
    if (obj.members.some((m) => m.key.startsWith('sandbox')) || /aep|platform/i.test(file))
        return ['ent_dataservices_sdk'];
    if (/cja/i.test(file))
        return ['ent_cja_sdk', 'ent_dataservices_sdk']; // native-regex: a file path
    if (/analytics/i.test(file))
        return ['ent_analytics_bulk_ingest_sdk']; // native-regex: a file path
    return [];
}
function jwtObjects(n, path, out) {
    const keys = n.members.map((m) => m.key);
    if (keys.includes('tech_id') && !keys.includes('scopes') && pyconfigs_JWT_KEYS.some((k) => keys.includes(k)))
        out.push(path);
    for (const m of n.members)
        jwtObjects(m.value, [...path, m.key], out);
    n.items.forEach((it, i) => jwtObjects(it, [...path, i], out));
    return out;
}
function pyconfigs_at(root, path) {
    let n = root;
    for (const p of path)
        n = typeof p === 'number' ? n.items[p] : n.members.find((m) => m.key === p).value;
    return n;
}
const sdkConfig = {
    name: 'aepp / aanalytics2 / cjapy config',
    ruleIds: [SDK_RULE],
    rewrite(ctx) {
        const root = parseJson(ctx.text);
        if (!root)
            return null;
        let text = ctx.text;
        const manual = [];
        for (const path of jwtObjects(root, [], [])) {
            const o = pyconfigs_at(parseJson(text), path);
            const keys = o.members.map((m) => m.key);
            if (new Set(keys).size !== keys.length)
                return null; // hand-edited duplicates: which one wins is unclear
            const choice = ctx.scopes(metascopesFor(ctx.file, o));
            manual.push(...scopesStep(ctx.file, (0,src_text/* lineAt */.mh)(text, o.start), SDK_RULE, choice));
            // scopes take tech_id's place; the libraries read them as one comma-separated string
            const tech = o.members.find((m) => m.key === 'tech_id');
            text = `${text.slice(0, tech.start)}"scopes": ${JSON.stringify(choice.value)}${text.slice(tech.value.end)}`;
            for (const k of pyconfigs_JWT_KEYS) {
                const cur = pyconfigs_at(parseJson(text), path);
                const idx = cur.members.findIndex((m) => m.key === k);
                if (idx >= 0)
                    text = removeElement(text, cur, idx);
            }
        }
        const ids = settledIds(ctx, [SDK_RULE], text);
        return ids.length ? { ruleIds: ids, text, manual } : null;
    },
};
// ---------------------------------------------------------------------------------------------
// User Sync Tool connector-umapi.yml: line edits inside the top-level `enterprise:` block.
const ENTERPRISE = (0,linear_js/* linearJs */.F)(/^enterprise[ \t]*:[ \t]*(?:#.*)?\r?\n?$/);
const UST_JWT_KEY = (0,regex/* linear */.sn)(/^([ \t]+)(?:tech_acct(?:_id)?|priv_key_(?:path|data|pass)|secure_priv_key_data_key)[ \t]*:/);
/** `authentication_method: jwt`, the value bare or in matching quotes (`(["']?)jwt\2`). */
const AUTH_METHOD_JWT = (0,regex/* linear */.sn)(/^([ \t]+authentication_method[ \t]*:[ \t]*)("jwt"|'jwt'|jwt)/);
const AUTH_METHOD = (0,regex/* linear */.sn)(/^[ \t]+authentication_method[ \t]*:/);
const CLIENT_SECRET = (0,regex/* linear */.sn)(/^[ \t]+client_secret[ \t]*:/);
const ANY_KEY = (0,regex/* linear */.sn)(/^[ \t]+[\w-]+[ \t]*:/);
const userSync = {
    name: 'User Sync Tool umapi connector',
    ruleIds: [UST_RULE],
    rewrite(ctx) {
        if (!/\.ya?ml$/.test(ctx.file))
            return null; // native-regex: a file path
        const lines = (0,regex/* splitLines */.uz)(ctx.text);
        const start = lines.findIndex((l) => ENTERPRISE.test(l));
        if (start < 0)
            return null;
        // the block ends at the next line that starts with something other than a space or a comment
        const topLevel = (l) => l.length > 0 && !(0,src_text/* isSpace */.xC)(l[0]) && l[0] !== '#';
        let end = start + 1;
        while (end < lines.length && !topLevel(lines[end]))
            end++;
        const indentOf = (l) => (0,src_text/* skipBlanks */.pw)(l, 0);
        const blank = (l) => l.trim() === '';
        const out = [...lines];
        let hasMethod = false;
        for (let i = start + 1; i < end; i++) {
            const l = lines[i];
            const m = UST_JWT_KEY.exec(l);
            if (m) {
                out[i] = '';
                // a block scalar (priv_key_data: |) goes with its more-indented lines
                const indent = m.group(1).length;
                let j = i + 1;
                while (j < end) {
                    let k = j;
                    while (k < end && blank(lines[k]))
                        k++;
                    if (k >= end || indentOf(lines[k]) <= indent)
                        break;
                    for (let x = j; x <= k; x++)
                        out[x] = '';
                    j = k + 1;
                }
                i = j - 1;
                continue;
            }
            out[i] = AUTH_METHOD_JWT.replace(l, (a) => {
                const quote = a.group(2).length > 3 ? a.group(2)[0] : '';
                return `${a.group(1)}${quote}oauth${quote}`;
            });
            if (AUTH_METHOD.test(l))
                hasMethod = true;
        }
        if (!hasMethod) {
            // after client_secret (or the block's first key), indented like it
            const keyAt = (re) => lines.slice(start + 1, end).findIndex((l) => re.test(l));
            let anchor = keyAt(CLIENT_SECRET);
            if (anchor < 0)
                anchor = keyAt(ANY_KEY);
            if (anchor < 0)
                return null;
            const i = start + 1 + anchor;
            const eol = (0,src_text/* trailingEol */.RL)(lines[i]);
            const add = `${lines[i].slice(0, indentOf(lines[i]))}authentication_method: oauth`;
            out[i] += eol ? add + eol : (ctx.text.includes('\r\n') ? '\r\n' : '\n') + add;
        }
        const text = out.join('');
        if (text === ctx.text)
            return null;
        const ids = settledIds(ctx, [UST_RULE], text);
        return ids.length ? { ruleIds: ids, text } : null;
    },
};
const pyconfigsRewriters = [sdkConfig, userSync];

;// CONCATENATED MODULE: ./src/migrate/chains.ts


/** camelCase from a method name as a language spells it. */
function camelName(name) {
    let out = '';
    for (let i = 0; i < name.length; i++) {
        if (name[i] === '_' && i + 1 < name.length)
            out += name[++i].toUpperCase();
        else
            out += name[i];
    }
    return out.charAt(0).toLowerCase() + out.slice(1);
}
/** A camelCase method name as the language spells it. */
function spellName(name, style) {
    if (style === 'pascal')
        return name.charAt(0).toUpperCase() + name.slice(1);
    if (style !== 'snake')
        return name;
    let out = '';
    for (const c of name)
        out += c >= 'A' && c <= 'Z' ? `_${c.toLowerCase()}` : c;
    return out;
}
function linkOf(call, syntax) {
    if (!call || call.type !== syntax.call)
        return undefined;
    const holder = syntax.member ? call.childForFieldName(syntax.function ?? 'function') : call;
    if (!holder || (syntax.member && holder.type !== syntax.member))
        return undefined;
    const name = holder.childForFieldName(syntax.name);
    const receiver = holder.childForFieldName(syntax.receiver);
    const args = call.childForFieldName(syntax.arguments);
    return name && receiver && args ? { call, name, receiver, args } : undefined;
}
/** The call whose receiver is `call`: the next link of the chain. */
function nextLink(call, syntax) {
    const parent = call.parent;
    const outer = syntax.member ? (parent?.type === syntax.member ? parent.parent : null) : parent;
    const link = linkOf(outer, syntax);
    return link && link.receiver.id === call.id ? link : undefined;
}
/** The splices that rewrite every chain of these recipes in a parsed file. */
function rewriteChains(text, tree, lang, recipes) {
    const result = { splices: [], ruleIds: [], env: [], incomplete: false };
    const syntax = lang.calls;
    const env = lang.env;
    if (!syntax || !env)
        return { ...result, incomplete: true };
    const spell = (name) => spellName(name, lang.methodCase);
    const argument = (arg) => (arg.startsWith('{env:') && arg.endsWith('}') ? env.read(arg.slice(5, -1)) : arg);
    for (const call of tree.rootNode.descendantsOfType(syntax.call)) {
        const first = linkOf(call, syntax);
        if (!first)
            continue;
        const recipe = recipes.find((r) => camelName(first.name.text) === r.start && (first.receiver.text === r.receiver || first.receiver.text.endsWith(`.${r.receiver}`)));
        if (!recipe)
            continue;
        const splices = [{ start: first.name.startIndex, end: first.name.endIndex, text: spell(recipe.becomes) }];
        const have = new Set();
        const reads = [];
        let previousEnd = first.call.endIndex;
        for (let link = nextLink(first.call, syntax); link; link = nextLink(link.call, syntax)) {
            const name = camelName(link.name.text);
            const instead = recipe.replace[name];
            if (instead) {
                // The new links are joined the way this link was attached (a line break and indent, a
                // Python line continuation), so the chain keeps its layout.
                const joint = text.slice(previousEnd, link.name.startIndex);
                const written = instead.map((l) => `${spell(l.name)}(${l.args.map(argument).join(', ')})`);
                splices.push({ start: link.name.startIndex, end: link.args.endIndex, text: written.join(joint) });
                for (const l of instead) {
                    have.add(l.name);
                    for (const a of l.args)
                        if (a.startsWith('{env:'))
                            reads.push(a.slice(5, -1));
                }
            }
            else if (recipe.drop.includes(name)) {
                splices.push({ start: previousEnd, end: link.args.endIndex, text: '' });
            }
            else
                have.add(name);
            previousEnd = link.call.endIndex;
        }
        if (!recipe.requires.every((r) => have.has(r))) {
            result.incomplete = true;
            continue;
        }
        result.splices.push(...splices);
        if (!result.ruleIds.includes(recipe.ruleId))
            result.ruleIds.push(recipe.ruleId);
        for (const r of reads)
            if (!result.env.includes(r))
                result.env.push(r);
    }
    return result;
}
/** The import an environment read needs, as a splice at the top of the file (none when present). */
function envImport(text, lang) {
    const wanted = lang.env?.import;
    if (!wanted || (0,regex/* linear */.sn)(wanted.present).test(text))
        return undefined;
    const eol = (0,src_text/* eolOf */.Wl)(text);
    // Before the first import, so a module docstring, shebang or encoding line stays first.
    const firstImport = (0,regex/* linear */.sn)(/^(?:import|from)[ \t]/m).exec(text);
    const at = firstImport ? firstImport.index : 0;
    return { start: at, end: at, text: `${wanted.line}${eol}${firstImport ? '' : eol}` };
}

;// CONCATENATED MODULE: ./src/migrate/rewriters/sdk-credentials.ts
// SDKs that wrap the credential: the code builds the SDK's service-account (JWT) credentials and
// the SDK signs and exchanges the JWT itself. The rewrite moves the builder chain to the SDK's
// service-principal (OAuth Server-to-Server) credentials, reading the client id and secret from
// the environment, and raises the SDK dependency to the first release that has them.







/**
 * PDF Services SDKs (Java, .NET, Node 3.x; Python 2.x): `Credentials.serviceAccountCredentialsBuilder()`
 * with `fromFile(json)` or `withPrivateKey/withOrganizationId/withAccountId` becomes
 * `Credentials.servicePrincipalCredentialsBuilder().withClientId(..).withClientSecret(..)`, which
 * the same major release has had since Java/.NET/Node 3.4.0 and Python 2.3.0 (the SDKs' API docs
 * of those releases list ServicePrincipalCredentials.Builder). The environment names are the ones
 * Adobe's current samples read.
 */
const PDF_SERVICES_CREDENTIALS = {
    ruleId: 'code-pdf-services-service-account',
    receiver: 'Credentials',
    start: 'serviceAccountCredentialsBuilder',
    becomes: 'servicePrincipalCredentialsBuilder',
    replace: {
        fromFile: [
            { name: 'withClientId', args: ['{env:PDF_SERVICES_CLIENT_ID}'] },
            { name: 'withClientSecret', args: ['{env:PDF_SERVICES_CLIENT_SECRET}'] },
        ],
    },
    drop: ['withPrivateKey', 'withOrganizationId', 'withAccountId'],
    requires: ['withClientId', 'withClientSecret', 'build'],
};
const CHAIN_RECIPES = [PDF_SERVICES_CREDENTIALS];
const PDF_SERVICES_RULE = 'dep-pdf-services-jwt-sdk';
const VERSION_BUMPS = [
    {
        ruleId: PDF_SERVICES_RULE,
        paths: /\.(?:cs|fs|vb)proj$|(?:^|\/)Directory\.Packages\.props$/i,
        pattern: /<Package(?:Reference|Version)\s+Include\s*=\s*"Adobe\.PDFServicesSDK"\s+Version\s*=\s*"(?<version>\d+\.\d+\.\d+)"/g,
        minimum: '3.4.0',
    },
    {
        ruleId: PDF_SERVICES_RULE,
        paths: /(?:^|\/)pom\.xml$/,
        pattern: /<pdfservices\.sdk\.version>\s*(?<version>\d+\.\d+\.\d+)\s*<\/pdfservices\.sdk\.version>|<artifactId>\s*pdfservices-sdk\s*<\/artifactId>\s*<version>\s*(?<version2>\d+\.\d+\.\d+)\s*<\/version>/g,
        minimum: '3.4.0',
    },
    {
        ruleId: PDF_SERVICES_RULE,
        paths: /(?:^|\/)package\.json$/,
        pattern: /"@adobe\/pdfservices-node-sdk"\s*:\s*"[\^~]?(?<version>\d+\.\d+\.\d+)"/g,
        minimum: '3.4.0',
    },
    {
        ruleId: PDF_SERVICES_RULE,
        paths: /(?:^|\/)requirements[^/]*\.txt$/,
        pattern: /^pdfservices-sdk[ \t]*(?:==|~=|>=)[ \t]*(?<version>\d+\.\d+\.\d+)/gm,
        minimum: '2.3.0',
    },
];
function parts(version) {
    return version.split('.').map(Number);
}
/** The version raised to `minimum` when it is older in the same major release; else undefined. */
function raised(version, minimum) {
    const [have, want] = [parts(version), parts(minimum)];
    if (have[0] !== want[0])
        return undefined;
    for (let i = 1; i < 3; i++) {
        if (have[i] !== want[i])
            return have[i] < want[i] ? minimum : undefined;
    }
    return undefined;
}
const sdkCredentialChains = {
    name: 'sdk-credential-chains',
    ruleIds: [...new Set(CHAIN_RECIPES.map((r) => r.ruleId))],
    syntax: true,
    rewrite(ctx) {
        const lang = (0,languages/* languageOf */.eX)(ctx.file);
        const tree = lang ? ctx.parse?.() : undefined;
        if (!lang || !tree)
            return null;
        try {
            if (tree.rootNode.hasError)
                return null; // a file its parser cannot read is left alone
            const chains = rewriteChains(ctx.text, tree, lang, CHAIN_RECIPES);
            if (!chains.splices.length)
                return null;
            const imported = chains.env.length ? envImport(ctx.text, lang) : undefined;
            const text = applySplices(ctx.text, imported ? [...chains.splices, imported] : chains.splices);
            return { ruleIds: settledIds(ctx, chains.ruleIds, text), text, secrets: { add: chains.env.filter((n) => n.endsWith('SECRET')) } };
        }
        finally {
            tree.delete();
        }
    },
};
const sdkVersions = {
    name: 'sdk-versions',
    ruleIds: [...new Set(VERSION_BUMPS.map((b) => b.ruleId))],
    rewrite(ctx) {
        const splices = [];
        const ruleIds = new Set();
        for (const bump of VERSION_BUMPS) {
            // native-regex: a manifest's path
            if (!bump.paths.test(ctx.file) || !ctx.findings.some((f) => f.ruleId === bump.ruleId))
                continue;
            for (const m of (0,regex/* linear */.sn)(bump.pattern).matchAll(ctx.text)) {
                const at = m.span('version') ?? m.span('version2');
                if (!at)
                    continue;
                const to = raised(ctx.text.slice(at.index, at.end), bump.minimum);
                if (!to)
                    continue;
                splices.push({ start: at.index, end: at.end, text: to });
                ruleIds.add(bump.ruleId);
            }
        }
        if (!splices.length)
            return null;
        return { ruleIds: [...ruleIds], text: applySplices(ctx.text, splices) };
    },
};
/**
 * PDF Services credential files (`pdfservices-api-credentials.json`, the Console's download):
 * the JWT era's `service_account_credentials` (organization, technical account, private key)
 * becomes the OAuth era's `service_principal_credentials` with the organization id alone; the
 * client id and secret in `client_credentials` stay.
 */
const pdfCredentialsFile = {
    name: 'PDF Services credentials file',
    ruleIds: ['config-jwt-signing-key'],
    rewrite(ctx) {
        if (!ctx.file.toLowerCase().endsWith('.json'))
            return null;
        const root = parseJson(ctx.text);
        const keys = root?.members.map((m) => m.key) ?? [];
        if (!root || !keys.includes('client_credentials') || keys.includes('service_principal_credentials'))
            return null;
        const account = root.members.find((m) => m.key === 'service_account_credentials');
        if (!account || account.value.kind !== 'object' || keys.filter((k) => k === account.key).length > 1)
            return null;
        const text = ctx.text;
        const eol = (0,src_text/* eolOf */.Wl)(text);
        const org = account.value.members.find((m) => m.key === 'organization_id');
        const inner = account.value.members[0] ? (0,src_text/* indentAt */.oY)(text, account.value.members[0].start) : '';
        const body = org ? `{${eol}${inner}"organization_id": ${text.slice(org.value.start, org.value.end)}${eol}${(0,src_text/* indentAt */.oY)(text, account.start)}}` : '{}';
        const out = `${text.slice(0, account.start)}"service_principal_credentials": ${body}${text.slice(account.value.end)}`;
        const ids = settledIds(ctx, ['config-jwt-signing-key'], out);
        return ids.length ? { ruleIds: ids, text: out } : null;
    },
};
const sdkCredentialsRewriters = [sdkCredentialChains, sdkVersions, pdfCredentialsFile];

;// CONCATENATED MODULE: ./src/migrate/rewriters/test-mocks.ts
// Tests that patch a JWT helper the migrated code no longer calls (`@mock.patch("app.auth.sign_jwt")`
// on a test of the token function): the patch, the mock argument it injected and the statements
// that set it up or checked it go, so the test exercises the OAuth code it now runs. The plan
// rewrites code before its tests, so the module's text here is the migrated one. Python's
// unittest.mock decorators; other languages' mocking has no rewrite yet.







const PATCH = (0,regex/* linear */.sn)(/^(?:unittest\.)?(?:mock\.)?patch$/);
const DEFINITION = (0,regex/* linear */.sn)(/\bdef[ \t]+$/);
const test_mocks_RULES = ['code-jwt-token-function', 'code-jwt-token-form-field', 'code-jwt-meta-scope-claim', 'code-jwt-audience-claim', 'code-jwt-library-python'];
/** `@mock.patch("pkg.module.name")` with only its target: the dotted target, else undefined. */
function patchTarget(decorator) {
    const call = decorator.namedChild(0);
    if (call?.type !== 'call' || !PATCH.test(call.childForFieldName('function')?.text ?? ''))
        return undefined;
    const args = call.childForFieldName('arguments');
    const only = args?.namedChildCount === 1 ? args.namedChild(0) : null;
    if (only?.type !== 'string')
        return undefined;
    return only.namedChildren.find((c) => c?.type === 'string_content')?.text;
}
/** Whether the module a patch target names called the function before this run and does not now. */
function calledNoMore(ctx, target) {
    const parts = target.split('.');
    const name = parts.pop() ?? '';
    const calls = (text) => (0,src_text/* wordOffsets */.r8)(text, name).filter((at) => !DEFINITION.test(text.slice(Math.max(0, at - 8), at))).length;
    for (const file of [`${parts.join('/')}.py`, `${parts.join('/')}/__init__.py`]) {
        const now = ctx.current?.(file);
        if (now === null || now === undefined)
            continue;
        let before;
        try {
            before = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(ctx.root, file), 'utf8');
        }
        catch {
            continue;
        }
        return calls(before) > 0 && calls(now) === 0;
    }
    return false;
}
/** Whole lines of a node when nothing else shares them. */
function lines(text, node) {
    const start = (0,src_text/* lineStartOf */.El)(text, node.startIndex);
    if (!(0,src_text/* onlyBlanks */.Xx)(text, start, node.startIndex))
        return undefined;
    const nl = text.indexOf('\n', node.endIndex);
    const end = nl < 0 ? text.length : nl + 1;
    return (0,src_text/* onlyBlanks */.Xx)(text, node.endIndex, nl < 0 ? text.length : nl) ? { start, end, text: '' } : undefined;
}
/** The edits for one decorated test; an empty list when nothing (or nothing safely) goes. */
function testEdits(ctx, decorated) {
    const text = ctx.text;
    const fn = decorated.namedChildren.find((c) => c?.type === 'function_definition');
    const decorators = decorated.namedChildren.filter((c) => c?.type === 'decorator');
    const targets = decorators.map(patchTarget);
    // Other decorators (parametrize, patch.object, patch with new=) inject differently: leave them.
    if (!fn || targets.some((t) => t === undefined))
        return [];
    const params = fn.childForFieldName('parameters')?.namedChildren.filter((c) => !!c) ?? [];
    const offset = params[0]?.text === 'self' ? 1 : 0;
    if (params.length - offset < targets.length || params.some((p) => p.type !== 'identifier'))
        return [];
    const body = fn.childForFieldName('body');
    if (!body)
        return [];
    const splices = [];
    const statements = body.namedChildren.filter((c) => !!c);
    const gone = new Set();
    targets.forEach((target, j) => {
        if (!calledNoMore(ctx, target))
            return;
        // The decorator nearest the function injects the first mock argument.
        const k = offset + targets.length - 1 - j;
        const mock = params[k].text;
        const span = lines(text, decorators[j]);
        if (!span)
            return;
        const uses = statements.filter((s) => (0,src_text/* wordOffsets */.r8)(s.text, mock).length > 0);
        // A use inside a compound statement is a person's call; so is emptying the test.
        if (uses.some((s) => s.type !== 'expression_statement' && s.type !== 'assert_statement' && !lines(text, s)))
            return;
        const spans = uses.map((s) => lines(text, s));
        if (spans.some((s) => !s))
            return;
        splices.push(span, dropElement(params, k), ...spans);
        uses.forEach((s) => gone.add(s.id));
    });
    if (gone.size >= statements.length)
        return [];
    return splices;
}
function test_mocks_rewrite(ctx) {
    if (!ctx.file.endsWith('.py') || !TEST_PATH.test(ctx.file) || !ctx.current)
        return null;
    const tree = ctx.parse?.();
    if (!tree)
        return null;
    const splices = [];
    try {
        if (tree.rootNode.hasError)
            return null;
        for (const decorated of tree.rootNode.descendantsOfType('decorated_definition'))
            splices.push(...testEdits(ctx, decorated));
    }
    finally {
        tree.delete();
    }
    if (!splices.length)
        return null;
    let text;
    try {
        text = applySplices(ctx.text, splices);
    }
    catch {
        return null; // a parameter list edited twice: leave the file to a person
    }
    return { ruleIds: settledIds(ctx, test_mocks_RULES, text), text };
}
const testMockRewriters = [
    { name: 'mocks of JWT helpers the code no longer calls', ruleIds: test_mocks_RULES, syntax: true, rewrite: test_mocks_rewrite },
];

// EXTERNAL MODULE: ./src/rules/ci.ts
var ci = __webpack_require__(9235);
;// CONCATENATED MODULE: ./src/migrate/rewriters/workflows.ts
// GitHub workflows: swap the JWT secrets handed to steps for the OAuth Server-to-Server ones.
// The `yaml` Document API locates nodes; edits are line-range splices from `node.range`, because
// doc.toString() re-serialises (`[main]` becomes `[ main ]`, indentation and CRLF change).
// Scopes are written as literals (they are not secret and the PR shows them for review); a
// metascopes value read from a secret/variable becomes a *_SCOPES secret/variable of the same kind.
// Technical account ids stay: OAuth aio contexts and the aio-apps-action still use them.




// The name tests of the ci rules, so the rewrite removes exactly what the rules flag.






const FILE_ADOBE = (0,regex/* linear */.sn)(ci/* FILE_ADOBE */.fq);
const ADOBE_NAME = (0,regex/* linear */.sn)(ci/* ADOBE_NAME */.Cv);
const OTHER_NAME = (0,regex/* linear */.sn)(ci/* OTHER_NAME */.d_);
const PRIVATE_KEY_NAME = (0,regex/* linear */.sn)(ci/* PRIVATE_KEY_NAME */.CT);
const META_SCOPES_NAME = (0,regex/* linear */.sn)(ci/* META_SCOPES_NAME */.U2);
// The workflows the rule reports: those that run, and example workflows kept beside them to copy
// (`.github/workflows-example/`).
const WORKFLOW = ci/* GITHUB_WORKFLOW */.cC;
const workflows_RULE_IDS = ['ci-aio-apps-action-jwt-auth', 'ci-jwt-private-key-secret', 'ci-jwt-meta-scopes'];
const PLUGIN_RULE = 'ci-aio-jwt-auth-plugin';
const SECRET_REF = (0,regex/* linear */.sn)(/\bsecrets\.([A-Za-z_]\w*)/g);
const METASCOPE_TOKEN = (0,regex/* linear */.sn)(/\bent_[a-z_]+_sdk\b|\bevent_receiver_api\b/g);
/** A comment line above a removed entry or step that is about what we remove. */
const ABOUT_KEY = (0,regex/* linear */.sn)(/private|\bkey\b|jwt|meta_?scope|certificate|\bpem\b|passphrase/i);
/** Steps we may drop when their script only wrote the key: no `uses`, nothing else run. */
const PLAIN_STEP_KEYS = new Set(['name', 'run', 'env', 'shell', 'if', 'id', 'working-directory', 'continue-on-error', 'timeout-minutes']);
// The quotes around a name or path must match: RE2 has no backreference (`(["']?)x\1`), so the
// patterns capture both quotes and `quoted` compares them.
/** `echo "$KEY" > path` or `printf '%s' "${{ secrets.KEY }}" | base64 -d > path`: groups 2/3 name, 6 path. */
const KEY_WRITE = (0,linear_js/* linearJs */.F)(/^(?:echo(?:[ \t]+-[neE]+)*|printf(?:[ \t]+(?:'%s(?:\\n)?'|"%s(?:\\n)?"))?)[ \t]+(["']?)(?:\$\{?([A-Za-z_]\w*)\}?|\$\{\{[ \t]*secrets\.([A-Za-z_]\w*)[ \t]*\}\})(["']?)(?:[ \t]*\|[ \t]*base64[ \t]+(?:-d|--decode|-D))?[ \t]*>>?[ \t]*(["']?)([^\s"'|;&]+)(["']?)[ \t]*$/);
/** `chmod 600 "path"`: group 2 path. */
const CHMOD = (0,linear_js/* linearJs */.F)(/^chmod[ \t]+\S+[ \t]+(["']?)([^\s"']+)(["']?)[ \t]*$/);
const NEUTRAL = (0,regex/* linear */.sn)(/^(?:$|#|mkdir[ \t]|set(?:[ \t]+[-+]\w+)+(?:[ \t]+pipefail)?[ \t]*$)/);
const AIO_APPS_ACTION = (0,regex/* linear */.sn)(/^adobe\/aio-apps-action(?:@|$)/);
const ACTION_MAJOR = (0,regex/* linear */.sn)(/@v?(\d+)(?:\.|$)/);
/** A scope list's words (`value.match(/[\w.:/-]+/g)`). */
const SCOPE_WORD = (0,regex/* linear */.sn)(/[\w.:/-]+/g);
const SECRETS_CONTEXT = (0,regex/* linear */.sn)(/\bsecrets\./);
/** A whole `${{ secrets.NAME }}` / `${{ vars.NAME }}` value: group 2 the name. */
const WHOLE_REF = (0,regex/* linear */.sn)(/^\$\{\{[ \t]*(secrets|vars)\.([A-Za-z_]\w*)[ \t]*\}\}$/);
const SECRET_NAME = (0,regex/* linear */.sn)(/secrets\.([A-Za-z_]\w*)/);
const SECRET_OR_VAR_NAME = (0,regex/* linear */.sn)(/(?:secrets|vars)\.([A-Za-z_]\w*)/);
const TECH_ACCOUNT_ID = (0,regex/* linear */.sn)(/(TECHNICAL_?ACC(?:OUNT)?_?)ID/i);
// Names (normalised by `norm`) and keys of the client id, client secret and scopes.
const SCOPES_NAME = (0,regex/* linear */.sn)(/(?:^|_)SCOPES?$/);
const CLIENT_ID_NAME = (0,regex/* linear */.sn)(/(?:^|_)CLIENT_?ID$/);
const CLIENT_SECRET_NAME = (0,regex/* linear */.sn)(/CLIENT_?SECRETS?$/);
const ANY_CLIENT_SECRET = (0,regex/* linear */.sn)(/CLIENT_?SECRET/i);
const workflows_CLIENT_ID_KEY = (0,regex/* linear */.sn)(/(client[_-]?)id$/i);
const CLIENT_ID_IN_REF = (0,regex/* linear */.sn)(/(CLIENT_?)ID/i);
const words = (value) => [...SCOPE_WORD.matchAll(value)].map((m) => m[0]);
const secretRefs = (text) => [...SECRET_REF.matchAll(text)].map((m) => m.group(1));
/** Whether each pair of quote groups (`[open, close]`) captured the same quote or none. */
const quoted = (m, ...pairs) => pairs.every(([a, b]) => m.group(a) === m.group(b));
const norm = (name) => name.toUpperCase().replaceAll('-', '_').replaceAll('.', '_');
function workflows_lineStart(text, pos) {
    return text.lastIndexOf('\n', pos - 1) + 1;
}
function workflows_lineEnd(text, pos) {
    const i = text.indexOf('\n', pos);
    return i < 0 ? text.length : i + 1;
}
/** What may stand before a removed key on its line: blanks, a sequence dash, or both. */
const BLANKS = (0,regex/* linear */.sn)(/^[ \t]*$/);
const BLANKS_OR_DASH = (0,regex/* linear */.sn)(/^[ \t]*(?:-[ \t]+)?$/);
const DASH = (0,regex/* linear */.sn)(/^[ \t]*-[ \t]+$/);
/** The rest of a line after a value: blanks and a comment at most. */
const LINE_REST = (0,linear_js/* linearJs */.F)(/^[ \t]*(?:#.*)?\r?\n?$/);
/** Whole lines from `start` to the end of the line holding `end` (exclusive), if nothing else shares them. */
function lineSpan(text, start, end, lead) {
    const s = workflows_lineStart(text, start);
    if (!lead.test(text.slice(s, start)))
        return null;
    if (end > 0 && text[end - 1] === '\n')
        return [s, end];
    const e = workflows_lineEnd(text, end);
    return LINE_REST.test(text.slice(end, e)) ? [s, e] : null;
}
const BLANK_LINE = (0,regex/* linear */.sn)(/^[ \t]*\r?\n?$/);
/** Widens a removed line span over comment lines about the key above it and one doubled blank line. */
function widen(text, [s, e]) {
    while (s > 0) {
        const prev = workflows_lineStart(text, s - 1);
        const hash = (0,src_text/* skipBlanks */.pw)(text, prev, s);
        if (hash === s || text[hash] !== '#' || !ABOUT_KEY.test(text.slice(prev, s)))
            break;
        s = prev;
    }
    const blank = (a, b) => BLANK_LINE.test(text.slice(a, b));
    if (s > 0 && e < text.length && blank(workflows_lineStart(text, s - 1), s) && blank(e, workflows_lineEnd(text, e)))
        e = workflows_lineEnd(text, e);
    return [s, e];
}
function nodeEnd(pair) {
    const v = pair.value;
    return v?.range ? v.range[1] : (pair.key.range?.[1] ?? 0);
}
function pairName(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : null;
}
function scalarText(text, node) {
    return (0,dist/* isScalar */.jn)(node) && node.range ? text.slice(node.range[0], node.range[1]) : '';
}
const PLAIN_SCALAR = (0,regex/* linear */.sn)(/^[\w.,:/-]+$/);
function formatLike(value, orig) {
    if (orig?.type === 'QUOTE_DOUBLE')
        return `"${value}"`;
    if (orig?.type === 'QUOTE_SINGLE' || !PLAIN_SCALAR.test(value))
        return `'${value}'`;
    return value;
}
const META_SCOPES_WORD = (0,regex/* linear */.sn)(/meta[_-]?scopes?/i);
/** META_SCOPES -> SCOPES, ADOBE_METASCOPES -> ADOBE_SCOPES (keeps the case). */
function scopesName(name) {
    return META_SCOPES_WORD.replace(name, (m) => (m[0] === m[0].toUpperCase() ? 'SCOPES' : 'scopes'));
}
class WorkflowEdit {
    text;
    ctx;
    splices = [];
    removed = [];
    /** Env names that must no longer be referenced once removed or renamed. */
    gone = new Set();
    keyPaths = new Set();
    dropSecrets = new Set();
    addSecrets = new Set();
    addVariables = new Set();
    placeholder = null;
    notes = [];
    ok = true;
    eol;
    fileAdobe;
    constructor(text, ctx) {
        this.text = text;
        this.ctx = ctx;
        this.eol = text.includes('\r\n') ? '\r\n' : '\n';
        this.fileAdobe = FILE_ADOBE.test(text);
    }
    adobe(names) {
        return names.some((n) => ADOBE_NAME.test(n)) || (this.fileAdobe && !names.some((n) => OTHER_NAME.test(n)));
    }
    isKeyVar(name) {
        const n = norm(name);
        return PRIVATE_KEY_NAME.test(n) && this.adobe([n]);
    }
    inRemoved(pos) {
        return this.removed.some(([s, e]) => pos >= s && pos < e);
    }
    remove(span) {
        if (!span)
            return (this.ok = false);
        const w = widen(this.text, span);
        this.removed.push(w);
        this.splices.push({ start: w[0], end: w[1], text: '' });
        return true;
    }
    removePair(pair) {
        const key = pair.key;
        if (!key.range)
            return (this.ok = false);
        for (const m of SECRET_REF.matchAll(this.text.slice(key.range[0], nodeEnd(pair))))
            this.dropSecrets.add(m.group(1));
        return this.remove(lineSpan(this.text, key.range[0], nodeEnd(pair), BLANKS));
    }
    /** Adds `name: value` on a new line after `after` (a pair of the same block map). */
    insertAfter(after, name, value) {
        const key = after.key;
        const span = key.range && lineSpan(this.text, key.range[0], nodeEnd(after), BLANKS_OR_DASH);
        if (!span || !key.range) {
            this.ok = false;
            return;
        }
        const indent = ' '.repeat(key.range[0] - span[0]);
        this.splices.push({ start: span[1], end: span[1], text: `${indent}${name}: ${value}${this.eol}` });
    }
    replace(node, value) {
        if (!node?.range) {
            this.ok = false;
            return;
        }
        this.splices.push({ start: node.range[0], end: node.range[1], text: value });
    }
    scopesFor(metascopes) {
        const choice = this.ctx.scopes(metascopes);
        if (choice.source === 'placeholder')
            this.placeholder ??= choice;
        return choice;
    }
    /** Drops a step whose script only writes the private key to a file, or those lines of a block script. */
    keyWriterStep(step, itemStart, itemEnd) {
        const run = step.get('run', true);
        if (!(0,dist/* isScalar */.jn)(run) || !run.range)
            return;
        const src = this.text.slice(run.range[0], run.range[1]);
        const block = run.type === 'BLOCK_LITERAL' || run.type === 'BLOCK_FOLDED';
        // Lines of the script with their offsets (a block scalar starts after its header line).
        const lines = [];
        let pos = block ? workflows_lineEnd(this.text, run.range[0]) : run.range[0];
        const stop = run.range[1];
        while (pos < stop) {
            const end = block ? Math.min(workflows_lineEnd(this.text, pos), stop) : stop;
            const raw = this.text.slice(pos, end);
            lines.push({ start: pos, end, body: (block ? raw : String(run.value)).trim() });
            pos = end;
        }
        if (!block && run.type !== 'PLAIN' && src.includes('\n'))
            return;
        const writes = lines.filter((l) => {
            const m = KEY_WRITE.exec(l.body);
            if (!m || !quoted(m, [1, 4], [5, 7]))
                return false;
            const name = m.group(2) ?? m.group(3);
            if (!name || !this.isKeyVar(name))
                return false;
            this.keyPaths.add(m.group(6));
            const secret = m.group(3);
            if (secret)
                this.dropSecrets.add(secret);
            return true;
        });
        if (!writes.length)
            return;
        const chmods = lines.filter((l) => {
            const m = CHMOD.exec(l.body);
            return !!m && quoted(m, [1, 3]) && this.keyPaths.has(m.group(2));
        });
        const rest = lines.filter((l) => !writes.includes(l) && !chmods.includes(l));
        const plainStep = step.items.every((p) => PLAIN_STEP_KEYS.has(pairName(p) ?? ''));
        const id = step.get('id');
        const referenced = typeof id === 'string' && this.text.includes(`steps.${id}.`);
        if (rest.every((l) => NEUTRAL.test(l.body)) && plainStep && !referenced) {
            for (const p of step.items) {
                const pairText = this.text.slice(p.key.range?.[0] ?? 0, nodeEnd(p));
                for (const m of SECRET_REF.matchAll(pairText))
                    this.dropSecrets.add(m.group(1));
            }
            this.remove(lineSpan(this.text, itemStart, itemEnd, DASH));
        }
        else if (run.type === 'BLOCK_LITERAL') {
            for (const l of [...writes, ...chmods])
                this.remove([l.start, l.end]);
        }
    }
    /** adobe/aio-apps-action: `command: auth` + KEY becomes `command: oauth_sts` + TECHNICALACCOUNTEMAIL + SCOPES. */
    aioAppsStep(step) {
        const w = step.get('with', true);
        if (!(0,dist/* isMap */.jh)(w) || w.flow)
            return;
        const find = (n) => w.items.find((p) => pairName(p) === n);
        const cmd = find('command')?.value;
        const key = find('KEY');
        if (key)
            this.removePair(key);
        if (!(0,dist/* isScalar */.jn)(cmd) || String(cmd.value).trim() !== 'auth')
            return;
        this.replace(cmd, scalarText(this.text, cmd).replace('auth', 'oauth_sts'));
        // oauth_sts arrived in aio-apps-action 3.0.0 (adobe/generator-aio-app#243); a pinned SHA cannot be judged.
        const uses = step.get('uses', true);
        const major = ACTION_MAJOR.exec(scalarText(this.text, uses))?.group(1);
        if ((0,dist/* isScalar */.jn)(uses) && uses.range && major && Number(major) < 3) {
            this.notes.push({
                pos: uses.range[0],
                ruleId: 'ci-aio-apps-action-jwt-auth',
                instructions: 'adobe/aio-apps-action supports `command: oauth_sts` from version 3.0.0: upgrade this and the other adobe/aio-apps-action steps of the workflow (the README uses 3.3.0).',
            });
        }
        const kept = w.items.filter((p) => p !== key);
        const last = kept[kept.length - 1];
        if (!last) {
            this.ok = false;
            return;
        }
        const techId = find('TECHNICALACCOUNTID');
        if (!find('TECHNICALACCOUNTEMAIL')) {
            const ref = SECRET_NAME.exec(scalarText(this.text, techId?.value))?.group(1);
            const emailSecret = ref && TECH_ACCOUNT_ID.test(ref) ? TECH_ACCOUNT_ID.replace(ref, (m) => `${m.group(1)}EMAIL`) : 'TECHNICAL_ACCOUNT_EMAIL';
            // Not a secret: an Actions variable, as the Console shows it to anyone on the project.
            this.insertAfter(techId ?? last, 'TECHNICALACCOUNTEMAIL', `\${{ vars.${emailSecret} }}`);
            this.addVariables.add(emailSecret);
        }
        const scopes = find('SCOPES');
        const scopesValue = scopes?.value;
        if (!scopes) {
            // The action's JWT auth needed the I/O Management API on the credential; its OAuth scopes are confirmed.
            this.insertAfter(find('IMSORGID') ?? last, 'SCOPES', formatLike(this.scopesFor(['ent_adobeio_sdk']).value, null));
        }
        else if ((0,dist/* isScalar */.jn)(scopesValue) && !String(scopesValue.value).includes('${{')) {
            const metascopes = words(String(scopesValue.value));
            this.replace(scopesValue, formatLike(this.scopesFor(metascopes).value, scopesValue));
        }
        else if (scopesValue?.range) {
            this.notes.push({
                pos: scopesValue.range[0],
                ruleId: 'ci-aio-apps-action-jwt-auth',
                instructions: 'With `command: oauth_sts` the SCOPES input is a comma-separated list of OAuth scopes, not JWT metascopes: update the secret or variable it reads to the scopes shown on the OAuth Server-to-Server credential in the Adobe Developer Console.',
            });
        }
    }
    /**
     * An env map: drop private-key entries, metascopes become scopes; then the client secret and
     * scopes are ensured. `outer` says whether an enclosing env (workflow, job) already gives scopes.
     * Returns whether this map (or an outer one) gives scopes afterwards.
     */
    envMap(envPair, map, outer) {
        if (map.flow)
            return outer;
        let touched = false;
        let hasScopes = outer;
        const pairs = map.items;
        const names = new Set(pairs.map((p) => norm(pairName(p) ?? '')));
        const isKey = (pair) => {
            const all = [norm(pairName(pair) ?? ''), ...secretRefs(scalarText(this.text, pair.value)).map(norm)];
            const pointsAtKey = (0,dist/* isScalar */.jn)(pair.value) && this.keyPaths.has(String(pair.value.value).trim());
            return (all.some((n) => PRIVATE_KEY_NAME.test(n)) && this.adobe(all)) || pointsAtKey;
        };
        if (pairs.length && pairs.every(isKey)) {
            // Nothing but the key: drop the whole `env:` (an empty one is null, which Actions rejects).
            for (const p of pairs)
                this.gone.add(pairName(p) ?? '');
            this.removePair(envPair);
            return outer;
        }
        for (const pair of pairs) {
            const name = pairName(pair);
            if (!name || !pair.key.range)
                continue;
            const value = pair.value;
            const src = scalarText(this.text, value);
            const refs = secretRefs(src);
            const all = [norm(name), ...refs.map(norm)];
            if (isKey(pair)) {
                this.removePair(pair);
                this.gone.add(name);
                touched = true;
            }
            else if (all.some((n) => META_SCOPES_NAME.test(n)) && this.adobe(all)) {
                touched = true;
                hasScopes = true;
                this.metaScopesEntry(pair, name, value, src, names);
            }
            else if (SCOPES_NAME.test(norm(name)))
                hasScopes = true;
        }
        return (touched && this.ensureOAuth(pairs, hasScopes)) || hasScopes;
    }
    metaScopesEntry(pair, name, value, src, names) {
        const newName = META_SCOPES_NAME.test(norm(name)) ? scopesName(name) : name;
        if (newName !== name) {
            this.gone.add(name);
            if (names.has(norm(newName))) {
                this.removePair(pair); // a scopes entry is already there
                return;
            }
            this.replace(pair.key, newName);
        }
        const refName = WHOLE_REF.exec(src)?.group(2);
        if (refName) {
            const renamed = scopesName(refName);
            if (renamed === refName)
                return;
            // Scopes are not secret: the renamed reference reads an Actions variable.
            this.replace(value, SECRETS_CONTEXT.replace(src.replace(refName, renamed), 'vars.'));
            this.dropSecrets.add(refName);
            this.addVariables.add(renamed);
        }
        else if ((0,dist/* isScalar */.jn)(value) && !src.includes('${{')) {
            const metascopes = words(String(value.value));
            this.replace(value, formatLike(this.scopesFor(metascopes).value, value));
        }
        else
            this.ok = false;
    }
    /** A map that fed the JWT flow gets the client secret and scopes the OAuth request needs; true if scopes were added. */
    ensureOAuth(pairs, hasScopes) {
        const live = pairs.filter((p) => !this.inRemoved(p.key.range?.[0] ?? -1));
        const clientId = live.find((p) => CLIENT_ID_NAME.test(norm(pairName(p) ?? '')));
        if (!clientId)
            return false;
        const idName = pairName(clientId) ?? '';
        let anchor = live.find((p) => CLIENT_SECRET_NAME.test(norm(pairName(p) ?? '')));
        // The JWT flow needed the client secret too: if the file passes one anywhere, it is wired already.
        if (!anchor && !ANY_CLIENT_SECRET.test(this.text)) {
            const ref = SECRET_OR_VAR_NAME.exec(scalarText(this.text, clientId.value))?.group(1);
            const secretKey = workflows_CLIENT_ID_KEY.replace(idName, (m) => {
                const c = m.group(1);
                return `${c}${c === c.toUpperCase() ? 'SECRET' : 'secret'}`;
            });
            const secret = ref && CLIENT_ID_IN_REF.test(ref) ? CLIENT_ID_IN_REF.replace(ref, (m) => `${m.group(1)}SECRET`) : norm(secretKey);
            this.insertAfter(clientId, secretKey, `\${{ secrets.${secret} }}`);
            this.addSecrets.add(secret);
        }
        if (hasScopes)
            return false;
        const scopesKey = workflows_CLIENT_ID_KEY.replace(idName, (m) => (m[0] === m[0].toUpperCase() ? 'SCOPES' : 'scopes'));
        const metascopes = [...METASCOPE_TOKEN.matchAll(this.text)].map((m) => m[0]);
        this.insertAfter(anchor ?? clientId, scopesKey, formatLike(this.scopesFor(metascopes).value, null));
        return true;
    }
}
function apply(text, splices) {
    const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
    let out = '';
    let at = 0;
    for (const s of sorted) {
        if (s.start < at)
            throw new Error('overlapping edits');
        out += text.slice(at, s.start) + s.text;
        at = s.end;
    }
    return out + text.slice(at);
}
const lineOf = (text, pos) => text.slice(0, pos).split('\n').length;
const refersTo = (text, name) => {
    const n = (0,src_text/* escapeRegExp */.Nt)(name);
    return (0,regex/* linear */.sn)(String.raw `\$\{?${n}\b|\b(?:env|secrets|vars)\.${n}\b|\$env:${n}\b|%${n}%`).test(text);
};
const githubWorkflow = {
    name: 'GitHub workflow secrets',
    ruleIds: workflows_RULE_IDS,
    rewrite(ctx) {
        const ids = [...new Set(ctx.findings.map((f) => f.ruleId))].filter((id) => workflows_RULE_IDS.includes(id));
        // The aio JWT plugin still needs the key: swapping secrets around it would half-migrate the file.
        // native-regex: a file path
        if (!WORKFLOW.test(ctx.file) || !ids.length || ctx.findings.some((f) => f.ruleId === PLUGIN_RULE))
            return null;
        const text = ctx.text;
        const doc = (0,yaml/* yamlDocument */.r0)(text, { uniqueKeys: false });
        if (doc.errors.length)
            return null;
        const st = new WorkflowEdit(text, ctx);
        const steps = [];
        (0,dist/* visit */.YR)(doc, {
            Pair(_, pair) {
                if (pairName(pair) !== 'steps' || !(0,dist/* isSeq */.oP)(pair.value))
                    return;
                for (const item of pair.value.items)
                    if ((0,dist/* isMap */.jh)(item) && item.range)
                        steps.push({ map: item, start: item.range[0], end: item.range[1], seq: pair.value });
            },
        });
        for (const s of steps) {
            const uses = s.map.get('uses');
            if (typeof uses === 'string' && AIO_APPS_ACTION.test(uses.trim()))
                st.aioAppsStep(s.map);
            else
                st.keyWriterStep(s.map, s.start, s.end);
        }
        // Env maps outer first (workflow, job, step), so a map knows whether an enclosing one gives scopes.
        const scoped = new Map();
        (0,dist/* visit */.YR)(doc, {
            Pair(_, pair, path) {
                const key = pair.key;
                if (pairName(pair) !== 'env' || !(0,dist/* isMap */.jh)(pair.value) || st.inRemoved(key.range?.[0] ?? -1))
                    return;
                const outer = path.some((n) => scoped.get(n) === true);
                scoped.set(path[path.length - 1], st.envMap(pair, pair.value, outer));
            },
        });
        if (!st.ok)
            return null;
        // A job left without steps is invalid: a person decides what it should run.
        const kept = new Set(steps.filter((s) => !st.inRemoved(s.start)).map((s) => s.seq));
        if (steps.some((s) => !kept.has(s.seq)))
            return null;
        const splices = st.splices;
        const out = apply(text, splices);
        if (out === text || (0,yaml/* yamlDocument */.r0)(out, { uniqueKeys: false }).errors.length)
            return null;
        const rules = workflows_RULE_IDS.map((id) => src_rules/* RULES_BY_ID */.kF.get(id)).filter((r) => r !== undefined);
        if ((0,match/* matchFile */.g3)(rules, { path: ctx.file, text: out }).findings.length)
            return null;
        if ([...st.gone].some((n) => refersTo(out, n)) || [...st.keyPaths].some((p) => out.includes(p)))
            return null;
        const manual = st.notes.map((n) => ({ file: ctx.file, line: lineOf(out, mapOffset(splices, n.pos)), ruleId: n.ruleId, instructions: n.instructions }));
        if (st.placeholder) {
            const at = out.indexOf(st.placeholder.value);
            manual.push({
                file: ctx.file,
                line: lineOf(out, Math.max(0, at)),
                ruleId: ids.includes('ci-jwt-meta-scopes') ? 'ci-jwt-meta-scopes' : ids[0],
                instructions: `Fill in the OAuth scopes in this workflow: ${(0,scopes/* describeScopes */.vB)(st.placeholder)}.`,
            });
        }
        return {
            ruleIds: ids,
            text: out,
            manual,
            secrets: {
                add: [...st.addSecrets].filter((s) => !refersTo(text, s)).sort(),
                variables: [...st.addVariables].filter((s) => !refersTo(text, s)).sort(),
                remove: [...st.dropSecrets].filter((s) => !refersTo(out, s)).sort(),
            },
        };
    },
};
const workflowsRewriters = [githubWorkflow];

;// CONCATENATED MODULE: ./src/migrate/rewriters/workspace.ts
// App Builder workspace JSON (console.json, <project>-<workspace>.json, the project in .aio): a
// Service Account (JWT) credential entry becomes an oauth_server_to_server entry. Spans are edited
// in place so the rest of the download (often committed as-is) keeps its bytes.



const workspace_RULES = ['config-workspace-jwt-credential', 'config-workspace-jwt-migrating'];
const OAUTH = '"oauth_server_to_server"';
function credentialEntries(n, path, out) {
    for (const m of n.members) {
        if (m.key === 'credentials' && m.value.kind === 'array') {
            m.value.items.forEach((it, i) => it.kind === 'object' && out.push([...path, m.key, i]));
        }
        else
            credentialEntries(m.value, [...path, m.key], out);
    }
    n.items.forEach((it, i) => credentialEntries(it, [...path, i], out));
    return out;
}
function needsMigration(e) {
    const type = member(e, 'integration_type')?.value.value;
    if (type === 'service' || type === 'oauth_server_to_server_migrate')
        return true;
    return type === undefined && member(e, 'jwt')?.value.kind === 'object';
}
const workspace = {
    name: 'App Builder workspace credentials',
    ruleIds: workspace_RULES,
    rewrite(ctx) {
        const root = parseJson(ctx.text);
        if (!root)
            return null;
        let text = ctx.text;
        const manual = [];
        for (const path of credentialEntries(root, [], [])) {
            const entry = () => nodeAt(parseJson(text), path);
            const e = entry();
            if (!needsMigration(e))
                continue;
            const keys = e.members.map((m) => m.key);
            if (new Set(keys).size !== keys.length)
                return null;
            const line = (0,src_text/* lineAt */.mh)(text, e.start);
            const jwt = member(e, 'jwt');
            if (!member(e, 'oauth_server_to_server') && jwt?.value.kind === 'object') {
                // Build the OAuth object from the JWT one, laid out the same way, in the JWT object's place.
                const j = jwt.value;
                const raw = (k) => {
                    const m = member(j, k);
                    return m ? text.slice(m.value.start, m.value.end) : undefined;
                };
                const meta = member(j, 'meta_scopes');
                const choice = ctx.scopes(meta ? metascopeList(JSON.parse(raw('meta_scopes'))) : []);
                const multi = j.members.length > 0 && text.slice(j.start, j.members[0].start).includes('\n');
                const ind = multi ? (0,src_text/* indentAt */.oY)(text, j.members[0].start) : '';
                const arr = arrayStyle(text, meta?.value, ind, multi ? ind.slice((0,src_text/* indentAt */.oY)(text, j.start).length) || '  ' : '');
                const placeholder = (what, value) => {
                    manual.push(placeholderStep(ctx.file, line, workspace_RULES[0], what, value));
                    return JSON.stringify(value);
                };
                const fields = [
                    ['client_id', raw('client_id') ?? placeholder('client id', 'REPLACE_WITH_CLIENT_ID_FROM_DEVELOPER_CONSOLE')],
                    ['client_secrets', arr([raw('client_secret') ?? placeholder('client secret', SECRET_PLACEHOLDER)])],
                    ['technical_account_email', raw('technical_account_email') ?? placeholder('technical account email', EMAIL_PLACEHOLDER)],
                    ['technical_account_id', raw('technical_account_id') ?? raw('techacct') ?? placeholder('technical account id', ACCOUNT_ID_PLACEHOLDER)],
                    ['scopes', arr(choice.value.split(',').map((s) => JSON.stringify(s)))],
                ];
                manual.push(...scopesStep(ctx.file, line, workspace_RULES[0], choice));
                const body = fields.map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
                const eol = (0,src_text/* eolOf */.Wl)(text);
                const inner = text.slice(j.start + 1, j.members[0]?.start ?? j.start + 1);
                const obj = multi
                    ? `{${eol}${body.map((b) => ind + b).join(`,${eol}`)}${eol}${(0,src_text/* indentAt */.oY)(text, j.end - 1)}}`
                    : (0,src_text/* isSpace */.xC)(inner[0]) ? `{ ${body.join(', ')} }` : `{${body.join(', ')}}`;
                text = `${text.slice(0, jwt.start)}${OAUTH}: ${obj}${text.slice(j.end)}`;
            }
            else if (jwt) {
                // mid-migration: the OAuth object is already there
                const cur = entry();
                text = removeElement(text, cur, cur.members.findIndex((m) => m.key === 'jwt'));
            }
            const cur = entry();
            const type = member(cur, 'integration_type');
            if (type)
                text = text.slice(0, type.value.start) + OAUTH + text.slice(type.value.end);
            else {
                const at = cur.members.findIndex((m) => m.key === 'oauth_server_to_server');
                text = insertMembers(text, cur, at - 1, [`"integration_type": ${OAUTH}`]);
            }
        }
        if (text === ctx.text)
            return null;
        const ids = settledIds(ctx, workspace_RULES, text);
        return ids.length ? { ruleIds: ids, text, manual } : null;
    },
};
const workspaceRewriters = [workspace];

;// CONCATENATED MODULE: ./src/migrate/rewriters/index.ts














/**
 * Rewriters in the order they run on a file: code (what a code rewrite left without callers
 * last), then configuration, then manifests (which
 * look at what the code rewrite left), key deletion last, after inline keys were handled.
 */
const REWRITERS = [
    ...codeJsRewriters,
    ...codePythonRewriters,
    ...jwtBranchRewriters,
    ...exchangeFormRewriters,
    ...heldUrlRewriters,
    ...sdkCredentialsRewriters,
    ...testMockRewriters,
    ...orphanRewriters,
    ...aioRewriters,
    ...envRewriters,
    ...workspaceRewriters,
    ...pyconfigsRewriters,
    ...postmanRewriters,
    ...workflowsRewriters,
    ...depsRewriters,
    keys,
];

;// CONCATENATED MODULE: ./src/migrate/words.ts
// Whether a name is used in other code files of the repository: a function the migration would
// delete may be called from a file without any finding. The files are the scan's own listing
// (git's, or a walk honouring .gitignore); each is read on the first question, only when a
// rewrite asks.




/** A function definition's keyword just before a name: another file's own copy is not a call. */
const DEFINES = new Set(['function', 'def', 'func', 'fun', 'sub']);
function isDefinition(text, at) {
    let i = at - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t'))
        i--;
    const end = i + 1;
    while (i >= 0 && /[A-Za-z]/.test(text[i]))
        i--; // native-regex: one character
    return end > i + 1 && DEFINES.has(text.slice(i + 1, end).toLowerCase());
}
const MAX_FILE = 1 << 20;
function words_codeFiles(root, listing) {
    const out = [];
    for (const file of listing) {
        if (!(0,languages/* languageOf */.eX)(file))
            continue;
        try {
            if ((0,external_node_fs_.statSync)((0,external_node_path_.join)(root, file)).size <= MAX_FILE)
                out.push({ file, text: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), 'utf8') });
        }
        catch {
            // unreadable: it cannot call anything we can see
        }
    }
    return out;
}
/** A test of whether `name` occurs as a word in a code file other than `file`, not as a definition. */
function wordsOfRepository(root, listing) {
    let files;
    return (name, file) => {
        files ??= words_codeFiles(root, listing);
        return files.some((f) => f.file !== file && (0,src_text/* wordOffsets */.r8)(f.text, name).some((at) => !isDefinition(f.text, at)));
    };
}

;// CONCATENATED MODULE: ./src/migrate/plan.ts
// Plans the edits that move a repository from JWT to OAuth Server-to-Server, from a scan's findings.


















/** Whole-file findings (a file named after the flow): settled once nothing but names is left. */
const FILE_RULES = new Set(['code-jwt-flow-file', 'docs-jwt-api-page']);
/** True when a rewritten file still parses in its format (JSON, YAML); other formats are checked by tests. */
function stillParses(file, text) {
    try {
        // native-regex: a file path (here and on the next line)
        if (/\.json$|(?:^|\/)\.aio$/i.test(file))
            JSON.parse(text);
        else if (/\.ya?ml$/i.test(file))
            (0,yaml/* yamlValue */.t$)(text); // native-regex: a file path
        return true;
    }
    catch {
        return false;
    }
}
/** Something is at the path, a dangling link included (existsSync follows links). */
function present(path) {
    try {
        (0,external_node_fs_.lstatSync)(path);
        return true;
    }
    catch {
        return false;
    }
}
const YAML_FILE = (0,regex/* linear */.sn)(/\.ya?ml$/i);
const PLACEHOLDER = (0,regex/* linear */.sn)(/\bREPLACE_WITH_[A-Z_]+/g);
/** Whether every placeholder an instruction names is still in the file. */
function placeholdersKept(instructions, text) {
    return [...PLACEHOLDER.matchAll(instructions)].every((m) => text.includes(m[0]));
}
function readText(root, file) {
    try {
        const buf = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file));
        return buf.subarray(0, 8000).includes(0) ? null : buf.toString('utf8');
    }
    catch {
        return null;
    }
}
function manualFor(f) {
    const rule = src_rules/* RULES_BY_ID */.kF.get(f.ruleId);
    return { file: f.file, line: f.line, ruleId: f.ruleId, instructions: rule?.message ?? f.message, snippet: manualSnippet(f.file, f.ruleId) };
}
/**
 * The grammars of files a syntax-reading rewriter will see, loaded so the plan can parse; false
 * when no such rewriter has anything to do.
 */
async function loadGrammarsFor(findings) {
    const ruleIds = new Set(REWRITERS.filter((r) => r.syntax).flatMap((r) => r.ruleIds));
    const grammars = new Set(findings.filter((f) => ruleIds.has(f.ruleId)).flatMap((f) => (0,languages/* languageOf */.eX)(f.file)?.parser ?? []));
    await Promise.all([...grammars].map(tree_sitter/* loadGrammar */.oS));
    return grammars.size > 0;
}
/**
 * The syntax tree of a file's text, when its grammar is loaded. As in the scan, not for texts over
 * 256 KB: tree-sitter's error recovery on a huge hostile file can take minutes.
 */
function treeOf(file, text) {
    const grammar = (0,languages/* languageOf */.eX)(file)?.parser;
    return grammar && text.length <= regions/* REGION_MAX_BYTES */.gr ? (0,tree_sitter/* parseLoaded */.j$)(grammar, text) : undefined;
}
/** A rewrite of a code file must parse wherever the original did (tree-sitter, no error nodes). */
function syntaxKept(file, before, after) {
    if (before === null)
        return true;
    const parsed = (text) => {
        const tree = treeOf(file, text);
        if (!tree)
            return undefined;
        const ok = !tree.rootNode.hasError;
        tree.delete();
        return ok;
    };
    const now = parsed(after);
    return now !== false || parsed(before) !== true;
}
async function planFromScan(result, opts = {}) {
    const root = result.root;
    // Syntax-reading rewrites ask whether other files use a name: they read the scan's listing.
    const listing = (await loadGrammarsFor(result.findings)) ? [...(await (0,scan_files/* listFiles */.C)(root)).files] : [];
    const resolve = (0,scopes/* scopeResolver */.h0)(opts.scopes);
    const usedScopes = [];
    const consoleScopes = opts.scopes ? new Map() : (opts.consoleScopes ?? new Map());
    /**
     * Scopes for a file: the input wins; then the Console's scopes of the credential whose client
     * id the file names (or of the only credential the Console showed); then the table.
     */
    const scopesFor = (fileText) => (metascopes) => {
        let choice = resolve(metascopes);
        const named = [...consoleScopes].find(([clientId]) => fileText.includes(clientId));
        const only = consoleScopes.size === 1 ? [...consoleScopes][0] : undefined;
        const fromConsole = named ?? only;
        if (fromConsole)
            choice = { ...choice, value: (0,scopes/* normalizeScopes */.Zi)(fromConsole[1]), source: 'console', confidence: 'confirmed' };
        if (!usedScopes.some((c) => c.value === choice.value && c.source === choice.source))
            usedScopes.push(choice);
        return choice;
    };
    // Files that post the JWT form first: they may ask the file holding the exchange URL to change.
    // Then code, then its tests (a mock of a helper the code no longer calls goes), then
    // dependency and settings files (a dependency goes when no code imports it any more), then YAML
    // (a manifest's action inputs follow what the action's code still reads).
    const posts = new Set(result.findings.filter((f) => f.ruleId === 'code-jwt-token-form-field').map((f) => f.file));
    const rank = (f) => {
        if ((0,languages/* languageOf */.eX)(f) && TEST_PATH.test(f))
            return 1.5;
        return posts.has(f) ? 0 : (0,languages/* languageOf */.eX)(f) ? 1 : YAML_FILE.test(f) ? 3 : 2;
    };
    const files = [...new Set(result.findings.map((f) => f.file))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const requests = new Map();
    const processed = new Set();
    const allFiles = [...new Set([...files, ...result.findings.map((f) => f.file)])];
    const edits = [];
    const manual = [];
    const add = new Set();
    const remove = new Set();
    const variables = new Set();
    const creates = new Map();
    const finalTexts = new Map();
    const gone = new Set();
    const usedInRepository = wordsOfRepository(root, listing);
    for (const file of files) {
        processed.add(file);
        const findings = result.findings.filter((f) => f.file === file && f.ruleId !== context/* AEM_CLOUD_RULE */.VH);
        if (!findings.length)
            continue;
        const original = readText(root, file);
        let text = original ?? '';
        let deleted = false;
        const settled = new Set();
        const ruleIds = new Set();
        const fileManual = [];
        for (const rw of REWRITERS) {
            if (deleted || !findings.some((f) => rw.ruleIds.includes(f.ruleId) && !settled.has(f.ruleId)))
                continue;
            let res;
            try {
                const current = text;
                const parse = rw.syntax ? () => treeOf(file, current) : undefined;
                res = rw.rewrite({ root, file, text, findings, scopes: scopesFor(original ?? ''), files: allFiles, parse, original: original ?? undefined, usedElsewhere: (name) => usedInRepository(name, file),
                    requested: requests.get(file), processed: (other) => processed.has(other),
                    current: (other) => (gone.has(other) ? null : (finalTexts.get(other) ?? readText(root, other))) });
            }
            catch {
                res = null; // a rewriter that trips over a file leaves it for a person
            }
            if (!res)
                continue;
            if (res.text !== undefined && (!stillParses(file, res.text) || !syntaxKept(file, text, res.text)))
                continue;
            if (res.text !== undefined)
                text = res.text;
            if (res.delete)
                deleted = true;
            for (const r of res.requests ?? [])
                requests.set(r.file, (requests.get(r.file) ?? new Set()).add(r.kind));
            for (const id of res.ruleIds) {
                settled.add(id);
                ruleIds.add(id);
            }
            for (const c of res.create ?? [])
                creates.set(c.file, { content: c.content, ruleIds: [...res.ruleIds] });
            fileManual.push(...(res.manual ?? []));
            for (const s of res.secrets?.add ?? [])
                add.add(s);
            for (const s of res.secrets?.remove ?? [])
                remove.add(s);
            for (const s of res.secrets?.variables ?? [])
                variables.add(s);
        }
        // What is left for a person, at its line in the file as the migration leaves it. A rule whose
        // findings the edit removed is settled by it, whichever rewriter made the edit; the token
        // function's region goes when none of the signals that made it is left.
        const had = new Set(findings.map((f) => f.ruleId));
        const modified = !deleted && original !== null && text !== original;
        const left = modified ? (0,match/* matchFile */.g3)(src_rules/* RULES */.y0, { path: file, text }).findings.filter((f) => had.has(f.ruleId)) : deleted ? [] : findings;
        if (modified || deleted) {
            const still = new Set(left.map((f) => f.ruleId));
            const signalsLeft = left.some((f) => regions/* SIGNAL_RULES */.J6.has(f.ruleId));
            const flowLeft = left.some((f) => !src_rules/* SUPPORTING_RULES */.e2.has(f.ruleId) && !FILE_RULES.has(f.ruleId) && !regions/* REGION_RULES */.fX.has(f.ruleId));
            for (const id of had) {
                const gone = regions/* REGION_RULES */.fX.has(id) ? !signalsLeft : FILE_RULES.has(id) ? !flowLeft : !still.has(id);
                if (gone) {
                    settled.add(id);
                    ruleIds.add(id);
                }
            }
        }
        if (deleted)
            edits.push({ file, action: 'delete', ruleIds: [...ruleIds].sort(), before: original, after: null });
        else if (modified)
            edits.push({ file, action: 'modify', ruleIds: [...ruleIds].sort(), before: original, after: text });
        // A step about a placeholder a later rewrite deleted with its code is no step at all.
        manual.push(...fileManual.filter((m) => deleted || placeholdersKept(m.instructions, text)));
        const open = left.filter((f) => !settled.has(f.ruleId) && f.ruleId !== context/* AEM_CLOUD_RULE */.VH);
        for (const f of open.filter((x) => !src_rules/* SUPPORTING_RULES */.e2.has(x.ruleId)))
            manual.push(manualFor(f));
        // Names the flow used that are still there: one step for the file, not one a line.
        const names = open.filter((x) => src_rules/* SUPPORTING_RULES */.e2.has(x.ruleId));
        if (names.length) {
            manual.push({
                file,
                line: names[0].line,
                ruleId: names[0].ruleId,
                instructions: `Review line${names.length === 1 ? '' : 's'} ${names.map((x) => x.line).join(', ')}: ${names.length === 1 ? 'it names' : 'they name'} settings only the JWT flow used (private key, technical account, metascopes, the JWT). Remove them, or rename them for the OAuth client secret and scopes.`,
            });
        }
        if (deleted)
            gone.add(file);
        else
            finalTexts.set(file, text);
    }
    for (const [file, { content, ruleIds }] of creates) {
        const existing = readText(root, file);
        if (existing === content)
            continue;
        if (existing !== null || present((0,external_node_path_.join)(root, file))) {
            manual.push({ file, line: 1, ruleId: ruleIds[0] ?? 'migrate', instructions: `The migration wanted to create ${file}, but a different file is already there; it was left as it is. Merge the generated helper by hand.`, snippet: content });
            continue;
        }
        edits.push({ file, action: 'create', ruleIds, before: null, after: content });
    }
    for (const s of add)
        remove.delete(s);
    // A name some file still uses after the migration is not to be removed (for example the
    // technical account id, which OAuth Server-to-Server contexts keep).
    for (const name of remove) {
        if ([...finalTexts.values()].some((t) => (0,src_text/* containsWord */.oV)(t, name)))
            remove.delete(name);
    }
    edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return { root, edits, manual, secrets: { add: [...add].filter((n) => !variables.has(n)).sort(), remove: [...remove].sort(), ...(variables.size ? { variables: [...variables].sort() } : {}) }, scopes: usedScopes };
}
async function planMigration(settings, opts = {}) {
    const result = await (0,engine/* scan */.S)(settings, opts.engine);
    return { plan: await planFromScan(result, opts), scan: result };
}
/**
 * Marks each finding `fixable` exactly when the plan edits it: an edit of its file that settles
 * its rule. Reports count "fixable" from these marks, so they say what `migrate` will do.
 */
function markFixable(result, plan) {
    const settled = new Set(plan.edits.flatMap((e) => e.ruleIds.map((id) => `${e.file}\0${id}`)));
    // The plan's paths may be relative to a repository root above the scanned folder.
    for (const f of result.findings)
        f.fixable = settled.has(`${f.file}\0${f.ruleId}`);
}

;// CONCATENATED MODULE: ./src/migrate/index.ts
// The migration engine's public face. Entries load it with import() so a scan never pays for
// the TypeScript compiler the code rewriters parse with (a separate bundle chunk).




/** Rule ids some rewriter takes on: the forms `migrate` can change (a finding of them is fixable when the plan edits it). */
function rewrittenRuleIds() {
    return new Set(REWRITERS.flatMap((r) => r.ruleIds));
}


/***/ })

};

//# sourceMappingURL=18.index.js.map