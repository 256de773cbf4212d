/** The layouts of historian exports the import recognises, vendors' first; `wide` and `long` are plain CSV. */
export const IMPORT_LAYOUTS = {
  'pi-long': 'PI export, one row per value (tag, timestamp, value)',
  'pi-wide': 'PI DataLink / SMT export, one column per tag',
  aveva: 'AVEVA (Wonderware) Historian query result',
  niagara: 'Niagara history export',
  ignition: 'Ignition tag history (t_stamp, one column per tag)',
  kepware: 'Kepware / IoT Gateway CSV (timestamp, tag, value, quality)',
  wide: 'CSV, one column per sensor',
  long: 'CSV, one row per value',
  'line-protocol': 'InfluxDB line protocol',
} as const;

export type LayoutId = keyof typeof IMPORT_LAYOUTS;

export const LAYOUT_IDS = Object.keys(IMPORT_LAYOUTS) as LayoutId[];
