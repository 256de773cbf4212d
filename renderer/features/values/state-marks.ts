/**
 * How each state is drawn: a colour from the Okabe–Ito palette (safe for the common colour-vision deficiencies)
 * and always a symbol and words too, so no state is told by colour alone. The legend lists these.
 */
export const STATE_MARKS = [
  { kind: 'value', id: 'exact', name: 'Exact', symbol: '●', sample: '6.72 °C', className: 'value--exact', meaning: 'the value the source holds at the cursor' },
  {
    kind: 'value',
    id: 'approximate',
    name: 'Approximate',
    symbol: '≈',
    sample: '6.7 °C',
    className: 'value--approximate',
    meaning: 'read from the loaded windows while the cursor moves; exact once it rests',
  },
  {
    kind: 'value',
    id: 'stale',
    name: 'Stale',
    symbol: '◔',
    sample: '6.72 °C 2 h old',
    className: 'value--stale',
    meaning: 'no newer point for longer than usual, or frozen',
  },
  {
    kind: 'value',
    id: 'missing',
    name: 'Missing',
    symbol: '✕',
    sample: 'no data',
    className: 'value--missing',
    meaning: 'no point at the cursor, or its source not connected: never drawn as zero or an old value',
  },
  {
    kind: 'equipment',
    id: 'running',
    name: 'Running',
    symbol: '▶',
    sample: 'Running',
    className: 'equipment--running',
    meaning: 'from its status, else power or speed',
  },
  {
    kind: 'equipment',
    id: 'stopped',
    name: 'Stopped',
    symbol: '■',
    sample: 'Stopped',
    className: 'equipment--stopped',
    meaning: 'status off, or power or speed below running',
  },
  {
    kind: 'equipment',
    id: 'position',
    name: 'Valve position',
    symbol: '◧',
    sample: '42 % open',
    className: 'equipment--position',
    meaning: 'from its position sensor, 0 closed – 100 open',
  },
] as const;

/** The symbol drawn for a reading state. */
export const STATE_SYMBOL: Readonly<Record<'exact' | 'approximate' | 'stale' | 'missing', string>> = {
  exact: '●',
  approximate: '≈',
  stale: '◔',
  missing: '✕',
};
