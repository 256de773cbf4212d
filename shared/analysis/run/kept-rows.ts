import type { ResolvedModel } from '../model/resolve-model';
import { AnalysisError } from './analysis-error';
import type { InputColumns } from './input-columns';
import type { DroppedReason } from './run-types';

/**
 * The grid rows a run keeps: the target and every used input present and finite, and the filter true.
 * Each dropped row is counted once, under the first reason in this order: target missing, an input read
 * from a sensor missing, a derived input not computable, the filter false or unknown. An input missing in
 * every row, or a target with no data at all, is an error rather than a run of nothing.
 */
export function keptRows(resolved: ResolvedModel, cols: InputColumns, rows: number, where: string): { rows: Int32Array; dropped: DroppedReason[] } {
  const checks: { reason: string; column: Float64Array; test: 'finite' | 'true'; input?: string; series?: string }[] = [
    { reason: `target ${resolved.target.series} has no value`, column: cols.target, test: 'finite', series: resolved.target.series },
  ];
  const ordered = [...resolved.inputs].sort((a, b) => (a.source.kind === b.source.kind ? 0 : a.source.kind === 'series' ? -1 : 1));
  for (const input of ordered) {
    if (!cols.used.has(input.name)) continue;
    const src = input.source;
    const reason = src.kind === 'series' ? `input ${input.name} (${src.series}) has no value` : `input ${input.name} = ${src.text} cannot be computed`;
    checks.push({
      reason,
      column: cols.inputs.get(input.name) as Float64Array,
      test: 'finite',
      input: input.name,
      ...(src.kind === 'series' ? { series: src.series } : {}),
    });
  }
  if (cols.filter && resolved.filter) checks.push({ reason: `filter ${resolved.filter.text} is not true`, column: cols.filter, test: 'true' });

  const counts = new Array<number>(checks.length).fill(0);
  const present = new Array<number>(checks.length).fill(0);
  const keep: number[] = [];
  for (let i = 0; i < rows; i++) {
    let first = -1;
    for (let c = 0; c < checks.length; c++) {
      const check = checks[c] as (typeof checks)[number];
      const v = check.column[i] as number;
      const ok = check.test === 'finite' ? v - v === 0 : v > 0;
      if (ok) present[c] = (present[c] as number) + 1;
      else if (first < 0) first = c;
    }
    if (first < 0) keep.push(i);
    else counts[first] = (counts[first] as number) + 1;
  }
  checks.forEach((check, c) => {
    if (rows > 0 && present[c] !== 0) return;
    if (c === 0)
      throw new AnalysisError('no-data', `The target ${resolved.target.series} has no data ${where}. Check the range, the source, or the sensor's series key.`);
    if (check.test === 'true')
      throw new AnalysisError('no-rows', `The filter ${resolved.filter?.text} is not true in any row ${where}; change the filter or the range.`);
    throw new AnalysisError(
      'input-missing',
      check.series
        ? `The input ${check.input} (${check.series}) has no data ${where}. Check its binding, the source, or the range.`
        : `The input ${check.input} cannot be computed in any row ${where} (its expression always divides by zero, takes a root of a negative, or reads inputs that are never present together).`,
    );
  });
  const dropped = checks.map((check, c) => ({ reason: check.reason, rows: counts[c] as number })).filter((d) => d.rows > 0);
  if (keep.length === 0) {
    const top = [...dropped].sort((a, b) => b.rows - a.rows)[0];
    throw new AnalysisError(
      'no-rows',
      `No row ${where} has the target and every input together${top ? ` (most often: ${top.reason})` : ''}. Check the inputs' data and the filter.`,
    );
  }
  return { rows: Int32Array.from(keep), dropped };
}
