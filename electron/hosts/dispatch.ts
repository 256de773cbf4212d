import { contract, type MethodName, type MethodOutput, type ParsedInput, type ResultEnvelope } from '../../shared/api/contract';
import { toErrorData, type Problem, type TwinErrorData } from '../../shared/api/errors';
import { boundText, quoteInput } from '../../shared/api/quote-input';
import { inputGuard } from './input-guards';

/** The service side of the contract: one function per method, taking the parsed input. */
export type Handlers = { [K in MethodName]: (input: ParsedInput<K>) => Promise<MethodOutput<K>> };

/** Whether a string names a contract method (own keys only: `toString`, `__proto__` are not methods). */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** Problems an error may list, and how long its texts may be: a reply is never made huge by what a caller sent. */
const MAX_PROBLEMS = 50;
const MAX_MESSAGE = 2_000;
const MAX_SHORT = 500;

/** The error with its texts cut to size, saying how long they were, whatever threw it. */
export function boundError(e: TwinErrorData): TwinErrorData {
  const out: TwinErrorData = { ...e, message: boundText(e.message, MAX_MESSAGE) };
  if (e.where !== undefined) out.where = boundText(e.where, MAX_SHORT);
  if (e.problems !== undefined) {
    out.problems = e.problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, path: boundText(p.path, MAX_SHORT), message: boundText(p.message, MAX_SHORT) }));
  }
  return out;
}

/**
 * Parse the input of a call from an untrusted caller, run the handler and wrap the outcome in an envelope.
 * Every host goes through here, so no host can forget to validate.
 */
export async function dispatch(handlers: Handlers, name: string, rawInput: unknown): Promise<ResultEnvelope> {
  if (!isMethodName(name)) return { ok: false, error: { kind: 'invalid-input', message: `There is no API method ${quoteInput(name)}.` } };
  const input = rawInput === undefined ? {} : rawInput;
  const refused = inputGuard(name, input);
  if (refused) return { ok: false, error: boundError(refused) };
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.slice(0, 50).map((i) => ({ path: issuePath(i.path), message: i.message, severity: 'error' }));
    const first = problems[0];
    return {
      ok: false,
      error: { kind: 'invalid-input', message: `Invalid input for ${name}${first ? `: ${first.path}: ${first.message}` : ''}`, problems },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: boundError(toErrorData(e)) };
  }
}

export type { MethodName };
