/**
 * Vitest global setup for the `firefox` project: fails fast without Firefox or the Firefox build (never skips),
 * then builds the same fixture pages as the Chromium suite (tests/e2e/build-fixtures.ts).
 */
import path from 'node:path';
import { buildFixtures } from '../e2e/build-fixtures.ts';
import { PROJECT_DIR } from '../e2e/paths.ts';
import { FIREFOX_EXTENSION_DIR, firefoxPath, geckoId } from './launch.ts';

export default async function setup(): Promise<void> {
  firefoxPath();
  geckoId(FIREFOX_EXTENSION_DIR);
  const built = await buildFixtures();
  console.log(`firefox e2e: built fixtures in ${built.ms} ms -> ${path.relative(PROJECT_DIR, built.connectDir)}`);
}
