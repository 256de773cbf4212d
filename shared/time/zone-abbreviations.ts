/**
 * Zone abbreviations (`EDT`, `CST`, `CET`) as historians write them after a wall time. One abbreviation
 * can mean several zones (`CST` is US Central, China and Cuba), so it is only read against a zone the user
 * chose: it must be a name that zone itself uses, with the offset the zone has at that instant. It then
 * settles DST overlaps (`01:30 EDT` and `01:30 EST` are different instants) and exposes wrong labels.
 * The names come from Intl in English locales, plus the common names Intl only gives as GMT±N.
 */
import { civilToWallMs, formatCivil, type CivilTime } from './civil-time';
import type { InstantResult } from './wall-time';
import { zoneOffsets } from './zone-offsets';

const LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-CA', 'en-IE', 'en-NZ', 'en-ZA', 'en-SG'];

/** Names used where no English locale of Intl has one: [standard names, daylight names]. */
const KNOWN: Record<string, [string[], string[]]> = {
  'Asia/Shanghai': [['CST'], []],
  'Asia/Chongqing': [['CST'], []],
  'Asia/Harbin': [['CST'], []],
  'Asia/Taipei': [['CST'], []],
  'Asia/Macau': [['CST'], []],
  'Asia/Hong_Kong': [['HKT'], []],
  'Asia/Tokyo': [['JST'], []],
  'Asia/Seoul': [['KST'], []],
  'Europe/Moscow': [['MSK'], []],
  'Asia/Jerusalem': [['IST'], ['IDT']],
  'Asia/Manila': [['PHT', 'PST'], []],
  'Asia/Jakarta': [['WIB'], []],
  'Asia/Karachi': [['PKT'], []],
  'Asia/Riyadh': [['AST'], []],
  'Asia/Bangkok': [['ICT'], []],
  'Asia/Ho_Chi_Minh': [['ICT'], []],
  'Asia/Kuala_Lumpur': [['MYT'], []],
  'Asia/Dhaka': [['BST'], []],
  'Europe/Istanbul': [['TRT'], []],
  'America/Sao_Paulo': [['BRT'], []],
  'America/Argentina/Buenos_Aires': [['ART'], []],
  'America/Bogota': [['COT'], []],
  'America/Lima': [['PET'], []],
  'America/Havana': [['CST'], ['CDT']],
};

const DAY = 86_400_000;
const byZoneYear = new Map<string, Map<string, number[]>>();

function intlNames(zone: string): ((ms: number) => string[]) | null {
  let formats: Intl.DateTimeFormat[];
  try {
    formats = LOCALES.map((l) => new Intl.DateTimeFormat(l, { timeZone: zone, timeZoneName: 'short' }));
  } catch {
    return null;
  }
  return (ms) => {
    const out = new Set<string>();
    for (const f of formats) {
      const name = f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
      if (/^[A-Z]{2,5}$/.test(name) && name !== 'UTC' && name !== 'GMT') out.add(name);
    }
    return [...out];
  };
}

/**
 * A zone's offset at single instants, straight from Intl: cheaper than tabulating the zone's year when only a
 * few instants of many zones are asked (listing the zones that use an abbreviation).
 */
function instantOffsets(zone: string): (ms: number) => number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms) => {
    const whole = Math.floor(ms / 1000) * 1000;
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(whole)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const d = new Date(Date.UTC(2000, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0));
    d.setUTCFullYear(p.year ?? 2000);
    return d.getTime() - whole;
  };
}

/** The abbreviations a zone uses in a UTC year, each with the offsets (ms) it stands for there. */
export function zoneAbbreviations(zone: string, year: number): Map<string, number[]> {
  const id = `${zone}|${year}`;
  const cached = byZoneYear.get(id);
  if (cached) return cached;
  const out = new Map<string, number[]>();
  const add = (name: string, offset: number) => {
    const list = out.get(name) ?? [];
    if (!list.includes(offset)) list.push(offset);
    out.set(name, list);
  };
  const offsetAt = instantOffsets(zone);
  // DST periods last months: two samples a month meet each of a year's offsets; each offset is named once.
  const sampleOf = new Map<number, number>();
  for (let month = 0; month < 12; month++) {
    for (const day of [1, 16]) {
      const at = new Date(Date.UTC(2000, month, day, 12));
      at.setUTCFullYear(year);
      const offset = offsetAt(at.getTime());
      if (!sampleOf.has(offset)) sampleOf.set(offset, at.getTime());
    }
  }
  const offsets = new Set(sampleOf.keys());
  const names = sampleOf.size > 0 ? intlNames(zone) : null;
  for (const [offset, ms] of sampleOf) for (const name of names?.(ms) ?? []) add(name, offset);
  const known = KNOWN[zone];
  if (known) {
    const sorted = [...offsets].sort((a, b) => a - b);
    for (const name of known[0]) add(name, sorted[0] as number);
    if (sorted.length > 1) for (const name of known[1]) add(name, sorted[sorted.length - 1] as number);
  }
  byZoneYear.set(id, out);
  return out;
}

/** The instant of a wall time labelled with an abbreviation, in the chosen zone; an error when the zone does not use that label then. */
export function resolveAbbreviatedTime(civil: CivilTime, abbreviation: string, zone: string): InstantResult {
  const wall = civilToWallMs(civil);
  const z = zoneOffsets(zone);
  const offsets = new Set<number>();
  for (const y of [civil.year - 1, civil.year, civil.year + 1]) for (const o of zoneAbbreviations(zone, y).get(abbreviation) ?? []) offsets.add(o);
  if (offsets.size === 0) {
    return { ok: false, error: `${abbreviation} is not a name ${zone} uses; choose the zone the file was written in` };
  }
  for (const o of offsets) {
    const instant = wall - o;
    if (z.offsetAt(instant) === o) return { ok: true, ms: instant };
  }
  const inForce = namesAt(zone, wall - z.offsetAt(wall - DAY));
  return {
    ok: false,
    error: `${formatCivil(civil)} ${abbreviation} does not happen in ${zone}${inForce.length ? ` (it is ${inForce.join('/')} then)` : ''}; check the file's zone`,
  };
}

function namesAt(zone: string, ms: number): string[] {
  const names = intlNames(zone)?.(ms) ?? [];
  const y = new Date(ms).getUTCFullYear();
  const o = zoneOffsets(zone).offsetAt(ms);
  for (const [name, offsets] of zoneAbbreviations(zone, y)) if (offsets.includes(o) && !names.includes(name)) names.push(name);
  return names;
}

let allZones: string[] | null = null;
/** Zones named first in messages, being where most plants are; the rest follow in the runtime's order. */
const FIRST = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
  'America/Halifax',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Helsinki',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Perth',
  'Pacific/Auckland',
  'Africa/Johannesburg',
];

const usersCache = new Map<string, string[]>();
/** Scanning every zone costs seconds (Intl formatters are slow to make): messages take what a short search finds. */
const SEARCH_BUDGET_MS = 250;

/** Zones that use an abbreviation in a year, the common ones first (for messages: "CET is used by Europe/Berlin, Europe/Paris…"). */
export function zonesUsing(abbreviation: string, year: number, limit = 4): string[] {
  const id = `${abbreviation}|${year}|${limit}`;
  const cached = usersCache.get(id);
  if (cached) return cached;
  allZones ??= [...new Set([...FIRST, ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])])];
  const out: string[] = [];
  const start = Date.now();
  for (const z of allZones) {
    if (out.length >= limit || Date.now() - start > SEARCH_BUDGET_MS) break;
    if (zoneAbbreviations(z, year).has(abbreviation)) out.push(z);
  }
  usersCache.set(id, out);
  return out;
}

/**
 * Labelled wall times to instants in one zone, remembering per label the wall hour whose meaning holds for
 * the whole hour (the hot path of an import); null sends the caller to resolveAbbreviatedTime.
 */
export function abbreviationHourCache(zone: string): (wallMs: number, abbreviation: string) => number | null {
  const HOUR = 3_600_000;
  const z = zoneOffsets(zone);
  let cachedKey = '';
  let cachedHour = NaN;
  let cachedOffset = 0;
  return (wall, abbreviation) => {
    const hour = Math.floor(wall / HOUR);
    if (abbreviation === cachedKey) {
      if (hour === cachedHour) return wall - cachedOffset;
      // The label meant this offset an hour ago: it most likely still does.
      const start = hour * HOUR;
      if (z.offsetAt(start - cachedOffset) === cachedOffset && z.offsetAt(start + HOUR - 1 - cachedOffset) === cachedOffset) {
        cachedHour = hour;
        return wall - cachedOffset;
      }
    }
    const year = new Date(wall).getUTCFullYear();
    const start = hour * HOUR;
    for (const o of zoneAbbreviations(zone, year).get(abbreviation) ?? []) {
      if (z.offsetAt(start - o) === o && z.offsetAt(start + HOUR - 1 - o) === o) {
        cachedKey = abbreviation;
        cachedHour = hour;
        cachedOffset = o;
        return wall - o;
      }
    }
    return null;
  };
}
