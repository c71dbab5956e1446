// Tests that need a runtime a fresh machine may lack (Debian's Python packages, a JDK, PHP, Go,
// Ruby, R). Without it, the test is skipped with one line naming the package and how to install
// it; with CI=true the runtime is required: the test runs and fails for want of it.
import { spawnSync } from 'node:child_process';

export interface Runtime {
  /** What the tests need, as a person would name it. */
  what: string;
  /** Debian packages that bring it (.ci/run installs them). */
  packages: string[];
  /** A command that exits 0 when the runtime is there. */
  probe: [string, ...string[]];
}

const said = new Set<string>();

/** Whether tests needing `rt` should run; says once why they are skipped when they are not. */
export function available(rt: Runtime): boolean {
  const r = spawnSync(rt.probe[0], rt.probe.slice(1), { stdio: 'ignore', timeout: 30_000 });
  if (r.status === 0) return true;
  if (process.env.CI === 'true') return true; // required in CI: run, and fail for want of it
  if (!said.has(rt.what)) {
    said.add(rt.what);
    process.stdout.write(`skipped: tests that need ${rt.what} (Debian: apt-get install ${rt.packages.join(' ')})\n`);
  }
  return false;
}

export const DEBIAN_PYTHON: Runtime = {
  what: "Debian's python3 with PyJWT, requests and cryptography",
  packages: ['python3-jwt', 'python3-requests', 'python3-cryptography'],
  probe: ['/usr/bin/python3', '-c', 'import jwt, requests, cryptography'],
};

export const DEBIAN_JDK: Runtime = {
  what: 'a JDK (java, to run single-file programs)',
  packages: ['default-jdk-headless'],
  probe: ['java', '-version'],
};

export const DEBIAN_RUBY: Runtime = {
  what: 'Ruby (its standard openssl, net/http and json libraries)',
  packages: ['ruby'],
  // Debian's ruby carries these; a Ruby built without libssl would lack openssl.
  probe: ['ruby', '-ropenssl', '-rnet/http', '-rjson', '-e', ''],
};

export const DEBIAN_R: Runtime = {
  what: 'R with the httr and openssl packages',
  // Debian has no r-cran-jose: the R program signs with openssl and posts with httr.
  packages: ['r-base-core', 'r-cran-httr', 'r-cran-openssl'],
  probe: ['Rscript', '-e', 'loadNamespace("httr"); loadNamespace("openssl")'],
};

export const DEBIAN_PHP: Runtime = {
  what: 'PHP (php-cli, with its openssl functions)',
  packages: ['php-cli'],
  // Debian's php-cli has openssl built in; a PHP built without it could not sign the JWT.
  probe: ['php', '-r', 'exit(function_exists("openssl_sign") ? 0 : 1);'],
};

export const DEBIAN_GO: Runtime = {
  what: 'Go (go run, go vet; its standard library only)',
  packages: ['golang-go'],
  probe: ['go', 'version'],
};

// (Appended below the Debian runtimes; ES imports are hoisted, so this one may sit here.)
import { createRequire } from 'node:module';

/** Microsoft's SARIF validator: the `@microsoft/sarif-multitool` dev dependency's native binary. */
export const SARIF_VALIDATOR_ENV = {
  // The .NET binary otherwise needs the system's ICU (Debian: libicu72); validation is culture-free.
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1',
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
};

/**
 * The path of the validator binary when it runs here. Otherwise says once, in one line, why the
 * tests that need it are skipped; with CI=true it returns the path anyway, so they run and fail.
 */
export function sarifValidator(): string | undefined {
  let bin = '';
  let why = '';
  try {
    bin = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...SARIF_VALIDATOR_ENV } });
    if (r.status === 0) return bin;
    const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
    why =
      code === 'EACCES'
        ? `${bin} is not executable (its package's postinstall 'chmod u+x' did not run)`
        : code === 'ENOEXEC'
          ? `${bin} is not built for this machine (${process.platform}/${process.arch})`
          : code
            ? `${bin} cannot start (${code})`
            : `${bin} --version exited ${r.status ?? r.signal}: ${`${r.stderr}${r.stdout}`.trim().split('\n')[0]}`;
  } catch (e) {
    why = `@microsoft/sarif-multitool has no binary for ${process.platform}/${process.arch} (${(e as Error).message.split('\n')[0]}); run npm ci`;
  }
  const ci = process.env.CI === 'true'; // required in CI: run, and fail for want of it
  if (!said.has('sarif-multitool')) {
    said.add('sarif-multitool');
    process.stdout.write(`${ci ? 'CI=true, running anyway' : 'skipped'}: tests that need Microsoft's SARIF validator: ${why}\n`);
  }
  return ci ? bin || 'sarif-multitool' : undefined;
}
