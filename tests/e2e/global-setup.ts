/**
 * Vitest global setup for the `e2e` project: builds our fixture pages and makes sure the extension
 * has been built, so every e2e file can start a server and a browser right away.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildFixtures } from './build-fixtures.ts';
import { EXTENSION_DIR, PROJECT_DIR } from './paths.ts';

export default async function setup(): Promise<void> {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `e2e: ${path.relative(PROJECT_DIR, manifest)} not found - run npm run build first ` +
        '(or use npm run test:e2e, which builds before testing).',
    );
  }
  const built = await buildFixtures();
  console.log(`e2e: built fixtures in ${built.ms} ms -> ${path.relative(PROJECT_DIR, built.connectDir)}`);
}
