// One place turns every outside input (CLI flags, action inputs, the config file) into typed settings.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { cliCommand } from './commands.js';
import { UsageError } from './errors.js';
import { readSettingsFile } from './paths.js';
import { RULES_BY_ID } from './rules/index.js';
import type { FailOn, Severity } from './types.js';
import { lineOfPath, yamlDocument } from './yaml.js';

export { UsageError };

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export const FORMATS = ['text', 'json', 'sarif'] as const;
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const CONFIG_NAMES = ['.adobe-jwt-migrate.yml', '.adobe-jwt-migrate.yaml'];

/** Largest config file read; a config is a few lines. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest baseline read (a saved JSON report). */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

// Messages never quote the file: it may be anything a link pointed at. They give the line.
const ruleId = z.string().refine((id) => RULES_BY_ID.has(id), {
  error: () => `unknown rule id (list them with '${cliCommand(['rules'])}')`,
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
  /** What the YAML parser warned about in the config (line and kind only), for the log. */
  warnings: string[];
}

const KNOWN_KEYS = Object.keys(ConfigFile.shape).join(', ');

/** Zod's issues as `line N: what is wrong`, without the values found there. */
function describeZod(err: z.ZodError, where: (path: (string | number)[]) => number | undefined): string {
  return err.issues
    .map((i) => {
      const path = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]] : i.path;
      const line = where(path as (string | number)[]);
      const at = line ? `line ${line}` : 'file';
      const field = i.path.length ? ` (${i.path.join('.')})` : '';
      if (i.code === 'unrecognized_keys') return `${at}: unknown key${field}; the keys are ${KNOWN_KEYS}`;
      if (i.code === 'invalid_key') return `${at}${field}: unknown rule id (list them with '${cliCommand(['rules'])}')`;
      return `${at}${field}: ${i.message}`;
    })
    .join('; ');
}

function readConfig(path: string, within: string | undefined, warnings: string[]): ConfigFile {
  const text = readSettingsFile(path, 'config file', { within, maxBytes: MAX_CONFIG_BYTES });
  const doc = yamlDocument(text);
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0];
    warnings.push(`config file ${path}${pos ? `, line ${pos.line}` : ''}: ${w.code.toLowerCase().replace(/_/g, ' ')}`); // native-regex: a warning code
  }
  if (doc.errors.length) {
    const pos = doc.errors[0].linePos?.[0];
    throw new UsageError(`config file ${path} is not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}`);
  }
  const parsed = ConfigFile.safeParse(doc.toJS() ?? {});
  if (!parsed.success) throw new UsageError(`config file ${path}: ${describeZod(parsed.error, (p) => lineOfPath(doc, p, text))}`);
  return parsed.data;
}

const Baseline = z.object({ findings: z.array(z.object({ fingerprint: z.string() }).loose()) }).loose();

function readBaseline(path: string, within: string | undefined): string[] {
  const text = readSettingsFile(path, 'baseline', { within, maxBytes: MAX_BASELINE_BYTES });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The parser's message quotes the text: say only what to do.
    throw new UsageError(`baseline ${path} is not valid JSON: write it with 'scan --format json'`);
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

/**
 * Builds the settings, reading the config file (given, or found in the root). `confine` is the
 * folder every given path must resolve inside (the action's workspace); a config found in the root
 * (and a baseline it names) must stay inside the root in every case.
 */
export function loadSettings(raw: RawSettings, cwd = process.cwd(), confine?: string): ScanSettings {
  const root = resolve(cwd, raw.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`path ${raw.root ?? '.'} is not a folder: give the repository to scan`);
  }
  const failOn = parseFailOn(raw.failOn, 'fail-on');

  let configPath: string | undefined;
  let within: string | undefined;
  if (raw.config?.trim()) {
    configPath = isAbsolute(raw.config) ? raw.config : resolve(cwd, raw.config);
    if (!existsSync(configPath)) throw new UsageError(`config file ${raw.config} does not exist`);
    within = confine;
  } else {
    configPath = CONFIG_NAMES.map((n) => resolve(root, n)).find((p) => existsSync(p));
    within = root;
  }

  const warnings: string[] = [];
  const cfg: ConfigFile = configPath ? readConfig(configPath, within, warnings) : ConfigFile.parse({});
  const ignored = new Set(cfg['ignore-fingerprints']);
  if (cfg.baseline) {
    const base = resolve(configPath ? resolve(configPath, '..') : root, cfg.baseline);
    for (const fp of readBaseline(base, within)) ignored.add(fp);
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
