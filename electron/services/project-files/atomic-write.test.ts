import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../../shared/sim/prng';
import { writeFileAtomic } from './atomic-write';
import { listProjectFolder } from './list-projects';
import { readProjectFile } from './read-project';
import { saveProjectFile, serializeDocument } from './save-project';
import { isTempFileName, sweepTempFiles, tempPathFor } from './temp-files';
import { revisionDocument, revisionOf } from './test-support/revision-document';

// Each round starts a process (~0.5 s here); raise TWIN_KILL_ROUNDS for a longer soak.
const ROUNDS = Number(process.env.TWIN_KILL_ROUNDS ?? 24);
const SEED = Number(process.env.TWIN_KILL_SEED ?? Date.now() % 1_000_000);

const root = mkdtempSync(path.join(os.tmpdir(), 'twin-atomic-'));
const childScript = path.join(root, 'save-loop-child.cjs');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  await build({
    entryPoints: [path.join(__dirname, 'test-support/save-loop-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: childScript,
    logLevel: 'error',
  });
});

interface Round {
  /** Newest revision the child reported as saved (or found on start). */
  reported: number;
  saves: number;
  /** Times between consecutive reports (ready → saved, saved → saved), to learn how long a save takes. */
  cycles: number[];
}

/**
 * Start the saving child and SIGKILL it `delayMs` after its `afterSaves`-th report ("ready" is the 0th).
 * Counting reports rather than time from the start keeps the kills inside saves however slowly the
 * machine starts processes.
 */
function killRound(file: string, afterSaves: number, delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const round: Round = { reported: -1, saves: 0, cycles: [] };
    let buffered = '';
    let stderr = '';
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const [word, n] = buffered.slice(0, nl).split(' ');
        buffered = buffered.slice(nl + 1);
        const now = performance.now();
        if (last > 0) round.cycles.push(now - last);
        last = now;
        round.reported = Number(n);
        if (word === 'saved') round.saves++;
        if (round.saves === afterSaves && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(round);
      else reject(new Error(`the saving child exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('atomic save under SIGKILL', () => {
  it(`leaves the old or the new complete project, never a broken one, over ${ROUNDS} kills (seed ${SEED})`, async () => {
    const dir = mkdtempSync(path.join(root, 'kill-'));
    const file = path.join(dir, 'plant.twin.json');
    await saveProjectFile(file, revisionDocument(0), null);
    const random = new Prng(SEED);
    let midWrite = 0;
    let afterRename = 0;
    let saves = 0;
    let cycle = 40;
    const started = Date.now();
    for (let i = 0; i < ROUNDS; i++) {
      // Kill at a random point of a random one of the first three saves: the cycle is learnt as we go.
      const { reported, saves: n, cycles: seen } = await killRound(file, Math.floor(random.next() * 3), random.next() * cycle);
      if (seen.length > 0) cycle = seen.reduce((a, b) => a + b, 0) / seen.length;
      saves += n;
      // Temp files are not swept during the loop, so each kill that left one adds one.
      midWrite = readdirSync(dir).filter(isTempFileName).length;

      // Must open as a complete revision: the one last reported, or the next one if the kill came between
      // the rename and the report. Byte-for-byte, so a torn write cannot pass as valid JSON.
      const opened = await readProjectFile(file);
      const rev = revisionOf(opened.document);
      expect([i, rev - reported]).toSatisfy(([, d]: number[]) => d === 0 || d === 1);
      if (rev === reported + 1) afterRename++;
      expect(readFileSync(file).equals(serializeDocument(revisionDocument(rev)))).toBe(true);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `kill test: ${ROUNDS} kills in ${seconds.toFixed(1)} s, ${saves} completed saves, ` +
        `${midWrite} kills left a temp file (killed mid-write), ${afterRename} came between rename and report, save cycle ~${cycle.toFixed(0)} ms; the project was intact every time (seed ${SEED})`,
    );

    // Orphaned temp files are never offered as projects, and a sweep at start removes them once old.
    const temps = readdirSync(dir).filter(isTempFileName);
    expect(temps.length).toBe(midWrite);
    expect((await listProjectFolder(dir)).files.map((f) => f.name)).toEqual(['plant']);
    // Younger than a minute (as seen from the oldest one's birth) they may be a save in progress: kept.
    const oldest = Math.min(...temps.map((t) => statSync(path.join(dir, t)).mtimeMs));
    expect(await sweepTempFiles(dir, { now: oldest })).toEqual([]);
    const removed = await sweepTempFiles(dir, { now: Date.now() + 61_000 });
    expect(removed.map((p) => path.basename(p)).sort()).toEqual(temps.sort());
    expect(readdirSync(dir)).toEqual(['plant.twin.json']);
  }, 300_000);
});

describe('writeFileAtomic', () => {
  it('replaces a file and leaves no temp file behind', async () => {
    const dir = mkdtempSync(path.join(root, 'w-'));
    const file = path.join(dir, 'a.twin.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.twin.json']);
  });

  it('keeps the old file and removes the temp file when the write is abandoned', async () => {
    const dir = mkdtempSync(path.join(root, 'w-'));
    const file = path.join(dir, 'a.twin.json');
    writeFileSync(file, 'old');
    const abandon = writeFileAtomic(file, 'new', {
      beforeRename: async () => {
        // The complete new content is on disk beside the old file at this point.
        expect(readdirSync(dir).filter(isTempFileName).length).toBe(1);
        throw new Error('changed on disk');
      },
    });
    await expect(abandon).rejects.toThrow('changed on disk');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.twin.json']);
  });
});

describe('temp files', () => {
  it('are named recognisably in the target folder and never look like projects', () => {
    const temp = tempPathFor('/plants/b7.twin.json');
    expect(path.dirname(temp)).toBe('/plants');
    expect(path.basename(temp)).toMatch(/^\.b7\.twin\.json\.[0-9a-f]{12}\.tmp$/);
    expect(isTempFileName(path.basename(temp))).toBe(true);
    for (const name of ['b7.twin.json', '.b7.twin.json', 'b7.twin.json.tmp', '.b7.twin.json.123.tmp', 'notes.tmp']) expect(isTempFileName(name)).toBe(false);
  });

  it('are swept only when older than a minute, and nothing else is', async () => {
    const dir = mkdtempSync(path.join(root, 's-'));
    const old = tempPathFor(path.join(dir, 'a.twin.json'));
    const young = tempPathFor(path.join(dir, 'a.twin.json'));
    for (const f of [old, young, path.join(dir, 'a.twin.json'), path.join(dir, 'keep.tmp')]) writeFileSync(f, 'x');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(old, twoMinutesAgo, twoMinutesAgo);
    utimesSync(path.join(dir, 'keep.tmp'), twoMinutesAgo, twoMinutesAgo);
    expect(await sweepTempFiles(dir)).toEqual([old]);
    expect(readdirSync(dir).sort()).toEqual([path.basename(young), 'a.twin.json', 'keep.tmp'].sort());
    expect(await sweepTempFiles(path.join(dir, 'missing'))).toEqual([]);
  });
});
