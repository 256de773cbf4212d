/** Problems found while reading files, by file and line: all are counted, the first 1,000 are kept. */
import type { GapCount, LineProblem } from '../../shared/api/source-schemas';

export const MAX_LISTED_PROBLEMS = 1000;
/** Longest message kept: a thousand problems stay a small reply whatever the file held. */
const MAX_MESSAGE = 500;

/** A message cut to the length kept. */
export function shortMessage(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE)}… (message of ${message.length.toLocaleString('en')} characters cut)`;
}

export class ProblemLog {
  readonly listed: LineProblem[] = [];
  count = 0;

  add(line: number, message: string, file?: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      const m = shortMessage(message);
      this.listed.push(file === undefined ? { line, message: m } : { line, message: m, file });
    }
  }
}

/** Distinct states kept by name; past this many, the rest are counted together (a text column of free text stays bounded). */
const MAX_STATES = 200;
const OTHER = 'other states';

/** Gaps counted per state (`I/O Timeout`: 12, `{fault}`: 3), as the preview and the result report them. */
export class GapTally {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(state: string): void {
    this.total++;
    const known = this.counts.get(state);
    if (known !== undefined) this.counts.set(state, known + 1);
    else if (this.counts.size < MAX_STATES) this.counts.set(state, 1);
    else this.counts.set(OTHER, (this.counts.get(OTHER) ?? 0) + 1);
  }

  /** The states, most frequent first. */
  list(): GapCount[] {
    return [...this.counts].map(([state, count]) => ({ state, count })).sort((a, b) => b.count - a.count || (a.state < b.state ? -1 : 1));
  }
}
