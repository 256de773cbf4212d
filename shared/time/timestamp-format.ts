import type { EpochUnit } from './epoch-units';

/**
 * The timestamp formats an import may declare or have detected (ImportOptions.timestampFormat without 'auto').
 * Every textual format takes an optional time of day (24-hour or with AM/PM, fractional seconds to 9 digits)
 * and an optional zone (an offset, UTC/GMT, or an abbreviation such as EDT, which must agree with the chosen zone).
 */
export const TIMESTAMP_FORMATS = [
  'iso',
  'epoch-s',
  'epoch-ms',
  'epoch-us',
  'epoch-ns',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'YYYY/MM/DD',
  'MM/DD/YY',
  'DD/MM/YY',
  'DD-MMM-YY',
  'DD-MMM-YYYY',
  'MMM DD, YYYY',
] as const;

export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

/** What each format looks like, for the list the user chooses from. */
export const TIMESTAMP_FORMAT_EXAMPLES: Record<TimestampFormat, string> = {
  iso: '2025-07-01 13:45:00, 2025-07-01T13:45:00Z',
  'epoch-s': '1751377500 (seconds)',
  'epoch-ms': '1751377500000 (milliseconds)',
  'epoch-us': '1751377500000000 (microseconds)',
  'epoch-ns': '1751377500000000000 (nanoseconds)',
  'MM/DD/YYYY': '07/01/2025 1:45:00 PM',
  'DD/MM/YYYY': '01/07/2025 13:45:00',
  'YYYY/MM/DD': '2025/07/01 13:45',
  'MM/DD/YY': '07/01/25 1:45 PM',
  'DD/MM/YY': '01/07/25 13:45',
  'DD-MMM-YY': '01-Jul-25 13:45:00 (PI, Niagara)',
  'DD-MMM-YYYY': '1-Jul-2025 13:45:00',
  'MMM DD, YYYY': 'Jul 1, 2025 1:45:00 PM',
};

/** Whether a string names a format. */
export function isTimestampFormat(text: string): text is TimestampFormat {
  return (TIMESTAMP_FORMATS as readonly string[]).includes(text);
}

/** The epoch unit of a format, or null for textual formats. */
export function epochUnitOf(format: TimestampFormat): EpochUnit | null {
  switch (format) {
    case 'epoch-s':
      return 's';
    case 'epoch-ms':
      return 'ms';
    case 'epoch-us':
      return 'us';
    case 'epoch-ns':
      return 'ns';
    default:
      return null;
  }
}

/** The format naming an epoch unit. */
export function epochFormat(unit: EpochUnit): TimestampFormat {
  return `epoch-${unit}`;
}
