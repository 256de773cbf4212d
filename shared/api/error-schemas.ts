import { z } from 'zod';
import type { SameType } from './define';
import { errorKinds, type Problem, type TwinErrorData } from './errors';

/** Runtime schemas of errors.ts's types, for the contract's envelopes and problem lists. */
export const ProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']).default('error'),
});

export const TwinErrorDataSchema = z.object({
  kind: z.enum(errorKinds),
  message: z.string(),
  where: z.string().optional(),
  problems: z.array(ProblemSchema).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

// The hand-written types and the schemas cannot drift apart: either direction failing breaks the build.
const problemMatches: SameType<z.output<typeof ProblemSchema>, Problem> = true;
const errorMatches: SameType<z.output<typeof TwinErrorDataSchema>, TwinErrorData> = true;
void problemMatches;
void errorMatches;
