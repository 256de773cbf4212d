import { UsageError } from './cli-types';

export interface ParsedArgs {
  positional: string[];
  /** Option → values (repeatable options keep every value). */
  options: Map<string, string[]>;
  flags: Set<string>;
}

/**
 * Parse `--name value`, `--name=value` and bare flags. `valued` lists the options that take a value;
 * anything else starting with `--` must be in `flagNames`. Unknown options are usage errors.
 */
export function parseArgs(args: readonly string[], valued: readonly string[], flagNames: readonly string[] = [], multi: readonly string[] = []): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    if (multi.includes(name) && eq < 0) {
      // `--series A B C`: every following value up to the next option.
      const list = out.options.get(name) ?? [];
      let j = i + 1;
      while (j < args.length && !(args[j] as string).startsWith('--')) list.push(args[j++] as string);
      if (j === i + 1) throw new UsageError(`--${name} needs at least one value.`);
      out.options.set(name, list);
      i = j - 1;
    } else if (valued.includes(name) || multi.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      const list = out.options.get(name) ?? [];
      list.push(value);
      out.options.set(name, list);
    } else if (flagNames.includes(name) && eq < 0) out.flags.add(name);
    else throw new UsageError(`Unknown option --${name}.`);
  }
  return out;
}

/** The single value of an option, or undefined. */
export function optionValue(p: ParsedArgs, name: string): string | undefined {
  const v = p.options.get(name);
  if (v && v.length > 1) throw new UsageError(`--${name} is given more than once.`);
  return v?.[0];
}

/** Every value of a repeatable or multi-value option. */
export function optionValues(p: ParsedArgs, name: string): string[] {
  return p.options.get(name) ?? [];
}
