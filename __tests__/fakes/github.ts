// A stateful fake GitHub REST API on 127.0.0.1 for the pull-request feature (issue 4).
//
// Git objects are stored content-addressed exactly like git (blob/tree/commit SHA-1 of the git
// object encoding), so identical content gives identical shas. It models repositories with refs,
// commits, pull requests, issue comments, labels, reviewers and assignees; token kinds (an Actions
// GITHUB_TOKEN without `workflows`, a token with `workflows`, a read-only token); the refusal of
// workflow-file changes without `workflows`; the repository setting that forbids Actions from
// creating pull requests; and injected faults (status, dropped connection, delay, apply-then-drop).
// GitHub Actions secrets and variables are modelled for repositories and deployment environments:
// each has its own libsodium key pair (secrets arrive sealed with crypto_box_seal and are stored
// decrypted, for the test accessors), and tokens carry fine-grained `secrets` / `variables` permissions.
// Every request and response is recorded in `fake.log` (see openapi.ts for the schema check).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { diffLines } from 'diff';
import sodium from 'libsodium-wrappers';

// ───────────────────────────── public types ─────────────────────────────

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  /** git identity used for commits made with this user's token */
  name: string;
  email: string;
}

/** write: contents + pull-requests write, no `workflows` (a GITHUB_TOKEN); workflows: also `workflows`; read: read-only. */
export type TokenAccess = 'write' | 'workflows' | 'read';

/** a fine-grained permission level (fine-grained PAT / GitHub App) */
export type PermissionLevel = 'write' | 'read' | 'none';

export interface FakeToken {
  access: TokenAccess;
  /** identity of the token; default github-actions[bot] */
  user?: FakeUser;
  /** a GitHub Actions GITHUB_TOKEN (subject to `actionsCanCreatePullRequests`); default: access !== 'workflows' */
  actions?: boolean;
  /** repositories (owner/repo) the token may write to; default all */
  repos?: string[];
  /**
   * the `secrets` permission (Actions secrets of repositories and environments): read = public key,
   * secret metadata, lists; write = also create, update, delete. Default none (a GITHUB_TOKEN has no
   * secrets permission).
   */
  secrets?: PermissionLevel;
  /** the `variables` permission (Actions variables): read = get and list; write = also create, update, delete. Default none. */
  variables?: PermissionLevel;
  /**
   * the `environments` permission: a fine-grained token reaches an environment's secrets and
   * variables through it, not through `secrets`/`variables`. Default none.
   */
  environments?: PermissionLevel;
}

export interface FakeRepoOptions {
  defaultBranch?: string;
  private?: boolean;
  fork?: boolean;
  /** owner/repo of the parent when fork is true (must be modelled too to appear in the answer) */
  parent?: string;
  /** "Allow GitHub Actions to create and approve pull requests"; default true */
  actionsCanCreatePullRequests?: boolean;
  allowAutoMerge?: boolean;
  archived?: boolean;
  /** when set, reviewers must be among them (else 422) and other assignees are silently dropped */
  collaborators?: string[];
  /** owner account type; default Organization */
  ownerType?: 'User' | 'Organization';
  /** deployment environments to create (each with its own secrets key pair); existing ones are kept */
  environments?: string[];
}

export interface FakeGitHubOptions {
  /** token value -> kind; default DEFAULT_TOKENS (write / workflows / read) */
  tokens?: Record<string, FakeToken>;
  /** repositories to create empty (seedRepo also creates them) */
  repos?: Record<string, FakeRepoOptions>;
  /** web host for html_url; default https://github.com */
  webUrl?: string;
  /** API path prefix, e.g. /api/v3 to imitate GitHub Enterprise Server; default none */
  pathPrefix?: string;
  /** clock; default Date.now */
  now?: () => Date;
}

export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface Verification {
  verified: boolean;
  reason: string;
  signature: string | null;
  payload: string | null;
  verified_at: string | null;
}

export interface TreeEntry {
  name: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export interface CommitData {
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
  verification: Verification;
}

export type GitObject =
  | { type: 'blob'; data: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | { type: 'commit'; commit: CommitData };

export interface FakePull {
  number: number;
  id: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  draft: boolean;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  user: FakeUser;
  labels: string[];
  requested_reviewers: string[];
  requested_teams: string[];
  assignees: string[];
  maintainer_can_modify: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

/** an Actions secret; GitHub never answers the value, the fake keeps it decrypted for assertions */
export interface FakeSecret {
  /** upper-case, as GitHub stores secret names */
  name: string;
  value: string;
  created_at: string;
  updated_at: string;
}

export interface FakeVariable {
  /** upper-case, as GitHub stores variable names */
  name: string;
  value: string;
  created_at: string;
  updated_at: string;
}

/** the Actions secrets and variables of a repository or of one of its environments */
export interface FakeActionsStore {
  /** the key_id served with the public key (and required with every secret written) */
  keyId: string;
  /** libsodium crypto_box key pair; the public key is served base64 (ORIGINAL variant) */
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  /** upper-case name -> secret */
  secrets: Map<string, FakeSecret>;
  /** upper-case name -> variable */
  variables: Map<string, FakeVariable>;
}

export interface FakeEnvironment extends FakeActionsStore {
  name: string;
  id: number;
  created_at: string;
  updated_at: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  fullName: string;
  id: number;
  options: Required<Omit<FakeRepoOptions, 'collaborators' | 'parent' | 'environments'>> & { collaborators?: string[]; parent?: string };
  /** full ref name (refs/heads/main) -> commit sha */
  refs: Map<string, string>;
  objects: Map<string, GitObject>;
  pulls: FakePull[];
  comments: FakeComment[];
  labels: Map<string, FakeLabel>;
  createdAt: string;
  pushedAt: string;
  nextNumber: number;
  /** the repository's own Actions secrets and variables */
  actions: FakeActionsStore;
  /** deployment environments, by lower-case name */
  environments: Map<string, FakeEnvironment>;
}

export interface FaultSpec {
  /** HTTP method to match (any when omitted) */
  method?: string;
  /** matched against the API path (no query, no pathPrefix), e.g. /repos/o/r/git/refs */
  path: RegExp;
  /** how many matching calls to fault; default 1 (Infinity for all) */
  times?: number;
  /** let this many matching calls through first; default 0 */
  after?: number;
  /** answer with this status (the call is not applied) */
  status?: number;
  headers?: Record<string, string>;
  /** response body (default: GitHub's body for the status; 403/429 default to a secondary rate limit) */
  body?: unknown;
  /** destroy the socket without answering (the call is not applied) */
  drop?: true;
  /** wait this long before answering (alone: then answer normally) */
  delayMs?: number;
  /** apply the call, then destroy the socket instead of answering */
  applyThenDrop?: true;
}

export interface Fault {
  spec: FaultSpec;
  /** matching calls seen */
  seen: number;
  /** calls faulted */
  hits: number;
}

export interface FakeGitHubCall {
  seq: number;
  /** when the request arrived (Date.now(), real time: retry timing is measured from it) */
  at: number;
  method: string;
  /** API path without query and pathPrefix */
  path: string;
  query: Record<string, string>;
  /** parsed JSON request body (undefined when none) */
  body: unknown;
  requestHeaders: IncomingMessage['headers'];
  /** null when the connection was dropped before any answer was computed */
  status: number | null;
  /** response body (parsed JSON; undefined for 204 / no body), also for applyThenDrop calls */
  responseBody: unknown;
  responseHeaders: Record<string, string>;
  /** the client got no answer */
  dropped: boolean;
  /** answered by an injected fault (not by the fake's logic) */
  injected: boolean;
  token?: string;
}

export interface CommitAsOptions {
  author: { name: string; email: string; login?: string; date?: string };
  committer?: { name: string; email: string; login?: string; date?: string };
  message?: string;
}

export interface SeedOptions extends FakeRepoOptions {
  /** branch to seed; default the repository's default branch */
  branch?: string;
  message?: string;
  author?: { name: string; email: string; login?: string; date?: string };
}

export interface FakeGitHub {
  /** API base URL (with pathPrefix), e.g. http://127.0.0.1:1234 */
  url: string;
  webUrl: string;
  log: FakeGitHubCall[];
  faults: Fault[];
  tokens: Record<string, FakeToken>;
  /** create (or return) a repository */
  createRepo(owner: string, repo: string, options?: FakeRepoOptions): FakeRepo;
  /** create the initial commit (files: path -> utf-8 content) on the default branch; returns the commit sha */
  seedRepo(owner: string, repo: string, files: Record<string, string>, options?: SeedOptions): string;
  /** a commit "by a person" on branch (created when missing from the default branch); null deletes a file; returns the sha */
  commitAs(owner: string, repo: string, branch: string, files: Record<string, string | null>, options: CommitAsOptions): string;
  repo(owner: string, repo: string): FakeRepo;
  /** commit sha of a branch, or undefined */
  branch(owner: string, repo: string, branch: string): string | undefined;
  /** git commit object by sha (any repository) */
  commit(sha: string): CommitData | undefined;
  /** commits reachable from sha, newest first (topological) */
  history(sha: string): string[];
  /** path -> utf-8 content of a commit's (or tree's) tree */
  treeFiles(sha: string): Record<string, string>;
  inject(spec: FaultSpec): Fault;
  clearFaults(): void;
  close(): Promise<void>;

  // ── Actions secrets and variables (environment omitted: the repository's own) ──
  /** create (or return) a deployment environment of an existing repository */
  createEnvironment(owner: string, repo: string, name: string): FakeEnvironment;
  /** an environment, or undefined */
  environment(owner: string, repo: string, name: string): FakeEnvironment | undefined;
  /** the public key as the API serves it */
  publicKey(owner: string, repo: string, environment?: string): { key_id: string; key: string };
  /** replace the key pair (a new key_id); secrets sealed for the old key are then refused */
  rotateKey(owner: string, repo: string, environment?: string): { key_id: string; key: string };
  /** the decrypted value of a secret (name case-insensitive), or undefined */
  secretValue(owner: string, repo: string, name: string, environment?: string): string | undefined;
  /** secret names, sorted */
  secretNames(owner: string, repo: string, environment?: string): string[];
  /** pre-seed (or overwrite) a secret without going through HTTP */
  setSecret(owner: string, repo: string, name: string, value: string, environment?: string): void;
  /** the value of a variable (name case-insensitive), or undefined */
  variable(owner: string, repo: string, name: string, environment?: string): string | undefined;
  /** variable names, sorted */
  variableNames(owner: string, repo: string, environment?: string): string[];
  /** pre-seed (or overwrite) a variable without going through HTTP */
  setVariable(owner: string, repo: string, name: string, value: string, environment?: string): void;
}

// ───────────────────────────── constants ─────────────────────────────

export const GITHUB_ACTIONS_BOT: FakeUser = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

export const WORKFLOWS_USER: FakeUser = {
  login: 'release-bot',
  id: 7001,
  type: 'User',
  name: 'Release Bot',
  email: 'release-bot@example.com',
};

/** owner of the default fine-grained PAT with secrets and variables write */
export const SECRETS_USER: FakeUser = {
  login: 'secrets-admin',
  id: 7002,
  type: 'User',
  name: 'Secrets Admin',
  email: 'secrets-admin@example.com',
};

/** token values of the default token kinds */
export const DEFAULT_TOKENS = {
  write: 'ghs_fakeActionsTokenWrite',
  workflows: 'ghp_fakeTokenWithWorkflows',
  read: 'ghs_fakeActionsTokenRead',
  /** a fine-grained PAT: contents read, secrets write, variables write */
  secrets: 'github_pat_fakeSecretsWriter',
} as const;

const DOCS = 'https://docs.github.com/rest';
const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

// ───────────────────────────── git encoding ─────────────────────────────

function hashObject(type: string, data: Buffer): string {
  return createHash('sha1').update(`${type} ${data.length}\0`).update(data).digest('hex');
}

function gitSortKey(e: TreeEntry): string {
  return e.type === 'tree' ? `${e.name}/` : e.name;
}

function encodeTree(entries: TreeEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (gitSortKey(a) < gitSortKey(b) ? -1 : gitSortKey(a) > gitSortKey(b) ? 1 : 0));
  return Buffer.concat(
    sorted.flatMap((e) => [Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
  );
}

function gitTime(iso: string): string {
  return `${Math.floor(Date.parse(iso) / 1000)} +0000`;
}

function encodeCommit(c: Omit<CommitData, 'verification'>): Buffer {
  const lines = [`tree ${c.tree}`, ...c.parents.map((p) => `parent ${p}`)];
  lines.push(`author ${c.author.name} <${c.author.email}> ${gitTime(c.author.date)}`);
  lines.push(`committer ${c.committer.name} <${c.committer.email}> ${gitTime(c.committer.date)}`);
  return Buffer.from(`${lines.join('\n')}\n\n${c.message}`);
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function numericId(s: string): number {
  return 1_000_000 + (parseInt(createHash('sha1').update(s).digest('hex').slice(0, 7), 16) % 90_000_000);
}

function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '');
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

function fail(status: number, message: string, docs = DOCS, extra: Record<string, unknown> = {}): never {
  throw new HttpError(status, { message, ...extra, documentation_url: docs, status: String(status) });
}

function validationFailed(errors: Record<string, unknown>[], docs = DOCS): never {
  fail(422, 'Validation Failed', docs, { errors });
}

type Flat = Map<string, { mode: string; type: TreeEntry['type']; sha: string }>;

// ───────────────────────────── the fake ─────────────────────────────

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  await sodium.ready;
  const tokens: Record<string, FakeToken> = options.tokens ?? {
    [DEFAULT_TOKENS.write]: { access: 'write' },
    [DEFAULT_TOKENS.workflows]: { access: 'workflows', user: WORKFLOWS_USER },
    [DEFAULT_TOKENS.read]: { access: 'read' },
    [DEFAULT_TOKENS.secrets]: { access: 'read', actions: false, user: SECRETS_USER, secrets: 'write', variables: 'write', environments: 'write' },
  };
  const webUrl = (options.webUrl ?? 'https://github.com').replace(/\/$/, '');
  const prefix = (options.pathPrefix ?? '').replace(/\/$/, '');
  const now = () => isoSeconds(options.now ? options.now() : new Date());
  const repos = new Map<string, FakeRepo>();
  const log: FakeGitHubCall[] = [];
  const faults: Fault[] = [];
  /** git email -> GitHub user (for the `author`/`committer` users of REST commits) */
  const usersByEmail = new Map<string, FakeUser>();
  let api = '';
  let seq = 0;
  let nextId = 5_000_000;

  for (const t of Object.values(tokens)) {
    const u = t.user ?? GITHUB_ACTIONS_BOT;
    usersByEmail.set(u.email.toLowerCase(), u);
  }

  // ── state helpers ──
  const key = (o: string, r: string) => `${o}/${r}`.toLowerCase();

  function createRepo(owner: string, name: string, allOpts: FakeRepoOptions = {}): FakeRepo {
    const { environments, ...opts } = allOpts;
    const existing = repos.get(key(owner, name));
    if (existing) {
      Object.assign(existing.options, stripUndefined(opts));
      for (const e of environments ?? []) createEnvironment(existing, e);
      return existing;
    }
    const t = now();
    const r: FakeRepo = {
      owner,
      name,
      fullName: `${owner}/${name}`,
      id: numericId(`repo:${owner}/${name}`),
      options: {
        defaultBranch: 'main',
        private: false,
        fork: false,
        actionsCanCreatePullRequests: true,
        allowAutoMerge: false,
        archived: false,
        ownerType: 'Organization',
        ...stripUndefined(opts),
      },
      refs: new Map(),
      objects: new Map(),
      pulls: [],
      comments: [],
      labels: new Map(),
      createdAt: t,
      pushedAt: t,
      nextNumber: 1,
      actions: newStore(),
      environments: new Map(),
    };
    repos.set(key(owner, name), r);
    for (const e of environments ?? []) createEnvironment(r, e);
    return r;
  }

  // ── Actions secrets and variables: state ──
  function newKeyPair(): Pick<FakeActionsStore, 'keyId' | 'publicKey' | 'privateKey'> {
    const kp = sodium.crypto_box_keypair();
    // GitHub's key_ids are decimal strings such as 568250167242549743
    const keyId = BigInt(`0x${createHash('sha256').update(kp.publicKey).digest('hex').slice(0, 15)}`).toString();
    return { keyId, publicKey: kp.publicKey, privateKey: kp.privateKey };
  }

  function newStore(): FakeActionsStore {
    return { ...newKeyPair(), secrets: new Map(), variables: new Map() };
  }

  function createEnvironment(r: FakeRepo, name: string): FakeEnvironment {
    const existing = r.environments.get(name.toLowerCase());
    if (existing) return existing;
    const t = now();
    const e: FakeEnvironment = { ...newStore(), name, id: numericId(`environment:${r.fullName}/${name}`), created_at: t, updated_at: t };
    r.environments.set(name.toLowerCase(), e);
    return e;
  }

  /** the store of a repository (environment omitted) or of one of its environments; throws when absent (test helpers) */
  function storeOf(owner: string, name: string, environment?: string): FakeActionsStore {
    const r = getRepo(owner, name);
    if (environment === undefined) return r.actions;
    const e = r.environments.get(environment.toLowerCase());
    if (!e) throw new Error(`fake GitHub: ${r.fullName} has no environment ${environment}`);
    return e;
  }

  const publicKeyJson = (s: FakeActionsStore) => ({ key_id: s.keyId, key: sodium.to_base64(s.publicKey, sodium.base64_variants.ORIGINAL) });

  function storeSecret(s: FakeActionsStore, name: string, value: string): 'created' | 'updated' {
    const n = name.toUpperCase();
    const t = now();
    const old = s.secrets.get(n);
    s.secrets.set(n, { name: n, value, created_at: old?.created_at ?? t, updated_at: t });
    return old ? 'updated' : 'created';
  }

  function storeVariable(s: FakeActionsStore, name: string, value: string) {
    const n = name.toUpperCase();
    const t = now();
    const old = s.variables.get(n);
    s.variables.set(n, { name: n, value, created_at: old?.created_at ?? t, updated_at: t });
  }

  function stripUndefined<T extends object>(o: T): Partial<T> {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  }

  function getRepo(owner: string, name: string): FakeRepo {
    const r = repos.get(key(owner, name));
    if (!r) throw new Error(`fake GitHub: no repository ${owner}/${name}`);
    return r;
  }

  function put(r: FakeRepo, obj: GitObject): string {
    const data = obj.type === 'blob' ? obj.data : obj.type === 'tree' ? encodeTree(obj.entries) : encodeCommit(obj.commit);
    const sha = hashObject(obj.type, data);
    if (!r.objects.has(sha)) r.objects.set(sha, obj);
    return sha;
  }

  function findObject(sha: string): GitObject | undefined {
    for (const r of repos.values()) {
      const o = r.objects.get(sha);
      if (o) return o;
    }
    return undefined;
  }

  function getCommit(r: FakeRepo, sha: string): CommitData | undefined {
    const o = r.objects.get(sha);
    return o?.type === 'commit' ? o.commit : undefined;
  }

  function flatten(r: FakeRepo, treeSha: string, base = '', out: Flat = new Map(), withTrees = false): Flat {
    const o = r.objects.get(treeSha);
    if (!o || o.type !== 'tree') return out;
    for (const e of o.entries) {
      const p = base ? `${base}/${e.name}` : e.name;
      if (e.type === 'tree') {
        if (withTrees) out.set(p, { mode: e.mode, type: e.type, sha: e.sha });
        flatten(r, e.sha, p, out, withTrees);
      } else out.set(p, { mode: e.mode, type: e.type, sha: e.sha });
    }
    return out;
  }

  /** build nested trees from a flat path map; returns the root tree sha */
  function writeFlat(r: FakeRepo, flat: Flat): string {
    interface Dir {
      files: Map<string, { mode: string; type: TreeEntry['type']; sha: string }>;
      dirs: Map<string, Dir>;
    }
    const root: Dir = { files: new Map(), dirs: new Map() };
    for (const [p, e] of flat) {
      const parts = p.split('/');
      let d = root;
      for (const part of parts.slice(0, -1)) {
        let next = d.dirs.get(part);
        if (!next) d.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
        d = next;
      }
      d.files.set(parts[parts.length - 1], e);
    }
    const write = (d: Dir): string | null => {
      const entries: TreeEntry[] = [];
      for (const [name, e] of d.files) entries.push({ name, ...e });
      for (const [name, sub] of d.dirs) {
        const sha = write(sub);
        if (sha) entries.push({ name, mode: '040000', type: 'tree', sha });
      }
      if (!entries.length && d !== root) return null;
      return put(r, { type: 'tree', entries });
    };
    return write(root) ?? EMPTY_TREE;
  }

  function ancestors(r: FakeRepo, sha: string, into = new Set<string>()): Set<string> {
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (into.has(s)) continue;
      const c = getCommit(r, s);
      if (!c) continue;
      into.add(s);
      stack.push(...c.parents);
    }
    return into;
  }

  /** commits reachable from sha, newest first, parents after children */
  function topo(r: FakeRepo, sha: string, exclude = new Set<string>()): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const visit = (s: string) => {
      const stack: Array<[string, boolean]> = [[s, false]];
      while (stack.length) {
        const [x, done] = stack.pop()!;
        if (done) {
          out.push(x);
          continue;
        }
        if (seen.has(x) || exclude.has(x) || !getCommit(r, x)) continue;
        seen.add(x);
        stack.push([x, true]);
        for (const p of [...getCommit(r, x)!.parents].reverse()) stack.push([p, false]);
      }
    };
    visit(sha);
    return out.reverse(); // post-order is oldest first; reverse to newest first
  }

  function mergeBase(r: FakeRepo, a: string, b: string): string | undefined {
    const common = [...ancestors(r, a)].filter((x) => ancestors(r, b).has(x));
    return common.find((c) => !common.some((d) => d !== c && ancestors(r, d).has(c)));
  }

  function resolve(r: FakeRepo, spec: string): string | undefined {
    const name = spec.includes(':') ? spec.slice(spec.indexOf(':') + 1) : spec;
    for (const full of [name, `refs/${name}`, `refs/heads/${name}`, `refs/tags/${name}`]) {
      const s = r.refs.get(full);
      if (s) return s;
    }
    if (/^[0-9a-f]{40}$/.test(name) && r.objects.has(name)) return name;
    if (/^[0-9a-f]{7,39}$/.test(name)) {
      const hits = [...r.objects.keys()].filter((s) => s.startsWith(name));
      if (hits.length === 1) return hits[0];
    }
    return undefined;
  }

  function userFor(email: string): FakeUser | null {
    return usersByEmail.get(email.toLowerCase()) ?? null;
  }

  function makeCommit(r: FakeRepo, c: Omit<CommitData, 'verification'>, verification: Verification | ((payload: string) => Verification)): string {
    const payload = encodeCommit(c).toString('utf8');
    const v = typeof verification === 'function' ? verification(payload) : verification;
    return put(r, { type: 'commit', commit: { ...c, verification: v } });
  }

  const unsigned = (): Verification => ({ verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null });
  const signed = (payload: string): Verification => ({
    verified: true,
    reason: 'valid',
    signature: `-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQBQJfake${createHash('sha1').update(payload).digest('base64')}\n-----END PGP SIGNATURE-----\n`,
    payload,
    verified_at: now(),
  });

  function setRef(r: FakeRepo, full: string, sha: string) {
    r.refs.set(full, sha);
    r.pushedAt = now();
  }

  function filesToFlat(r: FakeRepo, base: Flat, files: Record<string, string | null>): Flat {
    const flat: Flat = new Map(base);
    for (const [p, content] of Object.entries(files)) {
      if (content === null) {
        for (const k of [...flat.keys()]) if (k === p || k.startsWith(`${p}/`)) flat.delete(k);
      } else flat.set(p, { mode: '100644', type: 'blob', sha: put(r, { type: 'blob', data: Buffer.from(content, 'utf8') }) });
    }
    return flat;
  }

  function personIdentity(a: { name: string; email: string; login?: string; date?: string }): GitPerson {
    if (a.login) usersByEmail.set(a.email.toLowerCase(), { login: a.login, id: numericId(`user:${a.login}`), type: 'User', name: a.name, email: a.email });
    return { name: a.name, email: a.email, date: a.date ?? now() };
  }

  function seedRepo(owner: string, name: string, files: Record<string, string>, opts: SeedOptions = {}): string {
    const { branch, message, author, ...repoOpts } = opts;
    const r = createRepo(owner, name, repoOpts);
    const who = personIdentity(author ?? { name: 'Repo Owner', email: 'owner@example.com', login: owner });
    const tree = writeFlat(r, filesToFlat(r, new Map(), files));
    const sha = makeCommit(r, { tree, parents: [], message: message ?? 'Initial commit', author: who, committer: who }, unsigned());
    setRef(r, `refs/heads/${branch ?? r.options.defaultBranch}`, sha);
    return sha;
  }

  function commitAs(owner: string, name: string, branch: string, files: Record<string, string | null>, opts: CommitAsOptions): string {
    const r = getRepo(owner, name);
    const parent = r.refs.get(`refs/heads/${branch}`) ?? r.refs.get(`refs/heads/${r.options.defaultBranch}`);
    if (!parent) throw new Error(`fake GitHub: ${owner}/${name} has no branch ${branch} nor default branch`);
    const base = flatten(r, getCommit(r, parent)!.tree);
    const author = personIdentity(opts.author);
    const committer = opts.committer ? personIdentity(opts.committer) : author;
    const tree = writeFlat(r, filesToFlat(r, base, files));
    const sha = makeCommit(r, { tree, parents: [parent], message: opts.message ?? 'Edit by a person', author, committer }, unsigned());
    setRef(r, `refs/heads/${branch}`, sha);
    syncPulls(r);
    return sha;
  }

  /** GitHub keeps an open PR's head sha (and base sha) on the branch tips */
  function syncPulls(r: FakeRepo) {
    for (const p of r.pulls) {
      if (p.state !== 'open') continue;
      const h = r.refs.get(`refs/heads/${p.head.ref}`);
      const b = r.refs.get(`refs/heads/${p.base.ref}`);
      if (h) p.head.sha = h;
      if (b) p.base.sha = b;
    }
  }

  function treeFiles(sha: string): Record<string, string> {
    for (const r of repos.values()) {
      const o = r.objects.get(sha);
      if (!o) continue;
      const tree = o.type === 'commit' ? o.commit.tree : o.type === 'tree' ? sha : undefined;
      if (!tree) break;
      const out: Record<string, string> = {};
      for (const [p, e] of flatten(r, tree)) {
        const b = r.objects.get(e.sha);
        if (b?.type === 'blob') out[p] = b.data.toString('utf8');
      }
      return out;
    }
    throw new Error(`fake GitHub: no commit or tree ${sha}`);
  }

  // ── JSON renderers (shaped like GitHub's answers) ──
  const ownerUser = (r: FakeRepo): FakeUser => ({ login: r.owner, id: numericId(`user:${r.owner}`), type: r.options.ownerType, name: r.owner, email: `${r.owner}@example.com` });

  function userJson(u: FakeUser) {
    const url = `${api}/users/${encodeURIComponent(u.login)}`;
    return {
      login: u.login,
      id: u.id,
      node_id: nodeId(u.type === 'Bot' ? 'Bot' : 'User', u.id),
      avatar_url: u.type === 'Bot' ? `https://avatars.githubusercontent.com/in/15368?v=4` : `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
      gravatar_id: '',
      url,
      html_url: u.type === 'Bot' ? `${webUrl}/apps/${encodeURIComponent(u.login.replace(/\[bot\]$/, ''))}` : `${webUrl}/${encodeURIComponent(u.login)}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: u.type,
      user_view_type: 'public',
      site_admin: false,
    };
  }

  const userByLogin = (login: string): FakeUser => {
    for (const u of usersByEmail.values()) if (u.login.toLowerCase() === login.toLowerCase()) return u;
    return { login, id: numericId(`user:${login}`), type: 'User', name: login, email: `${login}@example.com` };
  };

  function repoJson(r: FakeRepo, token?: FakeToken, withParent = true): Record<string, unknown> {
    const a = `${api}/repos/${r.fullName}`;
    const h = `${webUrl}/${r.fullName}`;
    const host = new URL(webUrl).host;
    const open = r.pulls.filter((p) => p.state === 'open').length;
    const canWrite = !!token && token.access !== 'read' && (!token.repos || token.repos.some((x) => x.toLowerCase() === r.fullName.toLowerCase()));
    const out: Record<string, unknown> = {
      id: r.id,
      node_id: nodeId('Repository', r.id),
      name: r.name,
      full_name: r.fullName,
      private: r.options.private,
      owner: userJson(ownerUser(r)),
      html_url: h,
      description: null,
      fork: r.options.fork,
      url: a,
      forks_url: `${a}/forks`,
      keys_url: `${a}/keys{/key_id}`,
      collaborators_url: `${a}/collaborators{/collaborator}`,
      teams_url: `${a}/teams`,
      hooks_url: `${a}/hooks`,
      issue_events_url: `${a}/issues/events{/number}`,
      events_url: `${a}/events`,
      assignees_url: `${a}/assignees{/user}`,
      branches_url: `${a}/branches{/branch}`,
      tags_url: `${a}/tags`,
      blobs_url: `${a}/git/blobs{/sha}`,
      git_tags_url: `${a}/git/tags{/sha}`,
      git_refs_url: `${a}/git/refs{/sha}`,
      trees_url: `${a}/git/trees{/sha}`,
      statuses_url: `${a}/statuses/{sha}`,
      languages_url: `${a}/languages`,
      stargazers_url: `${a}/stargazers`,
      contributors_url: `${a}/contributors`,
      subscribers_url: `${a}/subscribers`,
      subscription_url: `${a}/subscription`,
      commits_url: `${a}/commits{/sha}`,
      git_commits_url: `${a}/git/commits{/sha}`,
      comments_url: `${a}/comments{/number}`,
      issue_comment_url: `${a}/issues/comments{/number}`,
      contents_url: `${a}/contents/{+path}`,
      compare_url: `${a}/compare/{base}...{head}`,
      merges_url: `${a}/merges`,
      archive_url: `${a}/{archive_format}{/ref}`,
      downloads_url: `${a}/downloads`,
      issues_url: `${a}/issues{/number}`,
      pulls_url: `${a}/pulls{/number}`,
      milestones_url: `${a}/milestones{/number}`,
      notifications_url: `${a}/notifications{?since,all,participating}`,
      labels_url: `${a}/labels{/name}`,
      releases_url: `${a}/releases{/id}`,
      deployments_url: `${a}/deployments`,
      created_at: r.createdAt,
      updated_at: r.pushedAt,
      pushed_at: r.pushedAt,
      git_url: `git://${host}/${r.fullName}.git`,
      ssh_url: `git@${host}:${r.fullName}.git`,
      clone_url: `${h}.git`,
      svn_url: h,
      homepage: null,
      size: 1,
      stargazers_count: 0,
      watchers_count: 0,
      language: null,
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: r.options.archived,
      disabled: false,
      open_issues_count: open,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      visibility: r.options.private ? 'private' : 'public',
      forks: 0,
      open_issues: open,
      watchers: 0,
      default_branch: r.options.defaultBranch,
      allow_squash_merge: true,
      allow_merge_commit: true,
      allow_rebase_merge: true,
      allow_auto_merge: r.options.allowAutoMerge,
      delete_branch_on_merge: false,
      allow_update_branch: false,
      use_squash_pr_title_as_default: false,
      squash_merge_commit_message: 'COMMIT_MESSAGES',
      squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
      merge_commit_message: 'PR_TITLE',
      merge_commit_title: 'MERGE_MESSAGE',
      network_count: 0,
      subscribers_count: 0,
    };
    if (token) {
      out.permissions = { admin: false, maintain: false, push: canWrite, triage: canWrite, pull: true };
    }
    if (r.options.ownerType === 'Organization') out.organization = userJson(ownerUser(r));
    if (withParent && r.options.fork && r.options.parent) {
      const [po, pn] = r.options.parent.split('/');
      const p = repos.get(key(po, pn));
      if (p) {
        out.parent = repoJson(p, undefined, false);
        out.source = repoJson(p, undefined, false);
      }
    }
    return out;
  }

  function gitCommitJson(r: FakeRepo, sha: string) {
    const c = getCommit(r, sha)!;
    return {
      sha,
      node_id: nodeId('Commit', sha),
      url: `${api}/repos/${r.fullName}/git/commits/${sha}`,
      html_url: `${webUrl}/${r.fullName}/commit/${sha}`,
      author: c.author,
      committer: c.committer,
      tree: { sha: c.tree, url: `${api}/repos/${r.fullName}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map((p) => ({ sha: p, url: `${api}/repos/${r.fullName}/git/commits/${p}`, html_url: `${webUrl}/${r.fullName}/commit/${p}` })),
      verification: c.verification,
    };
  }

  function diffFiles(r: FakeRepo, fromTree: string | null, toTree: string) {
    const a = fromTree ? flatten(r, fromTree) : new Map() as Flat;
    const b = flatten(r, toTree);
    const text = (sha: string | undefined) => {
      const o = sha ? r.objects.get(sha) : undefined;
      return o?.type === 'blob' ? o.data.toString('utf8') : '';
    };
    const out: Record<string, unknown>[] = [];
    for (const p of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const x = a.get(p);
      const y = b.get(p);
      if (x && y && x.sha === y.sha && x.mode === y.mode) continue;
      let additions = 0;
      let deletions = 0;
      for (const part of diffLines(text(x?.sha), text(y?.sha))) {
        if (part.added) additions += part.count ?? 0;
        if (part.removed) deletions += part.count ?? 0;
      }
      const sha = (y ?? x)!.sha;
      out.push({
        sha,
        filename: p,
        status: !x ? 'added' : !y ? 'removed' : 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `${webUrl}/${r.fullName}/blob/${sha}/${p}`,
        raw_url: `${webUrl}/${r.fullName}/raw/${sha}/${p}`,
        contents_url: `${api}/repos/${r.fullName}/contents/${p}?ref=${sha}`,
      });
    }
    return out;
  }

  function commitJson(r: FakeRepo, sha: string, withFiles = false) {
    const c = getCommit(r, sha)!;
    const a = `${api}/repos/${r.fullName}`;
    const author = userFor(c.author.email);
    const committer = userFor(c.committer.email);
    const out: Record<string, unknown> = {
      sha,
      node_id: nodeId('Commit', sha),
      commit: {
        author: c.author,
        committer: c.committer,
        message: c.message,
        tree: { sha: c.tree, url: `${a}/git/trees/${c.tree}` },
        url: `${a}/git/commits/${sha}`,
        comment_count: 0,
        verification: c.verification,
      },
      url: `${a}/commits/${sha}`,
      html_url: `${webUrl}/${r.fullName}/commit/${sha}`,
      comments_url: `${a}/commits/${sha}/comments`,
      author: author ? userJson(author) : null,
      committer: committer ? userJson(committer) : null,
      parents: c.parents.map((p) => ({ sha: p, url: `${a}/commits/${p}`, html_url: `${webUrl}/${r.fullName}/commit/${p}` })),
    };
    if (withFiles) {
      const files = diffFiles(r, c.parents[0] ? getCommit(r, c.parents[0])!.tree : null, c.tree);
      const additions = files.reduce((n, f) => n + (f.additions as number), 0);
      const deletions = files.reduce((n, f) => n + (f.deletions as number), 0);
      out.stats = { additions, deletions, total: additions + deletions };
      out.files = files;
    }
    return out;
  }

  function labelJson(r: FakeRepo, l: FakeLabel) {
    return {
      id: l.id,
      node_id: nodeId('Label', l.id),
      url: `${api}/repos/${r.fullName}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      color: l.color,
      default: l.default,
      description: l.description,
    };
  }

  function teamJson(r: FakeRepo, slug: string) {
    const id = numericId(`team:${r.owner}/${slug}`);
    return {
      id,
      node_id: nodeId('Team', id),
      url: `${api}/organizations/${numericId(`user:${r.owner}`)}/team/${id}`,
      html_url: `${webUrl}/orgs/${r.owner}/teams/${slug}`,
      name: slug,
      slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${api}/organizations/${numericId(`user:${r.owner}`)}/team/${id}/members{/member}`,
      repositories_url: `${api}/organizations/${numericId(`user:${r.owner}`)}/team/${id}/repos`,
      parent: null,
    };
  }

  function pullCounts(r: FakeRepo, p: FakePull) {
    const base = r.refs.get(`refs/heads/${p.base.ref}`) ?? p.base.sha;
    const ahead = topo(r, p.head.sha, ancestors(r, base));
    const mb = mergeBase(r, base, p.head.sha);
    const files = diffFiles(r, mb ? getCommit(r, mb)!.tree : null, getCommit(r, p.head.sha)!.tree);
    return {
      commits: ahead.length,
      additions: files.reduce((n, f) => n + (f.additions as number), 0),
      deletions: files.reduce((n, f) => n + (f.deletions as number), 0),
      changed_files: files.length,
    };
  }

  function pullJson(r: FakeRepo, p: FakePull, full: boolean, token?: FakeToken) {
    const a = `${api}/repos/${r.fullName}`;
    const h = `${webUrl}/${r.fullName}/pull/${p.number}`;
    const repo = repoJson(r, token);
    const owner = userJson(ownerUser(r));
    // the description of pull-request-simple (list, request reviewers) types label.description as a
    // non-null string, unlike pull-request: answer '' there for labels without a description
    const labels = p.labels.map((n) => {
      const l = labelJson(r, r.labels.get(n.toLowerCase())!);
      return full ? l : { ...l, description: l.description ?? '' };
    });
    const assignees = p.assignees.map((l) => userJson(userByLogin(l)));
    const out: Record<string, unknown> = {
      url: `${a}/pulls/${p.number}`,
      id: p.id,
      node_id: nodeId('PullRequest', p.id),
      html_url: h,
      diff_url: `${h}.diff`,
      patch_url: `${h}.patch`,
      issue_url: `${a}/issues/${p.number}`,
      commits_url: `${a}/pulls/${p.number}/commits`,
      review_comments_url: `${a}/pulls/${p.number}/comments`,
      review_comment_url: `${a}/pulls/comments{/number}`,
      comments_url: `${a}/issues/${p.number}/comments`,
      statuses_url: `${a}/statuses/${p.head.sha}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: userJson(p.user),
      body: p.body,
      labels,
      milestone: null,
      active_lock_reason: null,
      created_at: p.created_at,
      updated_at: p.updated_at,
      closed_at: p.closed_at,
      merged_at: null,
      merge_commit_sha: null,
      assignee: assignees[0] ?? null,
      assignees,
      requested_reviewers: p.requested_reviewers.map((l) => userJson(userByLogin(l))),
      requested_teams: p.requested_teams.map((s) => teamJson(r, s)),
      head: { label: `${r.owner}:${p.head.ref}`, ref: p.head.ref, sha: p.head.sha, user: owner, repo },
      base: { label: `${r.owner}:${p.base.ref}`, ref: p.base.ref, sha: p.base.sha, user: owner, repo },
      _links: {
        self: { href: `${a}/pulls/${p.number}` },
        html: { href: h },
        issue: { href: `${a}/issues/${p.number}` },
        comments: { href: `${a}/issues/${p.number}/comments` },
        review_comments: { href: `${a}/pulls/${p.number}/comments` },
        review_comment: { href: `${a}/pulls/comments{/number}` },
        commits: { href: `${a}/pulls/${p.number}/commits` },
        statuses: { href: `${a}/statuses/${p.head.sha}` },
      },
      author_association: p.user.login === r.owner ? 'OWNER' : 'NONE',
      auto_merge: null,
      draft: p.draft,
    };
    if (full) {
      Object.assign(out, {
        merged: false,
        mergeable: p.state === 'open' ? true : null,
        rebaseable: p.state === 'open' ? true : null,
        mergeable_state: p.state === 'open' ? (p.draft ? 'draft' : 'clean') : 'unknown',
        merged_by: null,
        comments: r.comments.filter((c) => c.issue_number === p.number).length,
        review_comments: 0,
        maintainer_can_modify: p.maintainer_can_modify,
        ...pullCounts(r, p),
      });
    }
    return out;
  }

  function issueJsonForPull(r: FakeRepo, p: FakePull) {
    const a = `${api}/repos/${r.fullName}`;
    const h = `${webUrl}/${r.fullName}/pull/${p.number}`;
    const assignees = p.assignees.map((l) => userJson(userByLogin(l)));
    const id = numericId(`issue:${r.fullName}#${p.number}`);
    return {
      id,
      node_id: nodeId('Issue', id),
      url: `${a}/issues/${p.number}`,
      repository_url: a,
      labels_url: `${a}/issues/${p.number}/labels{/name}`,
      comments_url: `${a}/issues/${p.number}/comments`,
      events_url: `${a}/issues/${p.number}/events`,
      html_url: h,
      number: p.number,
      state: p.state,
      state_reason: null,
      title: p.title,
      body: p.body,
      user: userJson(p.user),
      labels: p.labels.map((n) => labelJson(r, r.labels.get(n.toLowerCase())!)),
      assignee: assignees[0] ?? null,
      assignees,
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: r.comments.filter((c) => c.issue_number === p.number).length,
      pull_request: { url: `${a}/pulls/${p.number}`, html_url: h, diff_url: `${h}.diff`, patch_url: `${h}.patch`, merged_at: null },
      closed_at: p.closed_at,
      created_at: p.created_at,
      updated_at: p.updated_at,
      draft: p.draft,
      author_association: p.user.login === r.owner ? 'OWNER' : 'NONE',
    };
  }

  function commentJson(r: FakeRepo, c: FakeComment) {
    const a = `${api}/repos/${r.fullName}`;
    return {
      id: c.id,
      node_id: nodeId('IssueComment', c.id),
      url: `${a}/issues/comments/${c.id}`,
      html_url: `${webUrl}/${r.fullName}/pull/${c.issue_number}#issuecomment-${c.id}`,
      body: c.body,
      user: userJson(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      issue_url: `${a}/issues/${c.issue_number}`,
      author_association: c.user.login === r.owner ? 'OWNER' : 'NONE',
    };
  }

  function refJson(r: FakeRepo, full: string) {
    const sha = r.refs.get(full)!;
    return {
      ref: full,
      node_id: nodeId('Ref', `${r.fullName}:${full}`),
      url: `${api}/repos/${r.fullName}/git/${full}`,
      object: { type: 'commit', sha, url: `${api}/repos/${r.fullName}/git/commits/${sha}` },
    };
  }

  // ── request plumbing ──
  interface Ctx {
    method: string;
    path: string;
    query: URLSearchParams;
    body: any;
    token?: FakeToken;
    tokenValue?: string;
    headers: Record<string, string>;
  }
  type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
  type Handler = (ctx: Ctx, m: string[]) => Answer;
  const routes: Array<{ method: string; re: RegExp; docs: string; write: boolean; handler: Handler }> = [];
  const route = (method: string, pattern: string, docs: string, handler: Handler) => {
    const re = new RegExp(
      `^${pattern.replace(/\{(\w+)\+\}/g, '(.+)').replace(/\{(\w+)\}/g, '([^/]+)')}$`,
    );
    routes.push({ method, re, docs: `https://docs.github.com/rest/${docs}`, write: method !== 'GET', handler });
  };

  const repoOf = (m: string[]) => {
    const r = repos.get(key(decodeURIComponent(m[1]), decodeURIComponent(m[2])));
    if (!r) fail(404, 'Not Found', `${DOCS}/repos/repos#get-a-repository`);
    return r;
  };

  /** a page of items with GitHub's link header; wrap shapes the body (e.g. { total_count, secrets }) */
  function paginate(ctx: Ctx, items: unknown[], opts: { perPage?: number; maxPerPage?: number; wrap?: (page: unknown[]) => unknown } = {}): Answer {
    const dflt = opts.perPage ?? 30;
    const perPage = Math.min(opts.maxPerPage ?? 100, Math.max(1, Number(ctx.query.get('per_page') ?? dflt) || dflt));
    const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (last > 1) {
      const link = (n: number, rel: string) => {
        const q = new URLSearchParams(ctx.query);
        q.set('per_page', String(perPage));
        q.set('page', String(n));
        return `<${api}${ctx.path}?${q}>; rel="${rel}"`;
      };
      const links: string[] = [];
      if (page > 1) links.push(link(page - 1, 'prev'));
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
      if (page > 1) links.push(link(1, 'first'));
      headers.link = links.join(', ');
    }
    const slice = items.slice((page - 1) * perPage, page * perPage);
    return { status: 200, body: opts.wrap ? opts.wrap(slice) : slice, headers };
  }

  function requireWrite(ctx: Ctx, r: FakeRepo, docs: string) {
    const t = ctx.token;
    if (!t || t.access === 'read' || (t.repos && !t.repos.some((x) => x.toLowerCase() === r.fullName.toLowerCase()))) {
      fail(403, 'Resource not accessible by integration', docs);
    }
  }

  /** refuse ref writes bringing new commits that change .github/workflows/ without `workflows` */
  function checkWorkflows(ctx: Ctx, r: FakeRepo, newSha: string, docs: string) {
    if (ctx.token?.access === 'workflows') return;
    const known = new Set<string>();
    for (const s of r.refs.values()) ancestors(r, s, known);
    for (const sha of topo(r, newSha, known)) {
      const c = getCommit(r, sha)!;
      const after = flatten(r, c.tree);
      const befores = c.parents.length ? c.parents.map((p) => flatten(r, getCommit(r, p)!.tree)) : [new Map() as Flat];
      for (const before of befores) {
        for (const p of [...new Set([...before.keys(), ...after.keys()])].sort()) {
          if (!p.startsWith('.github/workflows/')) continue;
          const x = before.get(p);
          const y = after.get(p);
          if (x?.sha !== y?.sha || x?.mode !== y?.mode) {
            // GitHub's wording: a GitHub App (GITHUB_TOKEN, App tokens) lacks the `workflows` permission, a PAT the `workflow` scope
            if (ctx.token && !isActions(ctx.token)) fail(403, `refusing to allow a Personal Access Token to create or update workflow \`${p}\` without \`workflow\` scope`, docs);
            fail(403, `refusing to allow a GitHub App to create or update workflow \`${p}\` without \`workflows\` permission`, docs);
          }
        }
      }
    }
  }

  const tokenUser = (ctx: Ctx) => ctx.token?.user ?? GITHUB_ACTIONS_BOT;
  const isActions = (t?: FakeToken) => (t ? (t.actions ?? t.access !== 'workflows') : false);

  function findPull(r: FakeRepo, n: string): FakePull {
    const p = r.pulls.find((x) => x.number === Number(n));
    if (!p) fail(404, 'Not Found', `${DOCS}/pulls/pulls#get-a-pull-request`);
    return p;
  }

  const BODY_LIMIT = 65536;

  // ── routes ──
  route('GET', '/repos/{o}/{r}', 'repos/repos#get-a-repository', (ctx, m) => ({ status: 200, body: repoJson(repoOf(m), ctx.token) }));

  route('GET', '/repos/{o}/{r}/git/ref/{ref+}', 'git/refs#get-a-reference', (_ctx, m) => {
    const r = repoOf(m);
    const full = `refs/${decodeURIComponent(m[3])}`;
    if (!r.refs.has(full)) fail(404, 'Not Found', `${DOCS}/git/refs#get-a-reference`);
    return { status: 200, body: refJson(r, full) };
  });

  route('GET', '/repos/{o}/{r}/git/matching-refs/{ref+}', 'git/refs#list-matching-references', (_ctx, m) => {
    const r = repoOf(m);
    const prefix = `refs/${decodeURIComponent(m[3])}`;
    return { status: 200, body: [...r.refs.keys()].filter((k) => k.startsWith(prefix)).sort().map((k) => refJson(r, k)) };
  });

  route('POST', '/repos/{o}/{r}/git/refs', 'git/refs#create-a-reference', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/git/refs#create-a-reference`;
    requireWrite(ctx, r, docs);
    const { ref, sha } = ctx.body ?? {};
    if (typeof ref !== 'string' || typeof sha !== 'string') fail(422, 'Invalid request.\n\n"ref" and "sha" are required.', docs);
    if (!/^refs\/[^/]+\/.+/.test(ref)) fail(422, "Reference name must start with 'refs/' and have at least two slashes.", docs);
    if (r.refs.has(ref)) fail(422, 'Reference already exists', docs);
    if (!getCommit(r, sha)) fail(422, 'Object does not exist', docs);
    checkWorkflows(ctx, r, sha, docs);
    setRef(r, ref, sha);
    syncPulls(r);
    return { status: 201, body: refJson(r, ref), headers: { location: `${api}/repos/${r.fullName}/git/${ref}` } };
  });

  route('PATCH', '/repos/{o}/{r}/git/refs/{ref+}', 'git/refs#update-a-reference', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/git/refs#update-a-reference`;
    requireWrite(ctx, r, docs);
    const full = `refs/${decodeURIComponent(m[3])}`;
    const { sha, force } = ctx.body ?? {};
    if (typeof sha !== 'string') fail(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', docs);
    const old = r.refs.get(full);
    if (!old) fail(422, 'Reference does not exist', docs);
    if (!getCommit(r, sha)) fail(422, 'Object does not exist', docs);
    if (force !== true && !ancestors(r, sha).has(old)) fail(422, 'Update is not a fast forward', docs);
    checkWorkflows(ctx, r, sha, docs);
    setRef(r, full, sha);
    syncPulls(r);
    return { status: 200, body: refJson(r, full) };
  });

  route('DELETE', '/repos/{o}/{r}/git/refs/{ref+}', 'git/refs#delete-a-reference', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/git/refs#delete-a-reference`;
    requireWrite(ctx, r, docs);
    const full = `refs/${decodeURIComponent(m[3])}`;
    if (!r.refs.has(full)) fail(422, 'Reference does not exist', docs);
    r.refs.delete(full);
    // GitHub closes open pull requests whose head branch is deleted
    const branch = full.replace(/^refs\/heads\//, '');
    for (const p of r.pulls) {
      if (p.state === 'open' && full.startsWith('refs/heads/') && p.head.ref === branch) {
        p.state = 'closed';
        p.closed_at = p.updated_at = now();
      }
    }
    return { status: 204 };
  });

  route('GET', '/repos/{o}/{r}/git/commits/{sha}', 'git/commits#get-a-commit-object', (_ctx, m) => {
    const r = repoOf(m);
    if (!getCommit(r, m[3])) fail(404, 'Not Found', `${DOCS}/git/commits#get-a-commit-object`);
    return { status: 200, body: gitCommitJson(r, m[3]) };
  });

  route('POST', '/repos/{o}/{r}/git/commits', 'git/commits#create-a-commit', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/git/commits#create-a-commit`;
    requireWrite(ctx, r, docs);
    const b = ctx.body ?? {};
    if (typeof b.message !== 'string' || typeof b.tree !== 'string') fail(422, 'Invalid request.\n\n"message" and "tree" are required.', docs);
    const tree = r.objects.get(b.tree);
    if (!tree || tree.type !== 'tree') fail(422, 'Tree SHA does not exist', docs);
    const parents: string[] = Array.isArray(b.parents) ? b.parents : [];
    for (const p of parents) if (!getCommit(r, p)) fail(422, 'Parent SHA does not exist or is not a commit object', docs);
    const me = tokenUser(ctx);
    const t = now();
    const person = (x: any, dflt: GitPerson): GitPerson =>
      x && typeof x.name === 'string' && typeof x.email === 'string' ? { name: x.name, email: x.email, date: typeof x.date === 'string' ? isoSeconds(new Date(x.date)) : t } : dflt;
    const self = { name: me.name, email: me.email, date: t };
    const committer = person(b.committer, self);
    const author = person(b.author, committer);
    // GitHub signs API commits it commits itself (committer = the token's identity, no signature given)
    const ours = committer.email.toLowerCase() === me.email.toLowerCase() && !b.signature;
    const sha = makeCommit(r, { tree: b.tree, parents, message: b.message, author, committer }, (payload) =>
      ours ? signed(payload) : b.signature ? { verified: false, reason: 'unknown_key', signature: String(b.signature), payload, verified_at: null } : unsigned(),
    );
    return { status: 201, body: gitCommitJson(r, sha), headers: { location: `${api}/repos/${r.fullName}/git/commits/${sha}` } };
  });

  route('GET', '/repos/{o}/{r}/git/trees/{sha+}', 'git/trees#get-a-tree', (ctx, m) => {
    const r = repoOf(m);
    const spec = decodeURIComponent(m[3]);
    const sha = resolve(r, spec) ?? spec;
    const o = r.objects.get(sha);
    const treeSha = o?.type === 'commit' ? o.commit.tree : o?.type === 'tree' ? sha : undefined;
    if (!treeSha) fail(404, 'Not Found', `${DOCS}/git/trees#get-a-tree`);
    const recursive = ctx.query.has('recursive') && !['0', 'false', ''].includes(ctx.query.get('recursive')!.toLowerCase());
    const rows: Array<[string, { mode: string; type: TreeEntry['type']; sha: string }]> = recursive
      ? [...flatten(r, treeSha, '', new Map(), true)]
      : (r.objects.get(treeSha) as { entries: TreeEntry[] }).entries.map((e) => [e.name, e]);
    const tree = rows.map(([path, e]) => {
      const blob = r.objects.get(e.sha);
      return {
        path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(blob?.type === 'blob' ? { size: blob.data.length } : {}),
        url: `${api}/repos/${r.fullName}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
      };
    });
    return { status: 200, body: { sha: treeSha, url: `${api}/repos/${r.fullName}/git/trees/${treeSha}`, tree, truncated: false } };
  });

  route('POST', '/repos/{o}/{r}/git/trees', 'git/trees#create-a-tree', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/git/trees#create-a-tree`;
    requireWrite(ctx, r, docs);
    const b = ctx.body ?? {};
    if (!Array.isArray(b.tree)) fail(422, 'Invalid request.\n\n"tree" wasn\'t supplied.', docs);
    let flat: Flat = new Map();
    if (b.base_tree !== undefined && b.base_tree !== null) {
      const base = r.objects.get(b.base_tree);
      const baseTree = base?.type === 'commit' ? base.commit.tree : base?.type === 'tree' ? b.base_tree : undefined;
      if (!baseTree) fail(422, 'Invalid tree info', docs);
      flat = flatten(r, baseTree);
    }
    for (const [i, e] of (b.tree as any[]).entries()) {
      if (!e || typeof e.path !== 'string' || !e.path || e.path.startsWith('/') || e.path.endsWith('/') || e.path.split('/').some((s: string) => s === '' || s === '.' || s === '..')) {
        fail(422, `tree.path contains a malformed path component`, docs);
      }
      const p: string = e.path;
      const hasSha = Object.prototype.hasOwnProperty.call(e, 'sha');
      const hasContent = typeof e.content === 'string';
      if (hasSha && hasContent) fail(422, 'Only one of sha or content may be given', docs);
      if (!hasSha && !hasContent) fail(422, `Must supply either tree.sha or tree.content. Request: tree.${i}`, docs);
      if (hasSha && e.sha === null) {
        const hit = [...flat.keys()].filter((k) => k === p || k.startsWith(`${p}/`));
        if (!hit.length) fail(422, 'GitRPC::BadObjectState', docs);
        for (const k of hit) flat.delete(k);
        continue;
      }
      const type: TreeEntry['type'] = e.type ?? 'blob';
      const mode: string = e.mode ?? (type === 'tree' ? '040000' : '100644');
      if (!['100644', '100755', '040000', '160000', '120000'].includes(mode)) fail(422, `Invalid tree info: mode ${mode}`, docs);
      let sha: string;
      if (hasContent) {
        if (type !== 'blob') fail(422, 'tree.content can only be given for blobs', docs);
        sha = put(r, { type: 'blob', data: Buffer.from(e.content, 'utf8') });
      } else {
        sha = String(e.sha);
        const o = r.objects.get(sha);
        if (type !== 'commit' && (!o || o.type !== type)) fail(422, `tree.sha ${sha} is not a valid ${type}`, docs);
      }
      for (const k of [...flat.keys()]) if (k.startsWith(`${p}/`)) flat.delete(k);
      if (type === 'tree') {
        for (const [sub, x] of flatten(r, sha)) flat.set(`${p}/${sub}`, x);
      } else {
        // a file replacing a directory prefix of its path removes that directory's file of the same name
        const parts = p.split('/');
        for (let j = 1; j < parts.length; j++) flat.delete(parts.slice(0, j).join('/'));
        flat.set(p, { mode, type, sha });
      }
    }
    const sha = writeFlat(r, flat);
    const tree = (r.objects.get(sha) as { entries: TreeEntry[] }).entries.map((e) => {
      const blob = r.objects.get(e.sha);
      return {
        path: e.name,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(blob?.type === 'blob' ? { size: blob.data.length } : {}),
        url: `${api}/repos/${r.fullName}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
      };
    });
    return { status: 201, body: { sha, url: `${api}/repos/${r.fullName}/git/trees/${sha}`, tree, truncated: false }, headers: { location: `${api}/repos/${r.fullName}/git/trees/${sha}` } };
  });

  route('POST', '/repos/{o}/{r}/git/blobs', 'git/blobs#create-a-blob', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/git/blobs#create-a-blob`;
    requireWrite(ctx, r, docs);
    const b = ctx.body ?? {};
    if (typeof b.content !== 'string') fail(422, 'Invalid request.\n\n"content" wasn\'t supplied.', docs);
    const enc = b.encoding ?? 'utf-8';
    if (!['utf-8', 'utf8', 'base64'].includes(enc)) fail(422, `encoding must be utf-8 or base64`, docs);
    const data = enc === 'base64' ? Buffer.from(b.content, 'base64') : Buffer.from(b.content, 'utf8');
    const sha = put(r, { type: 'blob', data });
    const url = `${api}/repos/${r.fullName}/git/blobs/${sha}`;
    return { status: 201, body: { sha, url }, headers: { location: url } };
  });

  route('GET', '/repos/{o}/{r}/git/blobs/{sha}', 'git/blobs#get-a-blob', (_ctx, m) => {
    const r = repoOf(m);
    const o = r.objects.get(m[3]);
    if (!o || o.type !== 'blob') fail(404, 'Not Found', `${DOCS}/git/blobs#get-a-blob`);
    const content = (o.data.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + (o.data.length ? '\n' : '');
    return {
      status: 200,
      body: { sha: m[3], node_id: nodeId('Blob', m[3]), size: o.data.length, url: `${api}/repos/${r.fullName}/git/blobs/${m[3]}`, content, encoding: 'base64' },
    };
  });

  route('GET', '/repos/{o}/{r}/compare/{basehead+}', 'commits/commits#compare-two-commits', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/commits/commits#compare-two-commits`;
    const spec = decodeURIComponent(m[3]);
    const at = spec.indexOf('...');
    if (at < 0) fail(404, 'Not Found', docs);
    const [b, h] = [spec.slice(0, at), spec.slice(at + 3)];
    const base = resolve(r, b);
    const head = resolve(r, h);
    if (!base || !head || !getCommit(r, base) || !getCommit(r, head)) fail(404, 'Not Found', docs);
    const mb = mergeBase(r, base, head);
    if (!mb) fail(404, `No common ancestor between ${b} and ${h}.`, docs);
    const ahead = topo(r, head, ancestors(r, base)).reverse(); // oldest first, as GitHub lists them
    const behind = topo(r, base, ancestors(r, head));
    const status = ahead.length && behind.length ? 'diverged' : ahead.length ? 'ahead' : behind.length ? 'behind' : 'identical';
    const perPage = Math.min(250, Number(ctx.query.get('per_page') ?? 250) || 250);
    const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
    return {
      status: 200,
      body: {
        url: `${api}/repos/${r.fullName}/compare/${spec}`,
        html_url: `${webUrl}/${r.fullName}/compare/${spec}`,
        permalink_url: `${webUrl}/${r.fullName}/compare/${r.owner}:${base.slice(0, 7)}...${r.owner}:${head.slice(0, 7)}`,
        diff_url: `${webUrl}/${r.fullName}/compare/${spec}.diff`,
        patch_url: `${webUrl}/${r.fullName}/compare/${spec}.patch`,
        base_commit: commitJson(r, base),
        merge_base_commit: commitJson(r, mb),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: ahead.slice((page - 1) * perPage, page * perPage).map((s) => commitJson(r, s)),
        files: diffFiles(r, getCommit(r, mb)!.tree, getCommit(r, head)!.tree),
      },
    };
  });

  route('GET', '/repos/{o}/{r}/commits', 'commits/commits#list-commits', (ctx, m) => {
    const r = repoOf(m);
    const from = resolve(r, ctx.query.get('sha') ?? r.options.defaultBranch);
    if (!from) fail(404, 'Not Found', `${DOCS}/commits/commits#list-commits`);
    return paginate(ctx, topo(r, from).map((s) => commitJson(r, s)));
  });

  route('GET', '/repos/{o}/{r}/commits/{ref+}', 'commits/commits#get-a-commit', (_ctx, m) => {
    const r = repoOf(m);
    const sha = resolve(r, decodeURIComponent(m[3]));
    if (!sha || !getCommit(r, sha)) fail(422, `No commit found for SHA: ${decodeURIComponent(m[3])}`, `${DOCS}/commits/commits#get-a-commit`);
    return { status: 200, body: commitJson(r, sha, true) };
  });

  route('GET', '/repos/{o}/{r}/pulls', 'pulls/pulls#list-pull-requests', (ctx, m) => {
    const r = repoOf(m);
    const state = ctx.query.get('state') ?? 'open';
    const head = ctx.query.get('head');
    const base = ctx.query.get('base');
    let list = r.pulls.filter((p) => state === 'all' || p.state === state);
    if (head) {
      const [ho, hb] = head.includes(':') ? head.split(/:(.*)/s) : [r.owner, head];
      list = hb ? list.filter((p) => ho.toLowerCase() === r.owner.toLowerCase() && p.head.ref === hb) : list.filter(() => ho.toLowerCase() === r.owner.toLowerCase());
    }
    if (base) list = list.filter((p) => p.base.ref === base);
    const dir = ctx.query.get('direction') ?? 'desc';
    list = [...list].sort((a, b) => (dir === 'asc' ? a.number - b.number : b.number - a.number));
    return paginate(ctx, list.map((p) => pullJson(r, p, false, ctx.token)));
  });

  route('POST', '/repos/{o}/{r}/pulls', 'pulls/pulls#create-a-pull-request', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/pulls/pulls#create-a-pull-request`;
    requireWrite(ctx, r, docs);
    if (isActions(ctx.token) && !r.options.actionsCanCreatePullRequests) fail(403, 'GitHub Actions is not permitted to create or approve pull requests.', docs);
    const b = ctx.body ?? {};
    if (typeof b.head !== 'string' || typeof b.base !== 'string') validationFailed([{ resource: 'PullRequest', field: typeof b.head !== 'string' ? 'head' : 'base', code: 'missing_field' }], docs);
    if (typeof b.title !== 'string' || !b.title.trim()) validationFailed([{ resource: 'PullRequest', field: 'title', code: 'missing_field' }], docs);
    const [ho, hb] = b.head.includes(':') ? b.head.split(/:(.*)/s) : [r.owner, b.head];
    const headSha = ho.toLowerCase() === r.owner.toLowerCase() ? r.refs.get(`refs/heads/${hb}`) : undefined;
    if (!headSha) validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }], docs);
    const baseSha = r.refs.get(`refs/heads/${b.base}`);
    if (!baseSha) validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }], docs);
    if (r.pulls.some((p) => p.state === 'open' && p.head.ref === hb && p.base.ref === b.base)) {
      validationFailed([{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${r.owner}:${hb}.` }], docs);
    }
    if (ancestors(r, baseSha).has(headSha)) validationFailed([{ resource: 'PullRequest', code: 'custom', message: `No commits between ${b.base} and ${hb}` }], docs);
    if (typeof b.body === 'string' && b.body.length > BODY_LIMIT) {
      validationFailed([{ resource: 'Issue', field: 'body', code: 'custom', message: `body is too long (maximum is ${BODY_LIMIT} characters)` }], docs);
    }
    const t = now();
    const p: FakePull = {
      number: r.nextNumber++,
      id: nextId++,
      state: 'open',
      title: b.title,
      body: typeof b.body === 'string' ? b.body : null,
      draft: b.draft === true,
      head: { ref: hb, sha: headSha },
      base: { ref: b.base, sha: baseSha },
      user: tokenUser(ctx),
      labels: [],
      requested_reviewers: [],
      requested_teams: [],
      assignees: [],
      maintainer_can_modify: b.maintainer_can_modify !== false,
      created_at: t,
      updated_at: t,
      closed_at: null,
    };
    r.pulls.push(p);
    return { status: 201, body: pullJson(r, p, true, ctx.token), headers: { location: `${api}/repos/${r.fullName}/pulls/${p.number}` } };
  });

  route('GET', '/repos/{o}/{r}/pulls/{n}', 'pulls/pulls#get-a-pull-request', (ctx, m) => {
    const r = repoOf(m);
    return { status: 200, body: pullJson(r, findPull(r, m[3]), true, ctx.token) };
  });

  route('GET', '/repos/{o}/{r}/pulls/{n}/commits', 'pulls/pulls#list-commits-on-a-pull-request', (ctx, m) => {
    const r = repoOf(m);
    const p = findPull(r, m[3]);
    const base = r.refs.get(`refs/heads/${p.base.ref}`) ?? p.base.sha;
    return paginate(ctx, topo(r, p.head.sha, ancestors(r, base)).reverse().map((s) => commitJson(r, s)));
  });

  route('PATCH', '/repos/{o}/{r}/pulls/{n}', 'pulls/pulls#update-a-pull-request', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/pulls/pulls#update-a-pull-request`;
    requireWrite(ctx, r, docs);
    const p = findPull(r, m[3]);
    const b = ctx.body ?? {};
    if (typeof b.body === 'string' && b.body.length > BODY_LIMIT) {
      validationFailed([{ resource: 'Issue', field: 'body', code: 'custom', message: `body is too long (maximum is ${BODY_LIMIT} characters)` }], docs);
    }
    if (b.state !== undefined && !['open', 'closed'].includes(b.state)) validationFailed([{ resource: 'PullRequest', field: 'state', code: 'invalid' }], docs);
    if (b.base !== undefined && !r.refs.has(`refs/heads/${b.base}`)) validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }], docs);
    if (b.state === 'open' && p.state === 'closed') {
      if (!r.refs.has(`refs/heads/${p.head.ref}`)) fail(422, `state cannot be changed. The ${p.head.ref} branch has been deleted.`, docs);
      if (r.pulls.some((x) => x !== p && x.state === 'open' && x.head.ref === p.head.ref && x.base.ref === (b.base ?? p.base.ref))) {
        validationFailed([{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${r.owner}:${p.head.ref}.` }], docs);
      }
    }
    const t = now();
    if (typeof b.title === 'string') p.title = b.title;
    if (typeof b.body === 'string') p.body = b.body;
    if (typeof b.base === 'string') p.base.ref = b.base;
    if (typeof b.maintainer_can_modify === 'boolean') p.maintainer_can_modify = b.maintainer_can_modify;
    if (b.state === 'closed' && p.state === 'open') {
      p.state = 'closed';
      p.closed_at = t;
    } else if (b.state === 'open' && p.state === 'closed') {
      p.state = 'open';
      p.closed_at = null;
    }
    p.updated_at = t;
    syncPulls(r);
    return { status: 200, body: pullJson(r, p, true, ctx.token) };
  });

  route('POST', '/repos/{o}/{r}/pulls/{n}/requested_reviewers', 'pulls/review-requests#request-reviewers-for-a-pull-request', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/pulls/review-requests#request-reviewers-for-a-pull-request`;
    requireWrite(ctx, r, docs);
    const p = findPull(r, m[3]);
    const b = ctx.body ?? {};
    const reviewers: string[] = Array.isArray(b.reviewers) ? b.reviewers.map(String) : [];
    const teams: string[] = Array.isArray(b.team_reviewers) ? b.team_reviewers.map(String) : [];
    if (!reviewers.length && !teams.length) fail(422, 'Invalid request.\n\nNo reviewers or team_reviewers given.', docs);
    if (reviewers.some((x) => x.toLowerCase() === p.user.login.toLowerCase())) fail(422, 'Review cannot be requested from pull request author.', docs);
    const collab = r.options.collaborators;
    if (collab && reviewers.some((x) => !collab.some((c) => c.toLowerCase() === x.toLowerCase()))) {
      fail(422, `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${r.fullName} repository.`, docs);
    }
    for (const x of reviewers) if (!p.requested_reviewers.some((y) => y.toLowerCase() === x.toLowerCase())) p.requested_reviewers.push(x);
    for (const x of teams) if (!p.requested_teams.includes(x)) p.requested_teams.push(x);
    p.updated_at = now();
    return { status: 201, body: pullJson(r, p, false, ctx.token) };
  });

  route('GET', '/repos/{o}/{r}/issues/{n}/comments', 'issues/comments#list-issue-comments', (ctx, m) => {
    const r = repoOf(m);
    findPull(r, m[3]);
    return paginate(ctx, r.comments.filter((c) => c.issue_number === Number(m[3])).map((c) => commentJson(r, c)));
  });

  route('POST', '/repos/{o}/{r}/issues/{n}/comments', 'issues/comments#create-an-issue-comment', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/issues/comments#create-an-issue-comment`;
    requireWrite(ctx, r, docs);
    const p = findPull(r, m[3]);
    const body = ctx.body?.body;
    if (typeof body !== 'string' || !body) validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], docs);
    if (body.length > BODY_LIMIT) validationFailed([{ resource: 'IssueComment', field: 'data', code: 'custom', message: `Body is too long (maximum is ${BODY_LIMIT} characters)` }], docs);
    const t = now();
    const c: FakeComment = { id: nextId++, issue_number: p.number, body, user: tokenUser(ctx), created_at: t, updated_at: t };
    r.comments.push(c);
    return { status: 201, body: commentJson(r, c), headers: { location: `${api}/repos/${r.fullName}/issues/comments/${c.id}` } };
  });

  route('POST', '/repos/{o}/{r}/issues/{n}/labels', 'issues/labels#add-labels-to-an-issue', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/issues/labels#add-labels-to-an-issue`;
    requireWrite(ctx, r, docs);
    const p = findPull(r, m[3]);
    const raw = Array.isArray(ctx.body) ? ctx.body : ctx.body?.labels;
    if (!Array.isArray(raw) || !raw.length) validationFailed([{ resource: 'Label', field: 'labels', code: 'missing_field' }], docs);
    for (const x of raw) {
      const name = String(typeof x === 'string' ? x : x?.name ?? '').trim();
      if (!name) validationFailed([{ resource: 'Label', field: 'name', code: 'missing_field' }], docs);
      let l = r.labels.get(name.toLowerCase());
      if (!l) r.labels.set(name.toLowerCase(), (l = { id: nextId++, name, color: 'ededed', description: null, default: false }));
      if (!p.labels.some((y) => y.toLowerCase() === name.toLowerCase())) p.labels.push(l.name);
    }
    p.updated_at = now();
    return { status: 200, body: p.labels.map((n) => labelJson(r, r.labels.get(n.toLowerCase())!)) };
  });

  route('POST', '/repos/{o}/{r}/issues/{n}/assignees', 'issues/assignees#add-assignees-to-an-issue', (ctx, m) => {
    const r = repoOf(m);
    const docs = `${DOCS}/issues/assignees#add-assignees-to-an-issue`;
    requireWrite(ctx, r, docs);
    const p = findPull(r, m[3]);
    const list: string[] = Array.isArray(ctx.body?.assignees) ? ctx.body.assignees.map(String) : [];
    const collab = r.options.collaborators;
    for (const x of list) {
      if (collab && !collab.some((c) => c.toLowerCase() === x.toLowerCase())) continue; // GitHub silently ignores non-assignable users
      if (p.assignees.length >= 10) break;
      if (!p.assignees.some((y) => y.toLowerCase() === x.toLowerCase())) p.assignees.push(x);
    }
    p.updated_at = now();
    return { status: 201, body: issueJsonForPull(r, p) };
  });

  // ── Actions secrets and variables (repository: /actions/..., environment: /environments/{name}/...) ──
  const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
  const BAD_SECRET = 'Bad request - validation failed due to an improperly encrypted secret';

  /** GitHub's 403 wording: a PAT (ghp_, github_pat_) vs an integration (GITHUB_TOKEN, App tokens: ghs_, ghu_) */
  function notAccessible(ctx: Ctx): string {
    const v = ctx.tokenValue ?? '';
    const pat = /^(?:ghp_|github_pat_)/.test(v) ? true : /^(?:ghs_|ghu_)/.test(v) ? false : !isActions(ctx.token);
    return `Resource not accessible by ${pat ? 'personal access token' : 'integration'}`;
  }

  function requirePermission(ctx: Ctx, r: FakeRepo, kind: 'secrets' | 'variables' | 'environments', need: 'read' | 'write', docs: string) {
    const t = ctx.token;
    if (!t) fail(401, 'Requires authentication', docs);
    const have = t[kind] ?? 'none';
    const scoped = !t.repos || t.repos.some((x) => x.toLowerCase() === r.fullName.toLowerCase());
    if (!scoped || have === 'none' || (need === 'write' && have !== 'write')) fail(403, notAccessible(ctx), docs);
  }

  /** docs anchor of an Actions secrets/variables operation for the repository or an environment */
  function actionsDocs(env: boolean, kind: 'secrets' | 'variables', verb: string): string {
    const noun = kind === 'secrets' ? 'secret' : 'variable';
    const anchor =
      verb === 'list' ? `list-${env ? 'environment' : 'repository'}-${kind}`
      : verb === 'public-key' ? `get-${env ? 'an-environment' : 'a-repository'}-public-key`
      : `${verb}-${env ? 'an-environment' : 'a-repository'}-${noun}`;
    return `${DOCS}/actions/${kind}#${anchor}`;
  }

  /** repository (404), permission (401/403), then environment (404); rest = the path parameters after the scope */
  function actionsScope(ctx: Ctx, m: string[], env: boolean, kind: 'secrets' | 'variables', need: 'read' | 'write', docs: string) {
    const r = repoOf(m);
    requirePermission(ctx, r, env ? 'environments' : kind, need, docs);
    if (!env) return { r, s: r.actions as FakeActionsStore, rest: m.slice(3).map(decodeURIComponent) };
    const e = r.environments.get(decodeURIComponent(m[3]).toLowerCase());
    if (!e) fail(404, 'Not Found', docs);
    return { r, s: e as FakeActionsStore, rest: m.slice(4).map(decodeURIComponent) };
  }

  function checkName(kind: 'secrets' | 'variables', name: string, docs: string) {
    const what = kind === 'secrets' ? 'Secret' : 'Variable';
    if (!NAME_RE.test(name)) {
      fail(422, `Invalid request.\n\n${what} names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed. Must start with a letter ([a-z], [A-Z]) or underscores (_).`, docs);
    }
    if (/^GITHUB_/i.test(name)) fail(422, `Invalid request.\n\n${what} names must not start with GITHUB_.`, docs);
  }

  const secretJson = (x: FakeSecret) => ({ name: x.name, created_at: x.created_at, updated_at: x.updated_at });
  const variableJson = (x: FakeVariable) => ({ name: x.name, value: x.value, created_at: x.created_at, updated_at: x.updated_at });
  const byName = <T extends { name: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const env of [false, true]) {
    const base = env ? '/repos/{o}/{r}/environments/{e}' : '/repos/{o}/{r}/actions';
    const d = (kind: 'secrets' | 'variables', verb: string) => actionsDocs(env, kind, verb);
    const slug = (kind: 'secrets' | 'variables', verb: string) => d(kind, verb).slice(`${DOCS}/`.length);

    // secrets (public-key before {name}: the first matching route answers)
    route('GET', `${base}/secrets/public-key`, slug('secrets', 'public-key'), (ctx, m) => {
      const { s } = actionsScope(ctx, m, env, 'secrets', 'read', d('secrets', 'public-key'));
      return { status: 200, body: publicKeyJson(s) };
    });

    route('GET', `${base}/secrets`, slug('secrets', 'list'), (ctx, m) => {
      const { s } = actionsScope(ctx, m, env, 'secrets', 'read', d('secrets', 'list'));
      const all = byName(s.secrets.values()).map(secretJson);
      return paginate(ctx, all, { wrap: (page) => ({ total_count: all.length, secrets: page }) });
    });

    route('GET', `${base}/secrets/{n}`, slug('secrets', 'get'), (ctx, m) => {
      const docs = d('secrets', 'get');
      const { s, rest } = actionsScope(ctx, m, env, 'secrets', 'read', docs);
      const x = s.secrets.get(rest[0].toUpperCase());
      if (!x) fail(404, 'Not Found', docs);
      return { status: 200, body: secretJson(x) };
    });

    route('PUT', `${base}/secrets/{n}`, slug('secrets', 'create-or-update'), (ctx, m) => {
      const docs = d('secrets', 'create-or-update');
      const { s, rest } = actionsScope(ctx, m, env, 'secrets', 'write', docs);
      const name = rest[0];
      checkName('secrets', name, docs);
      const b = ctx.body ?? {};
      for (const f of ['encrypted_value', 'key_id']) if (typeof b[f] !== 'string') fail(422, `Invalid request.\n\n"${f}" wasn't supplied.`, docs);
      if (!BASE64_RE.test(b.encrypted_value)) fail(422, `Invalid request.\n\n${b.encrypted_value} does not match ${BASE64_RE}.`, docs);
      if (b.key_id !== s.keyId) fail(422, BAD_SECRET, docs);
      let plain: Uint8Array;
      try {
        plain = sodium.crypto_box_seal_open(sodium.from_base64(b.encrypted_value, sodium.base64_variants.ORIGINAL), s.publicKey, s.privateKey);
      } catch {
        fail(422, BAD_SECRET, docs);
      }
      const outcome = storeSecret(s, name, Buffer.from(plain).toString('utf8'));
      return outcome === 'created' ? { status: 201, body: {} } : { status: 204 };
    });

    route('DELETE', `${base}/secrets/{n}`, slug('secrets', 'delete'), (ctx, m) => {
      const docs = d('secrets', 'delete');
      const { s, rest } = actionsScope(ctx, m, env, 'secrets', 'write', docs);
      if (!s.secrets.delete(rest[0].toUpperCase())) fail(404, 'Not Found', docs);
      return { status: 204 };
    });

    // variables
    route('GET', `${base}/variables`, slug('variables', 'list'), (ctx, m) => {
      const { s } = actionsScope(ctx, m, env, 'variables', 'read', d('variables', 'list'));
      const all = byName(s.variables.values()).map(variableJson);
      return paginate(ctx, all, { perPage: 10, maxPerPage: 30, wrap: (page) => ({ total_count: all.length, variables: page }) });
    });

    route('POST', `${base}/variables`, slug('variables', 'create'), (ctx, m) => {
      const docs = d('variables', 'create');
      const { s } = actionsScope(ctx, m, env, 'variables', 'write', docs);
      const b = ctx.body ?? {};
      for (const f of ['name', 'value']) if (typeof b[f] !== 'string') fail(422, `Invalid request.\n\n"${f}" wasn't supplied.`, docs);
      checkName('variables', b.name, docs);
      if (s.variables.has(b.name.toUpperCase())) fail(409, 'Already exists - Variable already exists', docs);
      storeVariable(s, b.name, b.value);
      return { status: 201, body: {} };
    });

    route('GET', `${base}/variables/{n}`, slug('variables', 'get'), (ctx, m) => {
      const docs = d('variables', 'get');
      const { s, rest } = actionsScope(ctx, m, env, 'variables', 'read', docs);
      const x = s.variables.get(rest[0].toUpperCase());
      if (!x) fail(404, 'Not Found', docs);
      return { status: 200, body: variableJson(x) };
    });

    route('PATCH', `${base}/variables/{n}`, slug('variables', 'update'), (ctx, m) => {
      const docs = d('variables', 'update');
      const { s, rest } = actionsScope(ctx, m, env, 'variables', 'write', docs);
      const x = s.variables.get(rest[0].toUpperCase());
      if (!x) fail(404, 'Not Found', docs);
      const b = ctx.body ?? {};
      if (b.name !== undefined && typeof b.name !== 'string') fail(422, 'Invalid request.\n\nFor \'properties/name\', ' + JSON.stringify(b.name) + ' is not a string.', docs);
      if (b.value !== undefined && typeof b.value !== 'string') fail(422, 'Invalid request.\n\nFor \'properties/value\', ' + JSON.stringify(b.value) + ' is not a string.', docs);
      if (typeof b.name === 'string' && b.name.toUpperCase() !== x.name) {
        checkName('variables', b.name, docs);
        if (s.variables.has(b.name.toUpperCase())) fail(409, 'Already exists - Variable already exists', docs);
        s.variables.delete(x.name);
        x.name = b.name.toUpperCase();
        s.variables.set(x.name, x);
      }
      if (typeof b.value === 'string') x.value = b.value;
      x.updated_at = now();
      return { status: 204 };
    });

    route('DELETE', `${base}/variables/{n}`, slug('variables', 'delete'), (ctx, m) => {
      const docs = d('variables', 'delete');
      const { s, rest } = actionsScope(ctx, m, env, 'variables', 'write', docs);
      if (!s.variables.delete(rest[0].toUpperCase())) fail(404, 'Not Found', docs);
      return { status: 204 };
    });
  }

  // ── deployment environments (read-only: tests create them with createEnvironment / the environments option) ──
  function environmentJson(r: FakeRepo, e: FakeEnvironment) {
    return {
      id: e.id,
      node_id: nodeId('Environment', e.id),
      name: e.name,
      url: `${api}/repos/${r.fullName}/environments/${encodeURIComponent(e.name)}`,
      html_url: `${webUrl}/${r.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
      created_at: e.created_at,
      updated_at: e.updated_at,
      protection_rules: [],
      deployment_branch_policy: null,
    };
  }

  route('GET', '/repos/{o}/{r}/environments', 'deployments/environments#list-environments', (ctx, m) => {
    const r = repoOf(m);
    const all = byName(r.environments.values()).map((e) => environmentJson(r, e));
    return paginate(ctx, all, { wrap: (page) => ({ total_count: all.length, environments: page }) });
  });

  route('GET', '/repos/{o}/{r}/environments/{e}', 'deployments/environments#get-an-environment', (_ctx, m) => {
    const r = repoOf(m);
    const e = r.environments.get(decodeURIComponent(m[3]).toLowerCase());
    if (!e) fail(404, 'Not Found', `${DOCS}/deployments/environments#get-an-environment`);
    return { status: 200, body: environmentJson(r, e) };
  });

  // ── server ──
  function defaultFaultBody(status: number): { body: unknown; headers: Record<string, string> } {
    if (status === 403 || status === 429) {
      return {
        body: { message: SECONDARY_RATE_LIMIT_MESSAGE, documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: String(status) },
        headers: { 'retry-after': '1' },
      };
    }
    const message: Record<number, string> = { 500: 'Server Error', 502: 'Server Error', 503: 'Service Unavailable', 504: 'We couldn\'t respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.' };
    return { body: { message: message[status] ?? 'Server Error', documentation_url: DOCS, status: String(status) }, headers: {} };
  }

  function pickFault(method: string, path: string): Fault | undefined {
    let chosen: Fault | undefined;
    for (const f of faults) {
      if (f.spec.method && f.spec.method.toUpperCase() !== method) continue;
      f.spec.path.lastIndex = 0;
      if (!f.spec.path.test(path)) continue;
      f.seen++; // every matching call counts towards `after`, whichever fault answers it
      if (chosen || f.seen <= (f.spec.after ?? 0) || f.hits >= (f.spec.times ?? 1)) continue;
      f.hits++;
      chosen = f;
    }
    return chosen;
  }

  function dispatch(ctx: Ctx): Answer {
    const candidates = routes.filter((x) => x.re.test(ctx.path));
    const rt = candidates.find((x) => x.method === ctx.method);
    if (!rt) {
      if (candidates.length) fail(404, 'Not Found', DOCS);
      fail(404, 'Not Found', DOCS);
    }
    // authentication
    const auth = ctx.headers.authorization;
    if (auth !== undefined) {
      const mm = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
      const t = mm ? tokens[mm[1]] : undefined;
      if (!t) fail(401, 'Bad credentials', DOCS);
      ctx.token = t;
      ctx.tokenValue = mm![1];
    } else if (rt.write) {
      fail(401, 'Requires authentication', rt.docs);
    }
    const m = rt.re.exec(ctx.path)!;
    // anonymous reads only see public repositories
    if (!ctx.token && m[1] && m[2]) {
      const r = repos.get(key(decodeURIComponent(m[1]), decodeURIComponent(m[2])));
      if (r?.options.private) fail(404, 'Not Found', rt.docs);
    }
    return rt.handler(ctx, m);
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((e) => {
      try {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `fake GitHub crashed: ${(e as Error).stack}`, documentation_url: DOCS, status: '500' }));
      } catch {
        /* socket gone */
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = u.pathname;
    if (prefix && path.startsWith(prefix)) path = path.slice(prefix.length) || '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: FakeGitHubCall = {
      seq: ++seq,
      at: Date.now(),
      method,
      path,
      query: Object.fromEntries(u.searchParams),
      body: undefined,
      requestHeaders: req.headers,
      status: null,
      responseBody: undefined,
      responseHeaders: {},
      dropped: false,
      injected: false,
    };
    log.push(entry);
    const authm = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (authm) entry.token = authm[1];

    const fault = pickFault(method, path);
    if (fault?.spec.delayMs) await new Promise((r) => setTimeout(r, fault.spec.delayMs));
    let parseError = false;
    if (raw.trim()) {
      try {
        entry.body = JSON.parse(raw);
      } catch {
        entry.body = raw;
        parseError = true;
      }
    }

    const send = (a: Answer) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-used': '1',
        'x-ratelimit-resource': 'core',
        'x-github-request-id': `FAKE:${entry.seq}`,
        ...(a.headers ?? {}),
      };
      entry.status = a.status;
      entry.responseBody = a.status === 204 || a.body === undefined ? undefined : a.body;
      if (a.status === 204) delete headers['content-type'];
      entry.responseHeaders = headers;
      return { headers, text: entry.responseBody === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body) };
    };

    if (fault && (fault.spec.drop && !fault.spec.applyThenDrop)) {
      entry.dropped = true;
      entry.injected = true;
      req.socket.destroy();
      return;
    }
    if (fault && fault.spec.status && !fault.spec.applyThenDrop) {
      const d = defaultFaultBody(fault.spec.status);
      const out = send({ status: fault.spec.status, body: fault.spec.body ?? d.body, headers: fault.spec.headers ?? d.headers });
      entry.injected = true;
      res.writeHead(fault.spec.status, out.headers);
      res.end(out.text);
      return;
    }

    let answer: Answer;
    const ctx: Ctx = { method, path, query: u.searchParams, body: entry.body, headers: req.headers as Record<string, string> };
    try {
      if (parseError) fail(400, 'Problems parsing JSON', DOCS);
      answer = dispatch(ctx);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      answer = { status: e.status, body: e.body, headers: e.headers };
    }
    const out = send(answer);
    if (fault?.spec.applyThenDrop) {
      entry.dropped = true;
      entry.injected = true;
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, out.headers);
    res.end(out.text);
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = `${origin}${prefix}`;

  for (const [full, o] of Object.entries(options.repos ?? {})) {
    const [owner, name] = full.split('/');
    createRepo(owner, name, o);
  }

  return {
    url: api,
    webUrl,
    log,
    faults,
    tokens,
    createRepo,
    seedRepo,
    commitAs,
    repo: getRepo,
    branch: (o, r, b) => getRepo(o, r).refs.get(`refs/heads/${b}`),
    commit: (sha) => {
      const o = findObject(sha);
      return o?.type === 'commit' ? o.commit : undefined;
    },
    history: (sha) => {
      for (const r of repos.values()) if (getCommit(r, sha)) return topo(r, sha);
      return [];
    },
    treeFiles,
    inject(spec) {
      const f: Fault = { spec, seen: 0, hits: 0 };
      faults.push(f);
      return f;
    },
    clearFaults() {
      faults.length = 0;
    },
    createEnvironment: (o, r, name) => createEnvironment(getRepo(o, r), name),
    environment: (o, r, name) => getRepo(o, r).environments.get(name.toLowerCase()),
    publicKey: (o, r, env) => publicKeyJson(storeOf(o, r, env)),
    rotateKey(o, r, env) {
      const s = storeOf(o, r, env);
      Object.assign(s, newKeyPair());
      return publicKeyJson(s);
    },
    secretValue: (o, r, name, env) => storeOf(o, r, env).secrets.get(name.toUpperCase())?.value,
    secretNames: (o, r, env) => byName(storeOf(o, r, env).secrets.values()).map((x) => x.name),
    setSecret(o, r, name, value, env) {
      storeSecret(storeOf(o, r, env), name, value);
    },
    variable: (o, r, name, env) => storeOf(o, r, env).variables.get(name.toUpperCase())?.value,
    variableNames: (o, r, env) => byName(storeOf(o, r, env).variables.values()).map((x) => x.name),
    setVariable(o, r, name, value, env) {
      storeVariable(storeOf(o, r, env), name, value);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
