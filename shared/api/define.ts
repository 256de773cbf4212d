import type { z } from 'zod';

/** One API method: a runtime schema for its input and one for its output. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the docs and the CLI. */
  summary: string;
}

/** Declare a method; only here to keep inference of the two schemas exact. */
export function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> {
  return { input, output, summary };
}

/** `true` when two types are the same both ways: a `const x: SameType<A, B> = true` fails the build when they drift. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
