/**
 * Builds the Connect UI fixture (React + react-hook-form + zod) with Vite's JS API into
 * `tests/e2e/.fixtures-dist/connect/`. Called by the e2e global setup, so no build output is committed.
 * The fixture is written without JSX, so no React plugin is needed and the build stays fast.
 */
import path from 'node:path';
import { build } from 'vite';
import { CONNECT_DIST_DIR, FIXTURES_DIR } from './paths.ts';

export interface BuiltFixtures {
  /** Directory holding `index.html` and `assets/` of the Connect fixture. */
  connectDir: string;
  /** Wall-clock build time, for the log line. */
  ms: number;
}

export async function buildFixtures(): Promise<BuiltFixtures> {
  const started = performance.now();
  await build({
    // Stand-alone: ignore the project's vite/wxt config, .env files and public/ folder.
    configFile: false,
    envDir: false,
    root: path.join(FIXTURES_DIR, 'connect'),
    base: '/',
    mode: 'production',
    publicDir: false,
    logLevel: 'warn',
    clearScreen: false,
    build: {
      outDir: CONNECT_DIST_DIR,
      emptyOutDir: true,
      // Readable output helps when debugging a failing test; minifying buys nothing here.
      minify: false,
      reportCompressedSize: false,
      modulePreload: false,
      rollupOptions: {
        output: { entryFileNames: 'assets/connect.js', chunkFileNames: 'assets/[name].js' },
      },
    },
  });
  return { connectDir: CONNECT_DIST_DIR, ms: Math.round(performance.now() - started) };
}
