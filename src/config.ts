// One place turns every outside input (CLI flags, action inputs, the config file) into typed settings.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RULES_BY_ID } from './rules/index.js';
import type { FailOn, Severity } from './types.js';

/** A mistake in how the tool was called or configured: exit code 2, one line saying what to change. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export const FORMATS = ['text', 'json', 'sarif'] as const;
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const CONFIG_NAMES = ['.adobe-jwt-migrate.yml', '.adobe-jwt-migrate.yaml'];

const ruleId = z.string().refine((id) => RULES_BY_ID.has(id), {
  error: (issue) => `unknown rule id '${String(issue.input)}'`,
});

const ConfigFile = z
  .object({
    exclude: z.array(z.string().min(1)).default([]),
    disable: z.array(ruleId).default([]),
    severity: z.record(ruleId, z.enum(['error', 'warning', 'note'])).default({}),
    'ignore-fingerprints': z.array(z.string().regex(/^[0-9a-f]{8,64}$/, 'a fingerprint is hex')).default([]),
    baseline: z.string().min(1).optional(),
    'max-file-size': z.number().int().positive().optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFile>;

export interface ScanSettings {
  root: string;
  failOn: FailOn;
  exclude: string[];
  disabled: Set<string>;
  severity: Map<string, Severity>;
  ignoredFingerprints: Set<string>;
  maxFileSize: number;
  configPath?: string;
}

function describeZod(err: z.ZodError): string {
  return err.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : 'file';
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

function readYamlFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  try {
    return parseYaml(text) ?? {};
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

const Baseline = z.object({ findings: z.array(z.object({ fingerprint: z.string() }).loose()) }).loose();

function readBaseline(path: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`baseline ${path} must be a JSON report written by 'scan --format json': ${(e as Error).message}`);
  }
  const parsed = Baseline.safeParse(data);
  if (!parsed.success) throw new UsageError(`baseline ${path} has no findings list: write it with 'scan --format json'`);
  return parsed.data.findings.map((f) => f.fingerprint);
}

export interface RawSettings {
  root?: string;
  failOn?: string;
  config?: string;
  maxFileSize?: number;
}

export function parseFailOn(value: string | undefined, name: string): FailOn {
  const v = (value ?? '').trim() || 'error';
  if ((FAIL_ON as readonly string[]).includes(v)) return v as FailOn;
  throw new UsageError(`${name} must be one of ${FAIL_ON.join(', ')} (got '${v}')`);
}

/** Builds the settings, reading the config file (given, or found in the root). */
export function loadSettings(raw: RawSettings, cwd = process.cwd()): ScanSettings {
  const root = resolve(cwd, raw.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`path ${raw.root ?? '.'} is not a folder: give the repository to scan`);
  }
  const failOn = parseFailOn(raw.failOn, 'fail-on');

  let configPath: string | undefined;
  if (raw.config?.trim()) {
    configPath = isAbsolute(raw.config) ? raw.config : resolve(cwd, raw.config);
    if (!existsSync(configPath)) throw new UsageError(`config file ${raw.config} does not exist`);
  } else {
    configPath = CONFIG_NAMES.map((n) => resolve(root, n)).find((p) => existsSync(p));
  }

  let cfg: ConfigFile = ConfigFile.parse({});
  if (configPath) {
    const parsed = ConfigFile.safeParse(readYamlFile(configPath, 'config file'));
    if (!parsed.success) throw new UsageError(`config file ${configPath}: ${describeZod(parsed.error)}`);
    cfg = parsed.data;
  }
  const ignored = new Set(cfg['ignore-fingerprints']);
  if (cfg.baseline) {
    const base = resolve(configPath ? resolve(configPath, '..') : root, cfg.baseline);
    for (const fp of readBaseline(base)) ignored.add(fp);
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
  };
}
