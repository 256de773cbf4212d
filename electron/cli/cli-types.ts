/** Where a command writes; tests pass a fake to capture output. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

/** A `twin` subcommand. Exit codes: 0 success, 1 the work found a problem, 2 bad usage or unreadable input. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Input the command cannot read (a missing file or store): printed without the usage, exit 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A usage error: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
