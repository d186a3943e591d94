/** Filesystem locations shared by the e2e infrastructure. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_DIR = path.resolve(E2E_DIR, '..', '..');
/** Sources of our own fixture pages (committed). */
export const FIXTURES_DIR = path.join(E2E_DIR, 'fixtures');
/** Build output of the fixtures (gitignored, rebuilt by the global setup). */
export const FIXTURES_DIST_DIR = path.join(E2E_DIR, '.fixtures-dist');
/** The built Connect UI fixture: index.html + assets/. */
export const CONNECT_DIST_DIR = path.join(FIXTURES_DIST_DIR, 'connect');
/** Screenshots and other leftovers worth looking at after a run (gitignored). */
export const ARTIFACTS_DIR = path.join(E2E_DIR, '.artifacts');
/** Screenshots the README shows, refreshed by every e2e run. */
export const SCREENSHOTS_DIR = path.join(PROJECT_DIR, 'docs', 'screenshots');
/** The extension as built by `npm run build` (`wxt build`). */
export const EXTENSION_DIR = path.join(PROJECT_DIR, '.output', 'chrome-mv3');
