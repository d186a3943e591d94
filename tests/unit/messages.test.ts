import { describe, expect, it } from 'vitest';
import { fillSummary, problemText, siteText, unfillableFormText, warningText } from '@/utils/messages';

describe('fillSummary', () => {
  it('says Filled 4/4 when everything went in', () => {
    const filled = { state: 'filled' } as const;
    expect(fillSummary({ apiKey: filled, hmacToken: filled, content: filled, baseUrl: filled })).toEqual({
      ok: true,
      text: 'Filled 4/4 fields.',
    });
  });

  it('names the field that was not filled and why, the ones held back, and the ones left alone', () => {
    const out = fillSummary({
      apiKey: { state: 'held' },
      hmacToken: { state: 'failed', problem: 'covered' },
      content: { state: 'held' },
      baseUrl: { state: 'skipped' },
    });
    expect(out.ok).toBe(false);
    expect(out.text).toBe(
      'Filled 0/3 fields. Not filled — HMAC Token: another element covers the field. To be safe, nothing else was filled either: the form is unchanged. Left alone (not shown by this form): Passportal Base URL.',
    );
  });
});

describe('words', () => {
  it('explains input problems in the user’s terms', () => {
    expect(problemText('apiKey', { code: 'api-key-length', length: 63 })).toMatch(
      /64 hexadecimal characters; this one has 63/,
    );
    expect(problemText('baseUrl', { code: 'base-url', error: 'port' })).toMatch(/Remove the port/);
    expect(warningText({ code: 'unknown-host', host: 'vault.example.com' })).toMatch(/not a known Passportal host/);
  });

  it('names the site that shows the Connect form', () => {
    expect(siteText({ kind: 'embedded', origin: 'https://app.customer.test' }, 'https://connect.nango.dev')).toMatch(
      /^app\.customer\.test/,
    );
    expect(siteText({ kind: 'top-level' }, 'https://connect.nango.dev')).toMatch(/^connect\.nango\.dev/);
    expect(siteText({ kind: 'unknown' }, 'https://connect.nango.dev')).toMatch(/unknown site/);
  });
});

describe('unfillableFormText', () => {
  it('groups the fields by the reason they cannot be filled', () => {
    expect(
      unfillableFormText(
        {
          apiKey: { state: 'unavailable', problem: 'hidden' },
          hmacToken: { state: 'unavailable', problem: 'hidden' },
          content: { state: 'ambiguous', count: 2 },
          baseUrl: { state: 'missing' },
        },
        'connect.nango.dev',
      ),
    ).toBe(
      'Not filled: the Connect form on connect.nango.dev shows no field that can be filled safely — API Access Key ID, HMAC Token: the field is hidden; Content String: the form shows more than one such field.',
    );
  });
});
