import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { answerFromPage } from '@/utils/passportal-dialog';

// "Use key from Passportal" (issue 6): reads the Access key ID and the secret from Passportal's "Create access key"
// dialog. Injected by the popup with scripting.executeScript only when the user clicks; the answer is the
// executeScript return value (WXT returns main's value from an unlisted script), so there is no message a page
// could spoof or overhear. No polyfill, no React: it runs inside the Passportal page. Reads, never clicks.
export default defineUnlistedScript({
  main: () => answerFromPage('read', location.href, document),
});
