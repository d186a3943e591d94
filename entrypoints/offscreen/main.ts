import { emptyClipboard } from '@/utils/clipboard';

// Chrome's offscreen document for clearing the clipboard (a service worker has no clipboard). It only ever
// writes an empty string; it never reads the clipboard. The background closes it when this resolves.
void emptyClipboard(document);
