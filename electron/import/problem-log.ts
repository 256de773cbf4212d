/** Problems found while reading a file, by line: all are counted, the first 1,000 are kept. */
import type { LineProblem } from '../../shared/api/source-schemas';

export const MAX_LISTED_PROBLEMS = 1000;

export class ProblemLog {
  readonly listed: LineProblem[] = [];
  count = 0;

  add(line: number, message: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push({ line, message });
  }
}
