import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, hmacSha256HexBytes, toHex } from '@/utils/hmac';

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const ascii = (s: string) => new TextEncoder().encode(s);
const repeat = (byte: number, n: number) => new Uint8Array(n).fill(byte);

// RFC 4231 §4.2–4.8, HMAC-SHA-256 results.
const RFC4231: [string, Uint8Array, Uint8Array, string][] = [
  ['1', repeat(0x0b, 20), ascii('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
  [
    '2',
    ascii('Jefe'),
    ascii('what do ya want for nothing?'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  ['3', repeat(0xaa, 20), repeat(0xdd, 50), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
  [
    '4',
    hex('0102030405060708090a0b0c0d0e0f10111213141516171819'),
    repeat(0xcd, 50),
    '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
  ],
  [
    '6',
    repeat(0xaa, 131),
    ascii('Test Using Larger Than Block-Size Key - Hash Key First'),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
  [
    '7',
    repeat(0xaa, 131),
    ascii(
      'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    ),
    '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
  ],
];

describe('hmacSha256HexBytes', () => {
  it.each(RFC4231)('matches RFC 4231 test case %s', async (_n, key, data, expected) => {
    expect(await hmacSha256HexBytes(key, data)).toBe(expected);
  });

  it('matches RFC 4231 test case 5 (output truncated to 128 bits)', async () => {
    const out = await hmacSha256HexBytes(repeat(0x0c, 20), ascii('Test With Truncation'));
    expect(out.slice(0, 32)).toBe('a3b6167473100ee06e0c796c2955552b');
  });

  it('refuses an empty key with a clear message instead of a DOMException', async () => {
    await expect(hmacSha256HexBytes(new Uint8Array(), ascii('x'))).rejects.toThrow(/must not be empty/);
  });
});

describe('hmacSha256Hex', () => {
  it('is lowercase hex of 64 characters, never base64', async () => {
    const out = await hmacSha256Hex('secret', 'api-content-hash');
    expect(out).toMatch(/^[0-9a-f]{64}$/);
    expect(out).toBe(createHmac('sha256', 'secret').update('api-content-hash').digest('hex'));
  });

  it('encodes unicode as UTF-8 like Python str.encode()', async () => {
    // python3 -c "import hmac,hashlib;print(hmac.new('clé🔑'.encode(),'contenü'.encode(),hashlib.sha256).hexdigest())"
    expect(await hmacSha256Hex('clé🔑', 'contenü')).toBe(
      createHmac('sha256', Buffer.from('clé🔑', 'utf8')).update(Buffer.from('contenü', 'utf8')).digest('hex'),
    );
  });

  it('equals node:crypto for 10,000 random keys and messages, unicode, long keys and empty content included', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }), // any code point, lone surrogates too (both sides write U+FFFD)
      fc.string({ unit: 'grapheme-ascii', minLength: 65, maxLength: 300 }), // longer than the 64-byte block
    );
    let emptyContent = 0;
    await fc.assert(
      fc.asyncProperty(
        text.filter((k) => k.length > 0),
        fc.oneof(fc.constant(''), text),
        async (key, message) => {
          if (message === '') emptyContent++;
          const expected = createHmac('sha256', Buffer.from(key, 'utf8'))
            .update(Buffer.from(message, 'utf8'))
            .digest('hex');
          expect(await hmacSha256Hex(key, message)).toBe(expected);
        },
      ),
      { numRuns: 10_000 },
    );
    expect(emptyContent).toBeGreaterThan(100);
    // 10,000 WebCrypto round trips: seconds on an idle machine, more on a busy 2-core CI; not a timing test.
  }, 60_000);
});

describe('toHex', () => {
  it('pads single digits', () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 255]))).toBe('00010f10ff');
  });
});
