/**
 * Quality as historians write it, read as data: a verdict per cell, null when the value is good, or the
 * name of the state that makes it a gap (counted per state, never stored as a number, never a reason to
 * refuse the file). PI writes system digital states in place of values (`I/O Timeout`, `Shutdown`);
 * AVEVA Historian a Quality code (0 good, 1 bad, 16 doubtful) and an OPC quality; OPC DA qualities are
 * good when their top two bits are set (192–255); Niagara writes status flags (`{ok}`, `{fault,stale}`).
 */

/** Null: good. A string: the state that makes the value a gap. */
export type Verdict = string | null;

/** PI's system digital states and the other bad-value words exports carry instead of numbers. */
const BAD_WORDS = [
  'Access Denied',
  'Arc Off-line',
  'Bad',
  'Bad Data',
  'Bad Input',
  'Bad Output',
  'Bad Quality',
  'Calc Failed',
  'Calc Off',
  'Calc Overflw',
  'Calc Timeout',
  'Coercion Failed',
  'Comm Fail',
  'Configure',
  'DCS Failed',
  'Doubtful',
  'Equip Fail',
  'Error',
  'Failed',
  'Filtered',
  'Intf Shut',
  'Invalid Data',
  'Invalid Float',
  'I/O Timeout',
  'No Data',
  'No Lab Data',
  'No Result',
  'No Sample',
  'Not Connect',
  'Out of Serv',
  'Over Range',
  'Pt Created',
  'Sample Bad',
  'Scan Off',
  'Scan Timeout',
  'Set to Bad',
  'Shutdown',
  'Under Range',
  'Unit Down',
  'Wrong Type',
];
const normal = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const BAD = new Set(BAD_WORDS.map(normal));

/** The bad state a cell names (PI system states and the like), as written, or null. */
export function badState(text: string): Verdict {
  const t = text.trim();
  if (BAD.has(normal(t))) return t;
  const niagara = niagaraStatusVerdict(t);
  return niagara;
}

/** A cell of text that names a state rather than a failed number: it starts with a letter (`Running`, `Shutdown`), not a digit or sign. */
export function looksLikeState(text: string): boolean {
  return /^\s*[A-Za-z{?]/.test(text) && !/^\s*(nan|inf|infinity)\s*$/i.test(text);
}

const OPC_DA: Record<number, string> = {
  0: 'Bad',
  4: 'Bad: config error',
  8: 'Bad: not connected',
  12: 'Bad: device failure',
  16: 'Bad: sensor failure',
  20: 'Bad: last known value',
  24: 'Bad: comm failure',
  28: 'Bad: out of service',
  64: 'Uncertain',
  68: 'Uncertain: last usable value',
  80: 'Uncertain: sensor not accurate',
  84: 'Uncertain: EU units exceeded',
  88: 'Uncertain: sub-normal',
};

/** An OPC quality code: DA (0–255, good when the top two bits are set) or UA (a 32-bit status, good when its top two bits are clear). */
export function opcQualityVerdict(text: string): Verdict {
  const t = text.trim();
  if (t === '') return null;
  if (!/^-?\d+$/.test(t) && !/^0x[0-9a-f]+$/i.test(t)) return textQualityVerdict(t);
  const n = Number(t);
  // Hex is how OPC UA status codes are written; decimal 0–255 is OPC DA.
  const hex = /^0x/i.test(t);
  if (!hex && n >= 0 && n <= 255) {
    if ((n & 0xc0) === 0xc0) return null;
    const name = OPC_DA[n & 0xfc] ?? ((n & 0xc0) === 0x40 ? 'Uncertain' : 'Bad');
    return `OPC ${n} (${name})`;
  }
  const status = n >>> 0;
  if (status >>> 30 === 0) return null;
  return `OPC UA 0x${status.toString(16).toUpperCase().padStart(8, '0')} (${status >>> 31 ? 'Bad' : 'Uncertain'})`;
}

/** AVEVA Historian's Quality column: 0 good, 1 bad, 16 doubtful. */
export function avevaQualityVerdict(text: string): Verdict {
  const t = text.trim();
  if (t === '' || t === '0') return null;
  if (t === '1') return 'Quality 1 (Bad)';
  if (t === '16') return 'Quality 16 (Doubtful)';
  return /^\d+$/.test(t) ? `Quality ${t}` : textQualityVerdict(t);
}

/** A quality written as a word (`Good`, `Bad`, `Uncertain`, `Good_Overload`, `Bad_Stale`) or an OPC number. */
export function textQualityVerdict(text: string): Verdict {
  const t = text.trim();
  if (t === '' || /^good\b/i.test(t) || /^good[_ ]/i.test(t) || /^ok$/i.test(t)) return null;
  if (/^-?\d+$/.test(t)) return opcQualityVerdict(t);
  return t;
}

const NIAGARA_BAD = new Set(['fault', 'down', 'stale', 'null', 'disabled']);

/** A Niagara status (`{ok}`, `{alarm,unackedAlarm}`, `{fault}`, `{down,stale}`): bad when any flag is fault, down, stale, null or disabled. */
export function niagaraStatusVerdict(text: string): Verdict {
  // The common cases first: every row of a history has a status, and most say {ok}.
  if (text === '{ok}' || text === '{}') return null;
  if (text === lastStatus) return lastVerdict;
  const verdict = readNiagaraStatus(text);
  lastStatus = text;
  lastVerdict = verdict;
  return verdict;
}

let lastStatus = '';
let lastVerdict: Verdict = null;

function readNiagaraStatus(text: string): Verdict {
  const t = text.trim();
  const m = /^\{([^}]*)\}(?:\s*@\s*\S+)?$/.exec(t);
  if (!m) return null;
  const flags = (m[1] as string)
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  return flags.some((f) => NIAGARA_BAD.has(f)) ? t : null;
}

/** A true/false flag column (PI's Questionable): true makes the value a gap named `label`. */
export function flagVerdict(text: string, label: string): Verdict {
  return /^\s*(true|1|yes|y)\s*$/i.test(text) ? label : null;
}

/** A flag that must be true for the value to pass (PI's Good column). */
export function goodFlagVerdict(text: string): Verdict {
  return /^\s*(false|0|no|n)\s*$/i.test(text) ? 'Not good' : null;
}

/** The kinds of quality column the layouts know. */
export type QualityKind = 'opc' | 'aveva' | 'niagara' | 'text' | 'questionable' | 'good-flag';

/** The verdict of a quality cell of a kind. */
export function qualityVerdict(kind: QualityKind, text: string): Verdict {
  switch (kind) {
    case 'opc':
      return opcQualityVerdict(text);
    case 'aveva':
      return avevaQualityVerdict(text);
    case 'niagara':
      return niagaraStatusVerdict(text);
    case 'text':
      return textQualityVerdict(text);
    case 'questionable':
      return flagVerdict(text, 'Questionable');
    case 'good-flag':
      return goodFlagVerdict(text);
  }
}
