import { spawn, type ChildProcess } from 'node:child_process';
import type { InstalledCli } from './installed-cli';

/** `twin web` run through the installed bin as a child process, with what it printed kept for the test. */
export interface WebChild {
  url: string;
  token: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** POST /api/<method> with the token; resolves to the HTTP status and the body text. */
  call(method: string, input: unknown): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

export async function startWebChild(cli: InstalledCli, dataDir: string): Promise<WebChild> {
  const child: ChildProcess = spawn(process.execPath, [cli.bin, 'web', '--data-dir', dataDir, '--demo-data', 'off'], { cwd: cli.dir });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`twin web printed no URL in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const m = /Twin Studio: (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`twin web exited with ${code}:\n${output}`)));
  });
  const url = openUrl.slice(0, openUrl.indexOf('#'));
  const token = openUrl.slice(openUrl.indexOf('#token=') + 7);
  return {
    url,
    token,
    output: () => output,
    async call(method, input) {
      const res = await fetch(new URL(`api/${method}`, url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: await res.text() };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
