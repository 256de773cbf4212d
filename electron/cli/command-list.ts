import type { CliCommand } from './cli-types';
import { validateCommand } from './commands/validate';
import { webCommand } from './commands/web';
import { catalogCommand, queryCommand, valueAtCommand } from './commands/source-commands';
import { seedCommand } from './commands/seed';
import { importCommand } from './commands/import';
import { pullCommand, pushCommand, revisionsCommand } from './commands/tenant-commands';
import { suggestCommand } from './bindings/suggest-command';
import { bindingsCommand } from './bindings/bindings-command';
import { cacheCommand } from './commands/cache';
import { residualsCommand } from './commands/residuals';

/** Every `twin` subcommand, in help order. */
export const commands: readonly CliCommand[] = [
  validateCommand,
  webCommand,
  catalogCommand,
  queryCommand,
  valueAtCommand,
  seedCommand,
  importCommand,
  pushCommand,
  pullCommand,
  revisionsCommand,
  suggestCommand,
  bindingsCommand,
  cacheCommand,
  residualsCommand,
];
