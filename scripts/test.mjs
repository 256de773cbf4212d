// `npm test`: every check, in the order that fails fastest. Plain Node so it runs on a fresh clone.
// Installs what the tests need when it can (npm packages; Chromium and InfluxDB 1.x with apt-get as root).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  const started = Date.now();
  process.stdout.write(`\n▶ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...opts });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stderr.write(`✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}) after ${secs} s\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`✔ ${cmd} ${args.join(' ')} (${secs} s)\n`);
};

if (!existsSync('node_modules/.package-lock.json')) run('npm', ['ci']);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const INFLUXD = '/usr/bin/influxd';
const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!existsSync(INFLUXD)) missing.push('influxdb');
if (missing.length) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    process.stderr.write(`The tests need ${missing.join(' and ')}: install with "sudo apt-get install -y ${missing.join(' ')}" (or set CHROMIUM_PATH).\n`);
    process.exit(1);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

run('npm', ['run', 'typecheck']);
run('npm', ['run', 'lint']);
run('npm', ['run', 'build']);
run('npx', ['vitest', 'run']);
run('npx', ['playwright', 'test']);
process.stdout.write('\nAll tests passed.\n');
