/**
 * Detecting how a column of timestamps is written, from a sample: ISO with or without offsets,
 * epoch numbers (unit from magnitude), or slashed dates, which need a declared day/month order.
 */
import { inferEpochUnit, looksLikeEpoch, type EpochUnit } from './epoch-units';
import { dateOrderOf, epochFormat, type TimestampFormat } from './timestamp-format';
import { parseIsoText, parseSlashedText } from './timestamp-text';

/** The rough shape of one timestamp text. */
export type TimestampShape = 'epoch' | 'iso' | 'ymd' | 'slashed' | null;

const YMD_SLASHED = /^\d{4}[/.]\d{1,2}[/.]\d{1,2}\b/;
const AMBIGUOUS_SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2\d{4}\b/;
const OFFSET_TAIL = /(?:Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$/;

/** Classify one text; null when it is no timestamp form we read. */
export function timestampShape(raw: string): TimestampShape {
  const text = raw.trim();
  if (text === '') return null;
  if (looksLikeEpoch(text)) return 'epoch';
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return 'iso';
  if (YMD_SLASHED.test(text)) return 'ymd';
  if (AMBIGUOUS_SLASHED.test(text)) return 'slashed';
  return null;
}

export interface TimestampDetection {
  /** The format to read the column with, or null when it cannot be decided (see `problem`). */
  format: TimestampFormat | null;
  /** For epoch columns, the unit inferred from magnitude. */
  epochUnit: EpochUnit | null;
  /** Some timestamps carry no offset, so the import needs a time zone. */
  needsTimeZone: boolean;
  problem: string | null;
}

function hasOffset(text: string, format: TimestampFormat): boolean {
  const order = dateOrderOf(format);
  const p = order === null ? parseIsoText(text) : parseSlashedText(text, order);
  return p.ok ? p.offsetMs !== null : OFFSET_TAIL.test(text) && !/^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** Detect a column's timestamp format from sample texts, or use the declared one and only check for zones. */
export function detectTimestampFormat(samples: readonly string[], declared: TimestampFormat | 'auto' = 'auto'): TimestampDetection {
  const texts = samples.map((s) => s.trim()).filter((s) => s !== '');
  const counts = new Map<TimestampShape, number>();
  for (const t of texts) {
    const shape = timestampShape(t);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  let format: TimestampFormat | null = declared === 'auto' ? null : declared;
  let epochUnit: EpochUnit | null = null;
  if (format === null) {
    let best: TimestampShape = null;
    let bestCount = 0;
    for (const [shape, n] of counts) if (shape !== null && n > bestCount) [best, bestCount] = [shape, n];
    if (best === null) {
      const example = texts[0];
      return {
        format: null,
        epochUnit: null,
        needsTimeZone: false,
        problem:
          example === undefined
            ? 'No timestamps found to detect their format.'
            : `Timestamps like "${example}" are in no format we read: declare the timestamp format.`,
      };
    }
    if (best === 'slashed') return { format: null, epochUnit: null, needsTimeZone: false, problem: slashedProblem(texts) };
    if (best === 'epoch') {
      epochUnit = inferEpochUnit(texts.filter(looksLikeEpoch).map(Number));
      format = epochFormat(epochUnit ?? 'ms');
    } else format = best === 'ymd' ? 'YYYY/MM/DD' : 'iso';
  }
  if (format.startsWith('epoch-')) return { format, epochUnit, needsTimeZone: false, problem: null };
  const fmt = format;
  const needsTimeZone = texts.some((t) => !hasOffset(t, fmt));
  return { format, epochUnit, needsTimeZone, problem: null };
}

function slashedProblem(texts: readonly string[]): string {
  const example = texts.find((t) => AMBIGUOUS_SLASHED.test(t)) ?? '';
  let dayFirst = false;
  let monthFirst = false;
  for (const t of texts) {
    const m = AMBIGUOUS_SLASHED.exec(t);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[3]) > 12) monthFirst = true;
  }
  const hint =
    dayFirst && !monthFirst
      ? ' The file has days above 12 first, which suggests DD/MM/YYYY.'
      : monthFirst && !dayFirst
        ? ' The file has days above 12 second, which suggests MM/DD/YYYY.'
        : '';
  return `Dates like "${example}" can be read day-first or month-first: declare the timestamp format (MM/DD/YYYY or DD/MM/YYYY).${hint}`;
}
