import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../sim/demo-plant/build-demo-project';
import { applyDiff } from '../twin/diff';
import { stateFromDocument, type TwinState } from '../twin/state';
import { idSequence } from '../twin/test-state';
import { validateDocument } from '../twin/validate';
import { documentFromState } from '../twin/state';
import { applyBindingTable, readBindingTable, TABLE_COLUMNS, writeBindingTable } from './binding-table';
import { cellValue, csvCell, parseCsv } from './csv';

const demo = (): TwinState => stateFromDocument(buildDemoProject());
const bindings = (t: TwinState) =>
  Object.values(t.sensors)
    .map((s) => [s.series, s.assetId, s.role, s.unit, s.trusted, s.source ?? null].join(' | '))
    .sort();
const HEADER = TABLE_COLUMNS.join(',');

describe('the binding table as CSV', () => {
  it('round-trips the demo project: written, read back and applied to a copy with no bindings, the bindings are the same', () => {
    const twin = demo();
    const csv = writeBindingTable(twin);
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(54);
    expect(csv).toContain('B7_CH1_KW#value,JT-115,power,kW,true,local');
    expect(csv).toContain('B7_CHWS_T_2#value,TT-102,chws-temperature,°C,false,local');
    // The series with spaces keeps its escape and is quoted only as CSV needs.
    expect(csv).toContain('CH2\\ CHW\\ FLOW#value,CH-2');
    const bare = stateFromDocument({ ...buildDemoProject(), sensors: [] });
    const read = readBindingTable(csv, bare, { knownSeries: () => new Set(Object.values(twin.sensors).map((s) => s.series)) });
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(53);
    const applied = applyDiff(bare, applyBindingTable(bare, read.rows, idSequence('s')));
    expect(bindings(applied).map((b) => b.replace(/^(\S+) \| /, '$1 | '))).toEqual(bindings(twin));
    expect(validateDocument(documentFromState(applied))).toEqual([]);
  });

  it('reports every bad row by its line and applies nothing', () => {
    const twin = demo();
    const known = new Set(Object.values(twin.sensors).map((s) => s.series));
    const csv = [
      HEADER,
      'B7_CH1_KW#value,JT-115,power,kW,true,', // 2 fine
      'B7_CH9_KW#value,CH-9,power,kW,,', // 3 unknown tag
      'NOT_THERE#value,CH-1,status,,,', // 4 unknown series
      'B7_CH1_KW#value,CH-1,power,kW,,', // 5 duplicate of line 2
      'B7_CH1_STS#value,CH-1,fan-speed,,,', // 6 role the chiller lacks
      'B7_CHWS_T#value,TT-101,chws-temperature,°C,true,', // 7
      'B7_CHWS_T_2#value,TT-102,chws-temperature,°C,true,', // 8 second trusted CHWS on HDR-101
      'B7_CH1_AMPS#value,CH-1,current,°C,,', // 9 unit of the wrong dimension
      'B7_CH1_LCHWT#value,TT-111,chws-temperature,°C,maybe,', // 10 bad trusted
      'B7_CW_FLOW#value,FT-203,flow,L/s,,scada', // 11 unknown source
      'not a key,CH-1,status,,,', // 12 bad key
    ].join('\n');
    const read = readBindingTable(csv, twin, { knownSeries: () => known });
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: series "B7_CH9_KW#value" is not in source "local" and not in the project',
      '3: no asset has the tag "CH-9"',
      '4: series "NOT_THERE#value" is not in source "local" and not in the project',
      '5: series "B7_CH1_KW#value" is already bound on line 2; each series is bound once',
      expect.stringMatching(/^6: CH-1 \(chiller\) has no role "fan-speed"; its roles are status, power, /),
      '8: HDR-101 has 2 trusted sensors for chws-temperature (lines 7, 8); mark exactly one trusted',
      '9: unit "°C" is a temperature, but role "current" needs a current',
      '10: trusted is "maybe"; write true or false, or leave it blank',
      '11: source "scada" is not one of the project\'s sources (local)',
      expect.stringMatching(/^12: series "not a key" is not a series key/),
    ]);
  });

  it('refuses a file that is not a binding table, naming the line', () => {
    const twin = demo();
    expect(readBindingTable('', twin).problems[0]?.message).toMatch(/empty; a binding table starts with the header series,asset tag,role/);
    expect(readBindingTable('tag,kind\nP-101,pump\n', twin).problems.map((p) => p.message)).toEqual([
      'column "kind" is not one of series, asset tag, role, unit, trusted, source',
      'the header lacks the "series" column (the header is series,asset tag,role,unit,trusted,source)',
      'the header lacks the "role" column (the header is series,asset tag,role,unit,trusted,source)',
    ]);
    expect(readBindingTable(`${HEADER}\n"B7_CH1_KW#value,JT-115,power\n`, twin).problems).toEqual([
      { line: 2, message: 'a quoted cell opened on line 2 is never closed' },
    ]);
  });

  it('makes the table the bindings: unlisted sensors are unbound, trust left blank keeps what was trusted', () => {
    const twin = demo();
    const csv = [HEADER, 'B7_CHWS_T#value,TT-101,chws-temperature,°C,,', 'B7_CHWS_T_2#value,TT-102,chws-temperature,°C,,'].join('\r\n');
    const read = readBindingTable(csv, twin);
    expect(read.problems).toEqual([]);
    expect(read.unchecked).toBe(2);
    const after = applyDiff(twin, applyBindingTable(twin, read.rows, idSequence('n')));
    const bound = Object.values(after.sensors).filter((s) => s.assetId !== null);
    expect(bound.map((s) => [s.series, s.trusted])).toEqual([
      ['B7_CHWS_T#value', true],
      ['B7_CHWS_T_2#value', false],
    ]);
    expect(Object.keys(after.sensors)).toHaveLength(53);
  });

  it('reads semicolons, quotes, line breaks in cells and a BOM, and keeps spreadsheet formulas from running', () => {
    expect(parseCsv('\uFEFFa;b\r\n"x;1";"say ""hi""\nthere"\r\n\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;1', 'say "hi"\nthere'] },
    ]);
    for (const v of ['=HYPERLINK("http://x")', '+1', '-cmd', '@SUM(A1)', 'plain', ' padded ']) {
      const [rec] = parseCsv(`${csvCell(v)}\n`);
      expect(cellValue(rec?.cells[0] ?? '')).toBe(v);
      expect(rec?.cells[0]?.startsWith('=')).toBe(false);
    }
  });
});
