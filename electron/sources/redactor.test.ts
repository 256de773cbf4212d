import { describe, expect, it } from 'vitest';
import { TwinError, twinError } from '../../shared/api/errors';
import type { TimeSeriesSource } from './source';
import { RedactingSource } from './redacting-source';
import { excerpt, printable, profileRedactor, Redactor } from './redactor';

const SECRET = 'hunter2-Secret/+pw';

describe('Redactor', () => {
  it('blanks a secret in every spelling a server or a URL gives it', () => {
    const r = Redactor.of({ username: 'reader', password: SECRET });
    const spellings = [
      SECRET,
      encodeURIComponent(SECRET),
      new URLSearchParams({ p: SECRET }).toString().slice(2),
      JSON.stringify(SECRET).slice(1, -1),
      Buffer.from(SECRET).toString('base64'),
      Buffer.from(`reader:${SECRET}`).toString('base64'),
      Buffer.from(`reader:${SECRET}`).toString('base64url'),
      // The secret inside other text, at each byte alignment of the base64.
      Buffer.from(`x${SECRET}y`).toString('base64'),
      Buffer.from(`xy${SECRET}`).toString('base64'),
    ];
    for (const s of spellings) {
      const out = r.text(`server said: ${s} (end)`);
      expect(out, s).toContain('***');
      expect(out, s).not.toContain('hunter2');
      expect(
        out
          .replace('server said: ', '')
          .replace(' (end)', '')
          .replace(/\*\*\*/g, '').length,
        s,
      ).toBeLessThanOrEqual(6);
    }
  });

  it('knows the user info of a URL and the Authorization value', () => {
    const r = Redactor.of({ url: `http://reader:${encodeURIComponent(SECRET)}@influx:8086`, authorization: 'Token tok-abcdef-123' });
    expect(r.text(`u=${SECRET} a=Token tok-abcdef-123 t=tok-abcdef-123`)).toBe('u=*** a=*** t=***');
    expect(
      profileRedactor({ kind: 'influx2', name: 'x', url: 'http://h', org: 'o', bucket: 'b', token: 'tok-abcdef-123', timeoutMs: 1 }).text('tok-abcdef-123'),
    ).toBe('***');
  });

  it('ignores secrets too short to blank without garbling the message', () => {
    expect(new Redactor(['ab', undefined, '']).text('a bad abacus')).toBe('a bad abacus');
  });

  it('quotes server text as one short printable line, secrets out before the cut', () => {
    const r = new Redactor([SECRET]);
    const body = `${'x'.repeat(100)}${SECRET}\u0007\u001b[31m\u202e more`;
    expect(r.quote(body)).toBe(`${'x'.repeat(100)}*** [31m more`);
    expect(r.quote(`${'y'.repeat(118)}${SECRET}`)).toBe(`${'y'.repeat(118)}**… (121 characters in all)`);
    expect(printable('a\r\nb\tc\u0000d\u2028e')).toBe('a b c d e');
    expect(excerpt('é'.repeat(5), 3)).toBe('ééé… (5 characters in all)');
  });

  it('redacts a TwinError whole: message, where, problems and details, keeping its kind', () => {
    const e = twinError('unauthorized', `refused ${SECRET}`, {
      where: `host ${SECRET}`,
      problems: [{ path: `$.${SECRET}`, message: SECRET, severity: 'error' }],
      details: { said: SECRET, n: 3 },
    });
    const out = new Redactor([SECRET]).error(e) as TwinError;
    expect(out).toBeInstanceOf(TwinError);
    expect(out.toData()).toEqual({
      kind: 'unauthorized',
      message: 'refused ***',
      where: 'host ***',
      problems: [{ path: '$.***', message: '***', severity: 'error' }],
      details: { said: '***', n: 3 },
    });
    expect(out.stack).not.toContain('hunter2');
    const plain = new Redactor([SECRET]).error(new TypeError(`fetch ${SECRET}`)) as Error;
    expect([plain.name, plain.message]).toEqual(['TypeError', 'fetch ***']);
  });
});

describe('RedactingSource', () => {
  it('passes every error and write report of the source it wraps through the redactor', async () => {
    const leak = () => Promise.reject(twinError('source-error', `server echoed ${SECRET}`));
    const inner: TimeSeriesSource = {
      kind: 'influx1',
      catalog: leak,
      windows: leak,
      valueAt: leak,
      raw: leak,
      write: async () => ({ written: 1, dropped: 1, errors: [`dropped: ${SECRET}`] }),
      writeRecords: async () => ({ written: 0, dropped: 1, errors: [`refused: ${SECRET}`] }),
      deleteRange: leak,
      close: leak,
    };
    const source = new RedactingSource(inner, new Redactor([SECRET]));
    const layout = { from: 0, to: 10, width: 1, n: 10 };
    for (const call of [
      () => source.catalog(),
      () => source.windows(['a#v'], layout),
      () => source.valueAt(['a#v'], 0),
      () => source.raw('a#v', { from: 0, to: 1 }, 1),
      () => source.deleteRange({ measurement: 'twin_alert', tags: {}, from: 0, to: 1 }),
      () => source.close(),
    ]) {
      await expect(call()).rejects.toMatchObject({ kind: 'source-error', message: 'server echoed ***' });
    }
    expect(await source.write([{ key: 'a#v', t: 0, value: 1 }])).toEqual({ written: 1, dropped: 1, errors: ['dropped: ***'] });
    expect(await source.writeRecords([{ measurement: 'm', tags: {}, fields: { v: 1 }, t: 0 }])).toEqual({ written: 0, dropped: 1, errors: ['refused: ***'] });
    expect(source.kind).toBe('influx1');
  });
});
