#!/usr/bin/env node
// The whole test suite, as a newcomer and CI run it: `npm test`.
// Installs what it needs (npm packages; Debian's chromium and firefox-esr when run as root), then runs
// typecheck → lint → unit tests → build → end-to-end tests in real headless Chromium → Firefox build → web-ext lint
// → end-to-end tests in real headless Firefox. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

function run(title, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${title}: ${[cmd, ...args].join(' ')}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (res.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${res.status ?? res.signal}).`);
    process.exit(res.status || 1);
  }
  console.log(`✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

if (!existsSync(join(root, 'node_modules', '.bin', 'wxt'))) run('Install npm packages', 'npm', ['ci']);

/** Installs a Debian package when its binary is missing and we are root; otherwise says what to run. */
function ensureDebianBrowser(binary, pkg, envVar) {
  if (existsSync(binary)) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const installed = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], {
      stdio: 'inherit',
      env,
    });
    if (installed.status !== 0) run('apt-get update', 'apt-get', ['update'], { env });
    if (installed.status !== 0)
      run(`Install Debian's ${pkg}`, 'apt-get', ['install', '-y', '--no-install-recommends', pkg], { env });
  } else {
    console.error(
      `\n✖ No browser at ${binary}. The end-to-end tests need Debian's ${pkg}:\n` +
        `    sudo apt-get install -y ${pkg}\n` +
        `or point ${envVar} at a binary. (No browser is ever downloaded from elsewhere.)`,
    );
    process.exit(1);
  }
}

ensureDebianBrowser(process.env.CHROMIUM_PATH || '/usr/bin/chromium', 'chromium', 'CHROMIUM_PATH');
ensureDebianBrowser(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', 'firefox-esr', 'FIREFOX_PATH');

run('Typecheck', 'npx', ['tsc', '--noEmit']);
run('Lint and format check', 'npx', ['biome', 'check', '.']);
/** vitest with its usual output, plus a JSON report whose counts make the closing line. */
const totals = { passed: 0, failed: 0 };
function vitest(title, project) {
  const report = join(tmpdir(), `vitest-${project}-${process.pid}.json`);
  run(title, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const counts = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report, { force: true });
  totals.passed += counts.numPassedTests;
  totals.failed += counts.numFailedTests;
}

vitest('Unit tests', 'unit');
run('Build (Chrome MV3)', 'npx', ['wxt', 'build']);
vitest('End-to-end tests (headless Chromium)', 'e2e');
run('Build (Firefox MV3)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
// 0 errors required; the known warnings are listed in the README (Development → Firefox).
run('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery'], {
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
});
vitest('End-to-end tests (headless Firefox)', 'firefox');
console.log(`\n✔ All tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
// The plain closing line CI reads: unit + Chromium + Firefox tests.
console.log(`${totals.passed} passed, ${totals.failed} failed`);
