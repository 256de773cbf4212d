import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultEnvelope } from '../../../shared/api/contract';
import { emptyDocument } from '../../../shared/twin/empty-document';
import { dispatch } from '../../hosts/dispatch';
import { createAppServices, type AppServices } from '../app-services';

/**
 * Issue 7, finding 4: what openProject refuses, saveProject and writeRecovery refuse first, with the same
 * reason — nesting too deep, reserved keys (`__proto__` included, which the schema parse used to drop
 * silently), a file over 50 MB — and a document nested 10,000 deep is a typed error, not a stack overflow.
 * Inputs go through dispatch as the hosts send them: JSON text parsed by JSON.parse.
 */

let dir: string;
let services: AppServices;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twin-policy-'));
  services = await createAppServices({
    dataDir: path.join(dir, 'data'),
    host: 'web',
    version: 'test',
    resourcesDir: dir,
    startupProject: null,
    dialogs: null,
    openExternal: null,
    demoData: { kind: 'off' },
  });
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A valid document's JSON text with `extra` (raw JSON text) as an unknown top-level field. */
function documentText(extra: string): string {
  const doc = { ...emptyDocument('policy-test', 'Policy test'), extra: 'EXTRA' };
  return JSON.stringify(doc, null, 2).replace('"EXTRA"', extra);
}

const call = (method: string, inputText: string): Promise<ResultEnvelope> => dispatch(services.handlers, method, JSON.parse(inputText));

async function refusal(method: string, inputText: string): Promise<{ kind: string; message: string }> {
  const r = await call(method, inputText);
  if (r.ok) throw new Error(`${method} accepted what it should refuse`);
  return r.error;
}

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const CASES: [string, string, string][] = [
  ['an unknown field nested 100 deep', nested(100), 'nesting deeper than 64 levels'],
  ['a "constructor" key', '{"constructor":{"x":1}}', 'the key "constructor" is not allowed in a project file (rename it)'],
  ['a "prototype" key', '[{"prototype":1}]', 'the key "prototype" is not allowed in a project file (rename it)'],
  ['a "__proto__" key', '{"__proto__":{"polluted":true}}', 'the key "__proto__" is not allowed in a project file (rename it)'],
  ['a 54 MB document', JSON.stringify('x'.repeat(54 * 1024 * 1024)), 'more than the 50.0 MB a project file may have'],
];

describe.each(CASES)('%s', (_, extra, reason) => {
  const text = documentText(extra);

  it('is refused by openProject, and by saveProject and writeRecovery first, with the same reason', async () => {
    const onDisk = path.join(dir, `opened-${CASES.findIndex((c) => c[1] === extra)}.twin.json`);
    writeFileSync(onDisk, text);
    const opened = await refusal('openProject', JSON.stringify({ path: onDisk }));
    expect(opened.message).toContain(reason);

    const target = path.join(dir, `saved-${CASES.findIndex((c) => c[1] === extra)}.twin.json`);
    const saved = await refusal('saveProject', `{"path":${JSON.stringify(target)},"expected":null,"document":${text}}`);
    expect(saved.message).toContain(reason);
    expect(saved.message).toMatch(/^Not saved: the project would not open again/);
    expect(saved.kind).not.toBe('internal');
    expect(existsSync(target)).toBe(false);

    const autosaved = await refusal('writeRecovery', `{"session":"s1","path":null,"document":${text}}`);
    expect(autosaved.message).toContain(reason);
    expect(autosaved.message).toMatch(/^Not autosaved/);
    expect(readdirSync(services.paths.recovery)).toEqual([]);
  });
});

describe('the edge of the policy', () => {
  it('a document nested 10,000 deep is a typed invalid-input, not a stack overflow', async () => {
    const text = documentText(nested(10_000));
    for (const [method, input] of [
      ['saveProject', `{"path":${JSON.stringify(path.join(dir, 'deep.twin.json'))},"expected":null,"document":${text}}`],
      ['writeRecovery', `{"session":"s2","path":null,"document":${text}}`],
    ] as const) {
      const e = await refusal(method, input);
      expect(e.kind).toBe('invalid-input');
      expect(e.message).toContain('nesting deeper than 64 levels');
    }
    // Any other method's input is held to the same depth before its schema parse.
    const other = await refusal('listRecovery', `{"exceptSession":${nested(10_000)}}`);
    expect([other.kind, other.message]).toEqual(['invalid-input', expect.stringContaining('nesting deeper than 65 levels')]);
  });

  it('the deepest document opening accepts saves, reopens, and autosaves into a recovery that is offered and read', async () => {
    // The document is level 1, its field "extra" holds the rest: 64 levels in all.
    const text = documentText(nested(63));
    const target = path.join(dir, 'deepest.twin.json');
    const saved = await call('saveProject', `{"path":${JSON.stringify(target)},"expected":null,"document":${text}}`);
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect((await call('openProject', JSON.stringify({ path: target }))).ok).toBe(true);

    expect((await call('writeRecovery', `{"session":"deepest","path":null,"document":${text}}`)).ok).toBe(true);
    const listed = await call('listRecovery', '{}');
    expect(listed.ok && (listed.value as { id: string }[]).map((e) => e.id)).toEqual(['deepest']);
    expect((await call('readRecovery', '{"id":"deepest"}')).ok).toBe(true);
    await call('discardRecovery', '{"id":"deepest"}');
  });
});
