import { describe, expect, it } from 'vitest';
import { Prng } from '../sim/prng';
import { isValidTimeZone, ZoneOffsets, zoneOffsets } from './zone-offsets';

const H = 3_600_000;

/** The offset straight from Intl, computed independently of the tabulation. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, ms: number): number {
  const f =
    formats.get(zone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  formats.set(zone, f);
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  const whole = Math.floor(ms / 1000) * 1000;
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - whole;
}

describe('zone offsets', () => {
  it('validates zone names', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => zoneOffsets('Nowhere/Town')).toThrow(/Unknown time zone/);
  });

  it('finds the Chicago transitions to the second', () => {
    const z = zoneOffsets('America/Chicago');
    const spring = Date.parse('2024-03-10T08:00:00Z');
    expect(z.offsetAt(spring - 1)).toBe(-6 * H);
    expect(z.offsetAt(spring)).toBe(-5 * H);
    const fall = Date.parse('2024-11-03T07:00:00Z');
    expect(z.offsetAt(fall - 1)).toBe(-5 * H);
    expect(z.offsetAt(fall)).toBe(-6 * H);
  });

  it('handles half- and quarter-hour zones and southern-hemisphere DST', () => {
    expect(zoneOffsets('Asia/Kolkata').offsetAt(Date.parse('2024-06-01T00:00:00Z'))).toBe(5.5 * H);
    expect(zoneOffsets('Asia/Kathmandu').offsetAt(Date.parse('2024-06-01T00:00:00Z'))).toBe(5.75 * H);
    const lordHowe = zoneOffsets('Australia/Lord_Howe');
    expect(lordHowe.offsetAt(Date.parse('2024-01-15T00:00:00Z'))).toBe(11 * H);
    expect(lordHowe.offsetAt(Date.parse('2024-07-15T00:00:00Z'))).toBe(10.5 * H);
    const sydney = zoneOffsets('Australia/Sydney');
    expect(sydney.offsetAt(Date.parse('2024-01-15T00:00:00Z'))).toBe(11 * H);
    expect(sydney.offsetAt(Date.parse('2024-07-15T00:00:00Z'))).toBe(10 * H);
  });

  it('agrees with Intl at random instants in many zones and years from 1975 to 2037', () => {
    const rng = new Prng(42);
    const zones = [
      'America/Chicago',
      'Europe/London',
      'Europe/Berlin',
      'Australia/Lord_Howe',
      'America/Sao_Paulo',
      'Asia/Tehran',
      'Pacific/Apia',
      'America/St_Johns',
      'UTC',
    ];
    const years = [1975, 1996, 2011, 2024, 2037];
    for (const zone of zones) {
      const z = new ZoneOffsets(zone);
      for (let i = 0; i < 300; i++) {
        const year = years[i % years.length] as number;
        const lo = Date.UTC(year, 0, 1);
        const t = Math.floor(lo + rng.next() * (Date.UTC(year + 1, 0, 1) - lo));
        expect(z.offsetAt(t), `${zone} at ${new Date(t).toISOString()}`).toBe(intlOffset(zone, t));
      }
    }
  });

  it('agrees with Intl second by second around every 2024 transition in Chicago and Berlin', () => {
    for (const [zone, instants] of [
      ['America/Chicago', ['2024-03-10T08:00:00Z', '2024-11-03T07:00:00Z']],
      ['Europe/Berlin', ['2024-03-31T01:00:00Z', '2024-10-27T01:00:00Z']],
    ] as const) {
      const z = new ZoneOffsets(zone);
      for (const iso of instants) {
        const t0 = Date.parse(iso);
        for (let dt = -3000; dt <= 3000; dt += 500) expect(z.offsetAt(t0 + dt)).toBe(intlOffset(zone, t0 + dt));
      }
    }
  });
});
