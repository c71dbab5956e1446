export const id = 649;
export const ids = [649];
export const modules = {

/***/ 2649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkConsole: () => (/* binding */ checkConsole)
});

// UNUSED EXPORTS: explain, findLinks

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/scan/match.ts
var match = __webpack_require__(6288);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
;// CONCATENATED MODULE: ./src/adobe/http.ts
// The only HTTP client for Adobe (IMS, Developer Console, Experience Platform): undici with a
// time limit, retries on 429/5xx honouring Retry-After, the environment's proxy settings, and
// every answer parsed with zod so an unexpected shape is a clear error, not a crash.

/** An Adobe call that failed, with what the user should check. */
class AdobeError extends Error {
    status;
    code;
    name = 'AdobeError';
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
let dispatcher;
function proxyAware() {
    // Honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY like the toolkit's own client.
    dispatcher ??= new undici/* EnvHttpProxyAgent */.J2();
    return dispatcher;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function retryAfterMs(header, fallback, max) {
    const v = Array.isArray(header) ? header[0] : header;
    if (v) {
        const secs = Number(v);
        if (Number.isFinite(secs))
            return Math.min(secs, max) * 1000;
        const date = Date.parse(v);
        if (!Number.isNaN(date))
            return Math.min(Math.max(0, date - Date.now()), max * 1000);
    }
    return fallback;
}
/** One JSON call. GETs and token requests are safe to retry; nothing here writes. */
async function callJson(url, opts, http = {}) {
    const retries = http.retries ?? 3;
    const base = http.retryBaseMs ?? 500;
    let lastError;
    for (let attempt = 0; attempt <= retries; attempt++) {
        let status;
        let text = '';
        let retryAfter;
        try {
            const res = await (0,undici/* request */.Em)(url, {
                method: opts.method ?? 'GET',
                headers: { accept: 'application/json', ...opts.headers },
                body: opts.body,
                dispatcher: proxyAware(),
                headersTimeout: http.timeoutMs ?? 30_000,
                bodyTimeout: http.timeoutMs ?? 30_000,
                signal: AbortSignal.timeout((http.timeoutMs ?? 30_000) + 1000),
            });
            status = res.statusCode;
            retryAfter = res.headers['retry-after'];
            text = await res.body.text();
        }
        catch (e) {
            lastError = new AdobeError(`${opts.what}: no answer (${e.message})`, undefined, 'network');
            if (attempt < retries)
                await sleep(base * 2 ** attempt);
            continue;
        }
        if (status === 429 || status >= 500) {
            lastError = new AdobeError(`${opts.what}: HTTP ${status}`, status);
            if (attempt < retries)
                await sleep(retryAfterMs(retryAfter, base * 2 ** attempt, http.maxRetryAfter ?? 60));
            continue;
        }
        let json;
        try {
            json = text ? JSON.parse(text) : undefined;
        }
        catch {
            throw new AdobeError(`${opts.what}: HTTP ${status}, not JSON`, status);
        }
        if (status >= 400) {
            const body = (json ?? {});
            const code = body.error ?? body.error_code;
            const detail = body.error_description ?? body.message ?? body.error ?? '';
            throw new AdobeError(`${opts.what}: HTTP ${status}${code ? ` ${code}` : ''}${detail && detail !== code ? `: ${detail}` : ''}`, status, code);
        }
        const parsed = opts.schema.safeParse(json);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new AdobeError(`${opts.what}: unexpected answer (${issue.path.join('.') || 'body'}: ${issue.message})`, status, 'shape');
        }
        return parsed.data;
    }
    throw lastError ?? new AdobeError(`${opts.what}: failed`, undefined);
}

;// CONCATENATED MODULE: ./src/adobe/api.ts
// Adobe IMS, Developer Console and Query Service calls this project makes, with the shapes it
// relies on (zod, loose: extra fields are fine, missing ones are an error that names the call).


const id = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).transform(String);
const TokenAnswer = schemas/* object */.Ikc({ access_token: schemas/* string */.YjP().min(1), expires_in: schemas/* number */.aig().optional(), token_type: schemas/* string */.YjP().optional() }).loose();
const Org = schemas/* object */.Ikc({ id, code: schemas/* string */.YjP().optional(), name: schemas/* string */.YjP().optional() }).loose();
const Project = schemas/* object */.Ikc({ id, name: schemas/* string */.YjP().optional(), title: schemas/* string */.YjP().optional(), org_id: id.optional() }).loose();
const Workspace = schemas/* object */.Ikc({ id, name: schemas/* string */.YjP().optional(), title: schemas/* string */.YjP().optional() }).loose();
const CredentialEntry = schemas/* object */.Ikc({
    id_integration: id.optional(),
    id: id.optional(),
    client_id: schemas/* string */.YjP().optional(),
    name: schemas/* string */.YjP().optional(),
    flow_type: schemas/* string */.YjP(),
    integration_type: schemas/* string */.YjP(),
})
    .loose();
const OAuthObject = schemas/* object */.Ikc({ client_id: schemas/* string */.YjP().optional(), scopes: schemas/* array */.YOg(schemas/* string */.YjP()).optional(), client_secrets: schemas/* array */.YOg(schemas/* string */.YjP()).optional(), technical_account_email: schemas/* string */.YjP().optional() })
    .loose();
const DownloadCredential = schemas/* object */.Ikc({ id: id.optional(), name: schemas/* string */.YjP().optional(), integration_type: schemas/* string */.YjP().optional(), oauth_server_to_server: OAuthObject.optional(), jwt: schemas/* object */.Ikc({ client_id: schemas/* string */.YjP().optional() }).loose().optional() })
    .loose();
const WorkspaceDownload = schemas/* object */.Ikc({
    project: schemas/* object */.Ikc({
        id: id.optional(),
        name: schemas/* string */.YjP().optional(),
        org: schemas/* object */.Ikc({ id: id.optional(), ims_org_id: schemas/* string */.YjP().optional() }).loose().optional(),
        workspace: schemas/* object */.Ikc({ id: id.optional(), name: schemas/* string */.YjP().optional(), details: schemas/* object */.Ikc({ credentials: schemas/* array */.YOg(DownloadCredential).optional() }).loose().optional() }).loose().optional(),
    })
        .loose(),
})
    .loose();
const Binding = schemas/* object */.Ikc({ certificateFingerprint: schemas/* string */.YjP().optional(), notAfter: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).optional() }).loose();
const ClientCredential = schemas/* object */.Ikc({ org_id: id.optional(), project_id: id, workspace_id: id, credential_id: id.optional(), flow_type: schemas/* string */.YjP().optional() }).loose();
const QueryAccount = schemas/* object */.Ikc({ technicalAccountId: schemas/* string */.YjP().optional(), name: schemas/* string */.YjP().optional(), credential: schemas/* unknown */.L5J().optional() }).loose();
const QueryAccounts = schemas/* union */.KCZ([schemas/* array */.YOg(QueryAccount), schemas/* object */.Ikc({ accounts: schemas/* array */.YOg(QueryAccount) }).loose().transform((v) => v.accounts)]);
function strip(url) {
    return url.replace(/\/+$/, ''); // native-regex: a URL from the inputs
}
/** OAuth Server-to-Server token (client_credentials at /ims/token/v3). */
async function requestToken(imsUrl, clientId, clientSecret, scopes, http) {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: scopes }).toString();
    const answer = await callJson(`${strip(imsUrl)}/ims/token/v3`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, schema: TokenAnswer, what: 'IMS token request' }, http);
    return answer.access_token;
}
function get(s, path, schema, what, extra = {}) {
    const base = path.startsWith('/data/') ? s.endpoints.platform : s.endpoints.console;
    return callJson(`${strip(base)}${path}`, { headers: { authorization: `Bearer ${s.token}`, 'x-api-key': s.apiKey, ...extra }, schema, what }, s.http);
}
const enc = encodeURIComponent;
const consoleApi = {
    organizations: (s) => get(s, '/console/organizations', schemas/* array */.YOg(Org), 'list organizations'),
    projects: (s, org) => get(s, `/console/organizations/${enc(org)}/projects`, schemas/* array */.YOg(Project), `list projects of org ${org}`),
    workspaces: (s, org, project) => get(s, `/console/organizations/${enc(org)}/projects/${enc(project)}/workspaces`, schemas/* array */.YOg(Workspace), `list workspaces of project ${project}`),
    credentials: (s, org, project, ws) => get(s, `/console/organizations/${enc(org)}/projects/${enc(project)}/workspaces/${enc(ws)}/credentials`, schemas/* array */.YOg(CredentialEntry), `list credentials of workspace ${ws}`),
    download: (s, org, project, ws) => get(s, `/console/organizations/${enc(org)}/projects/${enc(project)}/workspaces/${enc(ws)}/download`, WorkspaceDownload, `download workspace ${ws}`),
    bindings: (s, org, integration) => get(s, `/console/organizations/${enc(org)}/integrations/entp/${enc(integration)}/bindings`, schemas/* array */.YOg(Binding), `read certificates of credential ${integration}`),
    clientCredential: (s, clientId) => get(s, `/console/clients/${enc(clientId)}/credential`, ClientCredential, `look up client id ${clientId}`),
    queryAccounts: (s, org, sandbox) => get(s, '/data/foundation/queryauth/accounts', QueryAccounts, `list Query Service accounts of sandbox ${sandbox}`, { 'x-gw-ims-org-id': org, 'x-sandbox-name': sandbox }),
};

;// CONCATENATED MODULE: ./src/adobe/check.ts
// The Adobe Developer Console side of the check: find the projects the repository is linked to,
// classify their credentials, read certificate expiry and OAuth scopes, list Query Service
// accounts, and verify the new credential. Every Adobe failure degrades to a warning.






/** Links the repository makes to Console projects: workspace JSON, .aio, and client ids. */
function findLinks(scan, extraFiles = ['.aio', 'console.json']) {
    const links = [];
    const clientIds = new Map();
    const files = [...new Set([...scan.findings.map((f) => f.file).filter(Boolean), ...extraFiles])];
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(scan.root, file), 'utf8');
        }
        catch {
            continue;
        }
        // native-regex: a path
        if (/\.json$|(?:^|\/)\.aio$/.test(file)) {
            try {
                const parsed = WorkspaceDownload.safeParse(JSON.parse(text));
                const p = parsed.success ? parsed.data.project : undefined;
                if (p?.id) {
                    const from = { file, line: (0,src_text/* lineAt */.mh)(text, Math.max(0, text.indexOf('"project"'))) };
                    links.push({ org: p.org?.id, project: p.id, workspace: p.workspace?.id, workspaceName: p.workspace?.name, from });
                }
            }
            catch {
                // not JSON: client ids below still count
            }
        }
    }
    for (const ref of scan.clientIds ?? [])
        if (!clientIds.has(ref.clientId))
            clientIds.set(ref.clientId, { file: ref.file, line: ref.line });
    return { links, clientIds };
}
function classify(flow, type) {
    if (flow !== 'entp')
        return undefined;
    if (type === 'service')
        return 'jwt';
    if (type === 'oauth_server_to_server_migrate')
        return 'migrating';
    if (type === 'oauth_server_to_server')
        return 'oauth';
    return undefined;
}
/** What a refused or failed Adobe call most likely means, and what to change. */
function explain(e) {
    if (!(e instanceof AdobeError))
        return e.message;
    if (e.status === 401)
        return `${e.message}. The token was refused: check adobe-client-id / adobe-client-secret, or renew adobe-access-token (it may have expired).`;
    if (e.status === 403)
        return `${e.message}. The credential may not read this organization or project: add the I/O Management API to its project, and check adobe-org-id.`;
    if (e.status === 404)
        return `${e.message}. Not found: check adobe-org-id and adobe-projects.`;
    if (e.code === 'shape')
        return `${e.message}. Adobe answered in a shape this version does not know: please report it.`;
    return `${e.message}. Adobe did not answer in time or failed; the repository scan and pull request still ran. Rerun later.`;
}
function consoleFinding(ruleId, severity, title, message, at, key) {
    const file = at?.file ?? '';
    const line = at?.line ?? 1;
    return { ruleId, severity, file, line, column: 1, endLine: line, endColumn: 1, message, title, category: 'config', fingerprint: (0,match/* fingerprint */.Rj)(ruleId, file, key, 0), fixable: false, snippet: '' };
}
function expiry(notAfter) {
    if (notAfter === undefined)
        return undefined;
    const d = typeof notAfter === 'number' ? new Date(notAfter) : new Date(Number.isFinite(Number(notAfter)) ? Number(notAfter) : notAfter);
    return Number.isNaN(d.getTime()) ? undefined : d;
}
async function checkConsole(settings, scan, now = new Date()) {
    const report = { credentials: [], findings: [], warnings: [], scopesByClient: new Map(), oauth: new Map(), repoClientIds: [], readerClientId: settings.clientId };
    if (settings.verify) {
        try {
            await requestToken(settings.imsUrl, settings.verify.clientId, settings.verify.clientSecret, settings.verify.scopes, settings.http);
            report.preflight = { ok: true, message: 'IMS issued a token for the OAuth Server-to-Server credential with the given scopes.' };
        }
        catch (e) {
            report.preflight = { ok: false, message: `IMS refused a token for the OAuth Server-to-Server credential: ${e.message}` };
        }
    }
    let token = settings.accessToken;
    const apiKey = settings.clientId ?? settings.verify?.clientId ?? '';
    if (!token && settings.clientId && settings.clientSecret) {
        try {
            token = await requestToken(settings.imsUrl, settings.clientId, settings.clientSecret, settings.scopes ?? '', settings.http);
        }
        catch (e) {
            report.warnings.push(`Adobe Developer Console not checked: ${explain(e)}`);
            return report;
        }
    }
    if (!token)
        return report;
    const session = { endpoints: { ims: settings.imsUrl, console: settings.consoleUrl, platform: settings.platformUrl }, token, apiKey, http: settings.http };
    // The Console's paths take its own org id; Experience Platform takes the IMS org id (...@AdobeOrg).
    let consoleOrg = settings.orgId;
    let imsOrg = settings.orgId;
    if (settings.orgId) {
        try {
            const orgs = await consoleApi.organizations(session);
            const match = orgs.find((o) => o.id === settings.orgId || o.code === settings.orgId);
            if (match) {
                consoleOrg = match.id;
                imsOrg = match.code ?? imsOrg;
            }
        }
        catch (e) {
            report.warnings.push(`Organizations not listed: ${explain(e)}`);
        }
    }
    const { links, clientIds } = findLinks(scan);
    report.repoClientIds = [...clientIds.keys()];
    for (const p of settings.projects)
        links.push({ org: consoleOrg, project: p.project, workspace: p.workspace });
    for (const [clientId, from] of clientIds) {
        try {
            const c = await consoleApi.clientCredential(session, clientId);
            links.push({ org: c.org_id ?? consoleOrg, project: c.project_id, workspace: c.workspace_id, from });
        }
        catch (e) {
            if (!(e instanceof AdobeError && e.status === 404))
                report.warnings.push(`Client id ${clientId} (${from.file}:${from.line}) not looked up: ${explain(e)}`);
        }
    }
    const seen = new Set();
    for (const link of links) {
        const org = link.org ?? consoleOrg;
        if (!org) {
            report.warnings.push(`Project ${link.project} not checked: its organization is unknown; set adobe-org-id.`);
            continue;
        }
        try {
            const workspaces = link.workspace ? [{ id: link.workspace, name: link.workspaceName }] : await consoleApi.workspaces(session, org, link.project);
            for (const ws of workspaces) {
                const key = `${org}/${link.project}/${ws.id}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                await checkWorkspace(session, report, { org, project: link.project, workspace: ws.id, workspaceName: ws.name, from: link.from }, now);
            }
        }
        catch (e) {
            report.warnings.push(`Project ${link.project} not checked: ${explain(e)}`);
        }
    }
    if (settings.sandbox && imsOrg) {
        try {
            for (const account of await consoleApi.queryAccounts(session, imsOrg, settings.sandbox)) {
                const who = account.technicalAccountId ?? account.name ?? 'an account';
                report.findings.push(consoleFinding('console-query-service-credential', 'note', 'Query Service non-expiring credential', `Query Service non-expiring credential of ${who} (sandbox ${settings.sandbox}): migrate it in the Experience Platform UI (Queries > Credentials > Migrate). The technical account id and password stay the same, so no code change is needed.`, undefined, `${settings.sandbox}/${who}`));
            }
        }
        catch (e) {
            report.warnings.push(`Query Service accounts not listed: ${explain(e)}`);
        }
    }
    return report;
}
async function checkWorkspace(s, report, w, now) {
    const creds = await consoleApi.credentials(s, w.org, w.project, w.workspace);
    let download;
    for (const c of creds) {
        const kind = classify(c.flow_type, c.integration_type);
        if (!kind)
            continue;
        const credentialId = c.id_integration ?? c.id;
        const entry = { org: w.org, project: w.project, workspace: w.workspace, workspaceName: w.workspaceName, credentialId, clientId: c.client_id, kind, linkedFrom: w.from };
        const where = `project ${w.project}, workspace ${w.workspaceName ?? w.workspace}${c.name ? `, credential ${c.name}` : ''}${c.client_id ? ` (client id ${c.client_id})` : ''}`;
        if (kind === 'jwt') {
            let expired = '';
            if (credentialId) {
                try {
                    const dates = (await consoleApi.bindings(s, w.org, credentialId)).map((b) => expiry(b.notAfter)).filter((d) => !!d);
                    const latest = dates.sort((a, b) => b.getTime() - a.getTime())[0];
                    if (latest) {
                        entry.certificateExpiry = latest.toISOString();
                        expired = latest < now ? ` Its certificate expired on ${latest.toISOString().slice(0, 10)}: the credential no longer works.` : ` Its certificate expires on ${latest.toISOString().slice(0, 10)}.`;
                    }
                }
                catch (e) {
                    report.warnings.push(`Certificates of ${where} not read: ${explain(e)}`);
                }
            }
            report.findings.push(consoleFinding('console-jwt-credential', 'error', 'Service Account (JWT) credential in the Developer Console', `The Adobe Developer Console ${where} is a Service Account (JWT) credential.${expired} Add the OAuth Server-to-Server credential to the project, switch the code and secrets, then delete the JWT credential.`, w.from, `${w.org}/${w.project}/${w.workspace}/${credentialId ?? c.client_id}`));
        }
        else {
            if (kind === 'migrating') {
                report.findings.push(consoleFinding('console-jwt-migration-in-progress', 'warning', 'JWT to OAuth migration in progress in the Developer Console', `The Adobe Developer Console ${where} is being migrated from JWT to OAuth Server-to-Server. Deploy the OAuth credential, check its "last used" time, then delete the JWT credential to finish.`, w.from, `${w.org}/${w.project}/${w.workspace}/${credentialId ?? c.client_id}`));
            }
            try {
                download ??= await consoleApi.download(s, w.org, w.project, w.workspace);
                const d = download.project.workspace?.details?.credentials?.find((x) => (x.oauth_server_to_server?.client_id ?? x.jwt?.client_id) === c.client_id || (credentialId && x.id === credentialId));
                const scopes = d?.oauth_server_to_server?.scopes;
                const o = d?.oauth_server_to_server;
                if (o && c.client_id)
                    report.oauth.set(c.client_id, { clientSecret: o.client_secrets?.[0], technicalAccountEmail: o.technical_account_email });
                if (scopes?.length) {
                    entry.scopes = scopes;
                    if (c.client_id)
                        report.scopesByClient.set(c.client_id, scopes.join(','));
                }
            }
            catch (e) {
                report.warnings.push(`Scopes of ${where} not read: ${explain(e)}`);
            }
        }
        report.credentials.push(entry);
    }
}


/***/ })

};

//# sourceMappingURL=649.index.js.map