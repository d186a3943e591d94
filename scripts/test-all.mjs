#!/usr/bin/env node
// The whole test suite, as a newcomer and CI run it: `npm test`.
// Installs what it needs (npm packages; Debian's chromium when run as root), then runs
// typecheck → lint → unit tests → build → end-to-end tests in real headless Chromium. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const installed = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    });
    if (installed.status !== 0) run('apt-get update', 'apt-get', ['update'], { env });
    if (installed.status !== 0)
      run("Install Debian's chromium", 'apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env });
  } else {
    console.error(
      `\n✖ No Chromium at ${chromium}. The end-to-end tests need Debian's chromium:\n` +
        '    sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at a Chromium binary. (No browser is ever downloaded from elsewhere.)',
    );
    process.exit(1);
  }
}

run('Typecheck', 'npx', ['tsc', '--noEmit']);
run('Lint and format check', 'npx', ['biome', 'check', '.']);
run('Unit tests', 'npx', ['vitest', 'run', '--project', 'unit']);
run('Build (Chrome MV3)', 'npx', ['wxt', 'build']);
run('End-to-end tests (headless Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']);
console.log(`\n✔ All tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
