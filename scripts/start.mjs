// `npm start`: install when needed, build, then open the desktop window. Where no Electron binary could be
// installed (or there is no display), say so in one line and serve the same app to the browser instead.
// Plain Node with no dependencies, so it runs on a fresh clone before `npm ci`.
//
//   npm start [-- --project FILE] [-- --data-dir DIR]     extra arguments go to the app (or to `twin web`)
//   TWIN_SKIP_BUILD=1 npm start                          reuse the last build
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appArgs = process.argv.slice(2);
const windows = process.platform === 'win32';

/** Run a command with our terminal; resolves to its exit code (128 + n when killed by a signal). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', (e) => {
      console.error(`Could not run ${command}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (signalNumbers[signal] ?? 1) : 1)));
  });
}

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** npm itself: the one that runs us when there is one (npm_execpath), else the one on PATH. */
function npm(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /\.(c?js)$/.test(execPath)) return run(process.execPath, [execPath, ...args]);
  // Windows needs a shell for npm.cmd.
  return run(windows ? 'npm.cmd' : 'npm', args, { shell: windows });
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Electron binary, found the way the `electron` package finds it: its path.txt names the executable
 * inside dist/, or inside ELECTRON_OVERRIDE_DIST_PATH when that is set. Null when there is none.
 */
function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const defaultName = windows ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const candidate = override ? path.join(override, relative || defaultName) : relative ? path.join(pkg, 'dist', relative) : null;
  return candidate && isExecutable(candidate) ? candidate : null;
}

/** Why the desktop window cannot open here, or null when it can. */
function whyNoDesktop(binary) {
  if (!binary) return 'Electron is not installed here (no binary in node_modules/electron)';
  const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headlessLinux) return 'Electron is installed but there is no display here ($DISPLAY and $WAYLAND_DISPLAY are unset)';
  return null;
}

/**
 * Run the app and pass our signals on, once. A Ctrl+C in the terminal reaches the child directly too, and
 * npm may relay it to us a second time; the child's handlers are one-shot (a second signal force-quits), so
 * it gets exactly one extra signal, the other of SIGINT/SIGTERM: a graceful stop either way, never a kill.
 */
function runForwardingSignals(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    let forwarded = false;
    const forward = (signal) => {
      if (forwarded || child.exitCode !== null) return;
      forwarded = true;
      child.kill(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT');
    };
    const onInt = () => forward('SIGINT');
    const onTerm = () => forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', (e) => {
      console.error(`Could not start ${command}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 128 + (signalNumbers[signal] ?? 1) : 1));
    });
  });
}

async function main() {
  if (!existsSync(path.join(root, 'node_modules'))) {
    console.log('Installing dependencies (npm ci)…');
    const code = await npm(['ci']);
    if (code !== 0) return code;
  }
  if (process.env.TWIN_SKIP_BUILD !== '1') {
    const code = await npm(['run', 'build']);
    if (code !== 0) {
      console.error('The build failed (npm run build); see the messages above.');
      return code;
    }
  }

  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron run as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const binary = electronBinary();
  const reason = whyNoDesktop(binary);
  if (binary && !reason) return runForwardingSignals(binary, ['.', ...appArgs], env);

  const cli = path.join(root, 'dist-electron', 'cli.cjs');
  if (!existsSync(cli)) {
    console.error(`${reason}, and the web host ${path.relative(root, cli)} is not built either; run npm run build.`);
    return 1;
  }
  console.error(`${reason}: serving the same app to your browser instead (open the URL below).`);
  return runForwardingSignals(process.execPath, [cli, 'web', ...appArgs], env);
}

process.exitCode = await main();
