/**
 * What `npm run bench` and `npm run demo` share: building the extension when the build is missing or older than
 * its sources, and small helpers (median, a fixed-width table). The browser and the fixture pages come from the
 * e2e infrastructure (tests/e2e/launch.ts, server.ts), imported, never copied.
 *
 * These scripts are TypeScript run by jiti (`jiti scripts/bench.ts`), which WXT itself uses to load its config:
 * Node 20 cannot strip types, and it keeps the imports of the .ts e2e helpers as they are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, PROJECT_DIR } from '../tests/e2e/paths.ts';

/** What the Chrome build is made from; a file newer than the built manifest means the build is stale. */
const BUILD_INPUTS = ['entrypoints', 'components', 'utils', 'assets', 'public', 'wxt.config.ts', 'package.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the build must be (re)made, or null when `.output/chrome-mv3` is current. */
export function buildReason(force: boolean): string | null {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  if (force) return 'asked for (--build)';
  if (!existsSync(manifest)) return `${path.relative(PROJECT_DIR, manifest)} is missing`;
  const built = statSync(manifest).mtimeMs;
  const stale = BUILD_INPUTS.find((entry) => newestMtime(path.join(PROJECT_DIR, entry)) > built);
  return stale ? `${stale} changed since the last build` : null;
}

/** Runs `wxt build` (Chrome MV3) when needed; throws when the build fails. */
export function ensureBuilt(force = false, log: (line: string) => void = console.log): void {
  const reason = buildReason(force);
  if (!reason) return;
  log(`Building the extension (${reason}): npx wxt build`);
  const started = Date.now();
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: PROJECT_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`wxt build failed (exit ${result.status ?? result.signal}).`);
  log(`Built .output/chrome-mv3 in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A plain Markdown table (readable in a terminal and pasteable into the README). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
