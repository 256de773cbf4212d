/** Words and numbers the Import dialog shows, kept apart from its components so they stay small. */
import type { ImportPreview, ImportProgressEvent } from '../../../shared/api/source-schemas';
import { TIMESTAMP_FORMAT_EXAMPLES, isTimestampFormat } from '../../../shared/time/timestamp-format';

const n = (x: number) => x.toLocaleString('en');

/** A byte count for people: 1.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** The last part of a path. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The label of a timestamp format in the list: what the file's first timestamp becomes with it, or what the format looks like. */
export function timestampOptionLabel(format: string, preview: ImportPreview | null): string {
  if (format === 'auto') return preview && preview.timestampFormat !== 'unknown' ? `Detect (found ${preview.timestampFormat})` : 'Detect';
  const choice = preview?.timestampChoices.find((c) => c.format === format);
  const first = preview?.timestampSamples[0];
  if (choice && first !== undefined) {
    return `${format}: ${first} → ${choice.first ?? 'choose a zone to see the instant'}`;
  }
  return isTimestampFormat(format) ? `${format} (e.g. ${TIMESTAMP_FORMAT_EXAMPLES[format]})` : format;
}

/** One line of progress: which file, how far, how many rows. */
export function progressText(p: ImportProgressEvent): string {
  const percent = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 100;
  const file = p.files > 1 ? `file ${n(p.fileIndex + 1)} of ${n(p.files)} (${baseName(p.file)}), ` : '';
  return `Importing ${file}${percent} %: ${n(p.rows)} rows, ${n(p.points)} points so far.`;
}

/** The unit of a series for display: ` (kW)`, or nothing. */
export function unitSuffix(preview: { units: Record<string, string> }, key: string): string {
  const u = preview.units[key];
  return u ? ` (${u})` : '';
}

export { n as formatCount };
