import { describe, expect, it } from 'vitest';
import {
  fillRequest,
  frameHello,
  isConnectFrameSender,
  isExtensionPageSender,
  parseContentRequest,
  parseFrameHello,
  probeRequest,
} from '@/utils/messaging';
import { isAllowedConnectOrigin } from '@/utils/origins';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('parseContentRequest', () => {
  it('accepts our probe and fill requests', () => {
    expect(parseContentRequest(probeRequest())).toEqual(probeRequest());
    expect(parseContentRequest(fillRequest({ apiKey: 'x', baseUrl: 'y' }))).toEqual(
      fillRequest({ apiKey: 'x', baseUrl: 'y' }),
    );
  });

  it.each([
    null,
    'probe',
    { kind: 'probe' },
    { ns: 'other', kind: 'probe' },
    { ns: 'pch', kind: 'fill' },
    { ns: 'pch', kind: 'fill', values: { secret: 'x' } },
    { ns: 'pch', kind: 'fill', values: { apiKey: 1 } },
    { ns: 'pch', kind: 'submit' },
  ])('rejects %j', (message) => {
    expect(parseContentRequest(message)).toBeNull();
  });

  it('parses a frame hello and refuses a malformed embedder', () => {
    expect(parseFrameHello(frameHello({ kind: 'embedded', origin: 'https://app.test' }))).toEqual(
      frameHello({ kind: 'embedded', origin: 'https://app.test' }),
    );
    expect(parseFrameHello({ ns: 'pch', kind: 'connect-frame-hello', embedder: { kind: 'embedded' } })).toBeNull();
  });
});

describe('isExtensionPageSender', () => {
  it('accepts the popup, also when it is opened as a tab', () => {
    expect(isExtensionPageSender({ id: ID, url: `${BASE}popup.html` }, ID, BASE)).toBe(true);
    expect(isExtensionPageSender({ id: ID, url: `${BASE}popup.html`, tab: { id: 3 } }, ID, BASE)).toBe(true);
  });

  it.each([
    [{ id: ID, url: 'https://connect.nango.dev/' }], // our own content script in a page
    [{ id: 'other-extension', url: `chrome-extension://other-extension/popup.html` }],
    [{ id: ID, url: 'chrome-extension://other-extension/popup.html' }],
    [{ id: ID }],
    [{ url: `${BASE}popup.html` }],
    [{ id: ID, url: 'not a url' }],
  ])('refuses %j', (sender) => {
    expect(isExtensionPageSender(sender, ID, BASE)).toBe(false);
  });
});

describe('isConnectFrameSender', () => {
  it('accepts our content script in a Connect frame', () => {
    expect(
      isConnectFrameSender(
        { id: ID, url: 'https://connect.nango.dev/x', tab: { id: 1 }, frameId: 3 },
        ID,
        isAllowedConnectOrigin,
      ),
    ).toBe(true);
  });

  it.each([
    [{ id: ID, url: 'https://evil.test/', tab: { id: 1 }, frameId: 0 }],
    [{ id: ID, url: 'http://connect.nango.dev/', tab: { id: 1 }, frameId: 0 }],
    [{ id: ID, url: 'https://connect.nango.dev.evil.test/', tab: { id: 1 }, frameId: 0 }],
    [{ id: ID, url: `${BASE}popup.html` }],
    [{ id: 'other', url: 'https://connect.nango.dev/', tab: { id: 1 }, frameId: 0 }],
    [{ id: ID, url: 'https://connect.nango.dev/', frameId: 0 }],
  ])('refuses %j', (sender) => {
    expect(isConnectFrameSender(sender, ID, isAllowedConnectOrigin)).toBe(false);
  });
});
