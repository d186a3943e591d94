/**
 * The popup's draft survives the popup being closed (browsers close it the moment the user clicks elsewhere),
 * for at most DRAFT_TTL_MS, in storage.session only (trusted extension contexts, memory, gone with the browser).
 */
import type { Draft } from './credentials';

export const DRAFT_TTL_MS = 10 * 60 * 1000;

export interface SavedDraft extends Draft {
  savedAt: number;
}

/** The draft to restore, or null when there is none or it is older than the TTL. */
export function freshDraft(saved: SavedDraft | null, now: number): Draft | null {
  if (!saved || now - saved.savedAt >= DRAFT_TTL_MS || saved.savedAt > now) return null;
  const { savedAt: _, ...draft } = saved;
  return draft;
}

/** True when the draft holds nothing worth keeping (so nothing is written at all). */
export function isEmptyDraft(draft: Draft, defaults: Draft): boolean {
  return (Object.keys(draft) as (keyof Draft)[]).every((k) => draft[k] === defaults[k]);
}
