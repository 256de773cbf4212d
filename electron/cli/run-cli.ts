import { commands } from './command-list';
import { InputError, UsageError, type CliIo } from './cli-types';

/** Output to the process's own stdout and stderr. */
export const processIo: CliIo = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Twin Studio command-line tool',
    '',
    'Usage: twin <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'twin <command> --help shows its options.',
  ].join('\n');
}

/** Run the CLI with arguments (without node and the script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(process.env.TWIN_VERSION ?? '0.1.0');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`twin ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`twin ${name}: ${e.message}`);
      return 2;
    }
    io.err(`twin ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
