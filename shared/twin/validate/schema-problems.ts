import type { z } from 'zod';
import type { Problem } from '../../api/errors';
import { jsonPath, type PathPart } from './json-path';

type Issue = z.core.$ZodIssue;

// zod says "Invalid input: expected string, received undefined"; a user reads "is missing" faster.
function plain(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  if (missing) return `is missing (expected ${article(missing[1] as string)})`;
  return message.replace(/^Invalid input: /, '').replace(/^Invalid option: /, '');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

// A union says only "Invalid input"; list what each branch wanted instead ("expected 0, 90, 180 or 270").
function unionMessage(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  const wanted: string[] = [];
  let received = '';
  for (const branch of issue.errors) {
    const [only] = branch;
    if (branch.length !== 1 || !only || only.path.length > 0) return 'does not match any allowed form';
    if (only.code === 'invalid_value') wanted.push(...only.values.map((v) => JSON.stringify(v)));
    else if (only.code === 'invalid_type') {
      wanted.push(only.expected);
      received = / received (\w+)$/.exec(only.message)?.[1] ?? received;
    } else return 'does not match any allowed form';
  }
  const list = wanted.length > 1 ? `${wanted.slice(0, -1).join(', ')} or ${wanted[wanted.length - 1]}` : (wanted[0] ?? '');
  return received ? `expected ${list}, received ${received}` : `expected ${list}`;
}

/** Turn zod issues into problems with JSON paths, `prefix` being where the parsed value sits in the file. */
export function schemaProblems(issues: readonly Issue[], prefix: readonly PathPart[] = []): Problem[] {
  return issues.map((issue) => ({
    path: jsonPath([...prefix, ...issue.path]),
    message: issue.code === 'invalid_union' ? unionMessage(issue) : plain(issue.message),
    severity: 'error' as const,
  }));
}
