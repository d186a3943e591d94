/**
 * HMAC-SHA256 with WebCrypto, output as lowercase hex.
 *
 * Passportal's examples (Python `hmac.new(secret.encode(), content.encode(), sha256).hexdigest()`) and
 * Nango's validation (`^[a-fA-F0-9]{64}$`) both use hex, even where Nango's guide says "base64" in prose.
 * Strings are encoded as UTF-8, exactly like Python's `str.encode()` for well-formed text.
 */

const encoder = new TextEncoder();

/** Lowercase hex of `bytes`. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const byte of view) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** HMAC-SHA256 over raw bytes: the entry point the RFC 4231 vectors (binary keys) need. */
export async function hmacSha256HexBytes(
  key: Uint8Array,
  message: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  if (key.length === 0) {
    // WebCrypto refuses zero-length HMAC keys; say so in our words instead of a DOMException.
    throw new RangeError('The HMAC key (Secret Access Key) must not be empty.');
  }
  const cryptoKey = await subtle.importKey(
    'raw',
    key as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await subtle.sign('HMAC', cryptoKey, message as Uint8Array<ArrayBuffer>);
  return toHex(signature);
}

/** HMAC-SHA256 of `message` keyed by `secret`, both UTF-8, as 64 lowercase hex characters. */
export function hmacSha256Hex(secret: string, message: string, subtle?: SubtleCrypto): Promise<string> {
  return hmacSha256HexBytes(encoder.encode(secret), encoder.encode(message), subtle);
}
