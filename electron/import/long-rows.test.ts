import { describe, expect, it } from 'vitest';
import { createTimestampParser } from '../../shared/time/timestamp-parser';
import { planImport } from './import-plan';
import { planParser, resolveOptions } from './plan-file';
import { rowDecoder, type RowSink } from './row-decoders';
import { plainDecimal, plainDecimalIn } from './value-cells';

type Event = (string | number)[];
const STRICT = { ambiguousTime: 'reject', nonexistentTime: 'reject' } as const;

function recorder(events: Event[]): RowSink {
  return {
    point: (key, t, v) => events.push(['point', key, t, v]),
    problem: (line, message) => events.push(['problem', line, message]),
    gap: (key, state) => events.push(['gap', key, state]),
    unit: (key, unit) => events.push(['unit', key, unit]),
  };
}

/**
 * Decode a file's rows twice: every row split and decoded (the general way), and as the import does (rows
 * without quotes offered to the in-place reader first). Returns both event lists and how many rows the
 * in-place reader took.
 */
function bothWays(lines: string[], options: Parameters<typeof resolveOptions>[0], fileName = 'export.csv') {
  const o = resolveOptions(options);
  const plan = planImport({ lines, firstLine: 1 }, o, fileName);
  expect(plan.fatal).toEqual([]);
  const delimiter = plan.delimiter ?? ',';
  const general = rowDecoder(plan, planParser(plan, o), o.field);
  const imported = rowDecoder(plan, planParser(plan, o), o.field);
  expect(imported.plain).toBeDefined();
  const expected: Event[] = [];
  const got: Event[] = [];
  let taken = 0;
  lines.forEach((text, i) => {
    const line = i + 1;
    if (line < plan.dataLine || text.trim() === '' || text.includes('"')) return;
    general(line, text, text.split(delimiter), recorder(expected));
    const sink = recorder(got);
    if (imported.plain?.(line, text, sink)) taken++;
    else imported(line, text, text.split(delimiter), sink);
  });
  return { expected, got, taken, plan };
}

describe('long rows read in place', () => {
  it('does exactly what the general decoder does with a PI export: states, flags, units, odd names, widths and times', () => {
    const rows = [
      'Tag,Timestamp,Value,Units,Questionable',
      'B7_CH1_KW,01-Jul-25 00:00:00,412.5,kW,False',
      'B7_CH1_KW,01-Jul-25 00:01:00,I/O Timeout,kW,False',
      'B7_CH1_KW,01-Jul-25 00:02:00,Shutdown,kW,False',
      'B7_CH1_KW,01-Jul-25 00:03:00,,kW,False',
      'B7_CH1_KW,01-Jul-25 00:04:00,12abc,kW,False',
      'B7_CH1_KW,01-Jul-25 00:05:00,1e3,kW,False',
      'B7_CH1_KW,01-Jul-25 00:06:00,-0.25,kW,True',
      'B7_CH1_KW,01-Jul-25 00:07:00,0.1234567890123456789,kW,False',
      ' B7 CH2 KW ,01-Jul-25 00:07:00,7,,False',
      'B7_CH2_KW,01-Jul-25 00:08:00,8,kW,False,extra',
      'B7_CH2_KW,01-Jul-25 00:09:00,9',
      'B7_CH2_KW,02-Jul-25 23:59:59,10,kW,False',
      'B7_CH2_KW,02-Jul-25 24:00:00,11,kW,False',
      'B7_CH2_KW,31-Jun-25 00:00:00,12,kW,False',
      'B7_CH2_KW,02-Nov-25 01:30:00,13,kW,False',
      ',02-Jul-25 00:00:00,14,kW,False',
      `${'X'.repeat(2100)},02-Jul-25 00:00:00,15,kW,False`,
      'B7_CH1_KW,03-Jul-25 00:00:00,+5.,kW,no',
      'B7_CH1_KW,03-Jul-25 00:00:01,.5,kW,0',
      '   ',
      'B7_CH1_KW,03-Jul-25 00:00:02,Running,kW,False',
      'B7_CH3_KW,03-Jul-25 00:00:03',
      'B7_CH3_KW,03-Jul-25 00:00:04,5,kW',
      'B7_CH3_KW,03-Jul-25 00:00:05,6,kW,True',
      `B7_CH3_KW,03-Jul-25 00:00:06,7,${'k'.repeat(70_000)},False`,
      'A,03-Jul-25 00:00:07,8,kW,False',
      'A,03-Jul-25 00:00:08,123456789',
    ];
    const { expected, got, taken } = bothWays(rows, { timeZone: 'America/Chicago' });
    expect(got).toEqual(expected);
    // Most rows are the reader's own; the odd ones (widths, times off the hot path, bad names) and each day's
    // first row (which the parser reads in full, remembering its date) went the general way.
    expect(taken).toBeGreaterThanOrEqual(10);
    expect(expected.filter((e) => e[0] === 'gap').map((e) => e[2])).toEqual(['I/O Timeout', 'Shutdown', 'Questionable', 'Running', 'Questionable']);
    expect(expected.filter((e) => e[0] === 'unit')).toEqual([
      ['unit', 'B7_CH1_KW#value', 'kW'],
      ['unit', 'B7_CH2_KW#value', 'kW'],
      ['unit', 'B7_CH3_KW#value', 'kW'],
      ['unit', 'A#value', 'kW'],
    ]);
  });

  it('does exactly what the general decoder does with a Niagara history: statuses, flags cut apart, 12-hour times and zone labels', () => {
    const rows = ['Timestamp,Trend Flags,Status,Value (kW)'];
    for (let i = 0; i < 30; i++) {
      const status = i % 7 === 3 ? '{fault}' : i % 11 === 5 ? '{down,stale}' : i % 13 === 4 ? '{alarm,unackedAlarm}' : '{ok}';
      rows.push(`01-Jul-25 ${(i % 12) + 1}:${String(i).padStart(2, '0')} ${i < 12 ? 'AM' : 'PM'} EDT,{},${status},${100 + i / 4}`);
    }
    rows.push('01-Jul-25 1:00 PM EST,{},{ok},1', '01-Jul-25 13:00 PM EDT,{},{ok},2', '02-Jul-25 1:00 AM EDT,{},{ok},not a number');
    const { expected, got, taken } = bothWays(rows, { timeZone: 'America/New_York' }, '/exports/AHU-1_kW.csv');
    expect(got).toEqual(expected);
    expect(taken).toBeGreaterThanOrEqual(25);
    expect(expected.some((e) => e[0] === 'gap' && e[2] === '{down,stale}')).toBe(true);
    expect(expected.filter((e) => e[0] === 'point').length).toBeGreaterThan(15);
  });

  it('does exactly what the general decoder does with Kepware qualities and a semicolon export whose dates hold commas', () => {
    const kepware = ['Timestamp,Tag,Value,Quality'];
    ['Good', 'Bad', '192', '0', 'Good', 'Uncertain', 'Good_Overload', ''].forEach((q, i) => kepware.push(`2025-07-01T00:0${i}:00Z,Plant.CH1.kW,${i},${q}`));
    const k = bothWays(kepware, {});
    expect(k.got).toEqual(k.expected);
    // All but the first row, whose date the parser reads in full and remembers.
    expect(k.taken).toBe(7);

    const semicolons = ['Timestamp;Tag;Value'];
    for (let i = 0; i < 5; i++) semicolons.push(`Jul 1, 2025 10:0${i}:00;TagA;${i}`);
    const s = bothWays(semicolons, { timeZone: 'Europe/Berlin' });
    expect(s.got).toEqual(s.expected);
    expect(s.taken).toBeGreaterThanOrEqual(4);
  });
});

describe('cells read within a line', () => {
  it('reads a number cell as the whole-cell reader does, never past the cell', () => {
    for (const cell of [
      '0',
      '-12.5',
      '+3',
      '.5',
      '5.',
      '1e3',
      '1E-3',
      '1e',
      '12abc',
      '',
      '-',
      '.',
      '123456789012345678',
      '0.1234567890123456789',
      ' 1',
      '1 ',
    ]) {
      const line = `x;${cell};9`;
      expect(Object.is(plainDecimalIn(line, 2, 2 + cell.length), plainDecimal(cell))).toBe(true);
    }
  });

  it('reads a timestamp cell on the hot path only within the cell', () => {
    const parse = createTimestampParser({ ...STRICT, format: 'DD-MMM-YY', timeZone: 'America/Chicago' });
    expect(parse('01-Jul-25 00:00:00').ok).toBe(true);
    const line = 'B7,01-Jul-25 00:05:00,1';
    expect(parse.msIn(line, 3, 21)).toBe(parse.ms('01-Jul-25 00:05:00'));
    expect(parse.msIn(line, 3, 21)).toBe(Date.UTC(2025, 6, 1, 5, 5));
    // The cell ends before the time does: the digits after it belong to the next cell.
    expect(parse.msIn('01-Jul-25 00:05,00', 0, 15)).toBe(parse.ms('01-Jul-25 00:05'));
    expect(parse.msIn('01-Jul-25 00:05,00', 0, 12)).toBeNaN();
    expect(parse.msIn('01-Jul-25 ,00:05:00', 0, 10)).toBeNaN();

    const named = createTimestampParser({ ...STRICT, format: 'MMM DD, YYYY', timeZone: 'Europe/Berlin' });
    expect(named('Jul 1, 2025 10:00:00').ok).toBe(true);
    // The remembered date holds a comma: a cell cut at it is not read as that date.
    expect(named.msIn('Jul 1, 2025 10:05:00', 0, 5)).toBeNaN();
    expect(named.msIn('Jul 1, 2025 10:05:00', 0, 20)).toBe(Date.UTC(2025, 6, 1, 8, 5));

    const epoch = createTimestampParser({ ...STRICT, format: 'epoch-ms' });
    expect(epoch.msIn('a,1751328000000,b', 2, 15)).toBe(1751328000000);
    expect(epoch.msIn('a,1751328000000,b', 2, 16)).toBeNaN();
    expect(epoch.msIn('a,,b', 2, 2)).toBeNaN();
  });
});
