import type { EpochUnit } from './epoch-units';
import type { DateOrder } from './timestamp-text';

/** The timestamp formats an import may declare or have detected (ImportOptions.timestampFormat without 'auto'). */
export type TimestampFormat = 'iso' | 'epoch-s' | 'epoch-ms' | 'epoch-us' | 'epoch-ns' | 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'YYYY/MM/DD';

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

/** The date order of a slashed format, or null. */
export function dateOrderOf(format: TimestampFormat): DateOrder | null {
  if (format === 'MM/DD/YYYY') return 'MDY';
  if (format === 'DD/MM/YYYY') return 'DMY';
  if (format === 'YYYY/MM/DD') return 'YMD';
  return null;
}
