// npm run bench:web-memory — the web host's memory under the hostile request bodies of issue 7: a 79 MB body
// to appInfo, three 79 MB connectSource bodies at once (to a source that never answers), a 50 MB project
// body of empty objects, and the largest valid project body. Each case runs against a fresh `twin web`
// (a child process, as users run it) and prints its peak resident memory (VmHWM from /proc, Linux), how
// long the refusal took, and how long an appInfo call made meanwhile took. Writes bench-results/web-host-memory.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { emptyDocument } from '../shared/twin/empty-document';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(__dirname, 'cli.cjs');
const MB = 1024 * 1024;

interface Host {
  child: ChildProcess;
  port: number;
  token: string;
  dataDir: string;
}

async function startHost(): Promise<Host> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twin-web-memory-'));
  const child = spawn(process.execPath, [CLI, 'web', '--data-dir', dataDir, '--demo-data', 'off'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Twin Studio: (\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`twin web exited with ${code}`)));
  });
  const u = new URL(url);
  return { child, port: Number(u.port), token: u.hash.slice('#token='.length), dataDir };
}

async function stopHost(h: Host): Promise<void> {
  await new Promise<void>((resolve) => {
    if (h.child.exitCode !== null) return resolve();
    h.child.once('exit', () => resolve());
    h.child.kill('SIGTERM');
  });
  rmSync(h.dataDir, { recursive: true, force: true });
}

/** Peak resident memory of a process in MB, from /proc (Linux); null elsewhere. */
function peakMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** POST a body generated chunk by chunk; resolves when the host answers (the rest of the body is not sent). */
function post(h: Host, method: string, chunks: Iterable<string>): Promise<{ status: number; ms: number; body: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: h.port,
      method: 'POST',
      path: `/api/${method}`,
      headers: { Host: `127.0.0.1:${h.port}`, Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
      // A connection of its own: an upload abandoned after its answer must not lend its socket to the next call.
      agent: false,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: body.slice(0, 300) }));
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    void (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => undefined);
  });
}

/** `head` + about `bytes` of "{}," + `tail`, in 1 MB chunks, never held whole. */
function* emptyObjects(bytes: number, head: string, tail: string): Generator<string> {
  yield head;
  const chunk = '{},'.repeat(349_525);
  for (let n = 0; n < bytes; n += chunk.length) yield chunk;
  yield `{}${tail}`;
}

/** A source that accepts connections and never answers. */
async function silentServer(): Promise<{ url: string; close(): void }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      sockets.forEach((s) => s.destroy());
      server.close();
    },
  };
}

interface CaseResult {
  case: string;
  statuses: number[];
  answerMs: number;
  appInfoMs: number;
  peakMb: number | null;
  said: string;
}

async function runCase(name: string, hostile: (h: Host) => Promise<{ status: number; ms: number; body: string }>[]): Promise<CaseResult> {
  const h = await startHost();
  try {
    const calls = hostile(h);
    // A normal call made while the hostile bodies stream in.
    const info = await post(h, 'appInfo', ['{}']);
    const answers = await Promise.all(calls);
    const said = (JSON.parse(answers[0]?.body ?? '{}') as { error?: { message?: string } }).error?.message ?? 'ok';
    return {
      case: name,
      statuses: answers.map((a) => a.status),
      answerMs: Math.max(...answers.map((a) => a.ms)),
      appInfoMs: info.ms,
      peakMb: peakMb(h.child.pid as number),
      said,
    };
  } finally {
    await stopHost(h);
  }
}

async function main(): Promise<void> {
  const silent = await silentServer();
  const profile = JSON.stringify({ kind: 'influx1', name: 'silent', url: silent.url, database: 'plant', timeoutMs: 600_000 });
  const document = JSON.stringify({ ...emptyDocument('big', 'Largest valid project'), pad: 'PAD' });
  const [docHead, docTail] = document.split('"PAD"') as [string, string];
  const results: CaseResult[] = [];
  try {
    results.push(await runCase('idle (one appInfo)', (h) => [post(h, 'appInfo', ['{}'])]));
    results.push(await runCase('appInfo, 79 MB body of {}', (h) => [post(h, 'appInfo', emptyObjects(79 * MB, '{"extra":[', ']}'))]));
    results.push(
      await runCase('3 × connectSource, 79 MB bodies of {}, silent source', (h) =>
        [1, 2, 3].map(() => post(h, 'connectSource', emptyObjects(79 * MB, `{"profile":${profile},"extra":[`, ']}'))),
      ),
    );
    results.push(
      await runCase('saveProject, 45 MB body of {} (15 M objects)', (h) => [
        post(h, 'saveProject', emptyObjects(45 * MB, `{"path":"/tmp/x.twin.json","expected":null,"document":${docHead}[`, `]${docTail}}`)),
      ]),
    );
    results.push(
      await runCase('saveProject, 49 MB valid project (saved)', (h) => {
        const file = path.join(h.dataDir, 'big.twin.json');
        const pad = 'p'.repeat(MB);
        return [
          post(h, 'saveProject', [
            `{"path":${JSON.stringify(file)},"expected":null,"document":${docHead}"`,
            ...Array.from({ length: 49 }, () => pad),
            `"${docTail}}`,
          ]),
        ];
      }),
    );
  } finally {
    silent.close();
  }
  const w = Math.max(...results.map((r) => r.case.length));
  console.log(`Web host memory under hostile bodies (fresh twin web per case; peak = VmHWM)`);
  console.log(`${'case'.padEnd(w)}  status        answer ms  appInfo ms  peak MB`);
  for (const r of results) {
    console.log(
      `${r.case.padEnd(w)}  ${r.statuses.join(',').padEnd(12)}  ${r.answerMs.toFixed(0).padStart(9)}  ${r.appInfoMs.toFixed(0).padStart(10)}  ${r.peakMb === null ? 'n/a' : r.peakMb.toFixed(0).padStart(7)}`,
    );
  }
  for (const r of results) if (r.said !== 'ok') console.log(`  ${r.case}: ${r.said}`);
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const out = { benchmark: 'web-host-memory', date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`, results };
  writeFileSync(path.join(ROOT, 'bench-results', 'web-host-memory.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('  written to bench-results/web-host-memory.json');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
