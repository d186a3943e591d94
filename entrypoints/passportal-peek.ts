import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { answerFromPage } from '@/utils/passportal-dialog';

// The popup's look before the user clicks "Use key from Passportal": is a new key shown? Answers the shortened
// Access key ID, never the secret (that is passportal-reader.ts, injected on the click). A separate file because
// executeScript({ files }) takes no arguments.
export default defineUnlistedScript({
  main: () => answerFromPage('peek', location.href, document),
});
