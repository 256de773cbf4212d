import { describe, expect, it } from 'vitest';
import { CsvRecordAssembler, detectDelimiter, splitCsvLine, type CsvEvent } from './csv-split';

function assemble(lines: string[], delimiter = ','): CsvEvent[] {
  const asm = new CsvRecordAssembler(delimiter);
  const out: CsvEvent[] = [];
  lines.forEach((l, i) => asm.push(l, i + 1, out));
  asm.end(out);
  return out;
}

describe('CSV splitting', () => {
  it('splits plain and quoted fields', () => {
    expect(splitCsvLine('a,b,,c', ',')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvLine('"a,1","b ""q""",c', ',')).toEqual(['a,1', 'b "q"', 'c']);
    expect(splitCsvLine('x; "y;z" ;w', ';')).toEqual(['x', 'y;z', 'w']);
    expect(splitCsvLine('t\t"a\tb"', '\t')).toEqual(['t', 'a\tb']);
    expect(splitCsvLine('"",""""', ',')).toEqual(['', '"']);
    // A quote in the middle of an unquoted field is data.
    expect(splitCsvLine('5" pipe,2', ',')).toEqual(['5" pipe', '2']);
  });

  it('reports an open quote at the end of a line', () => {
    expect(splitCsvLine('"abc,def', ',')).toBeNull();
    expect(splitCsvLine('a,"b""', ',')).toBeNull();
  });

  it('assembles records across lines and keeps the starting line number', () => {
    expect(assemble(['time,"Chiller', '1 kW"', '2024-01-01T00:00:00Z,5', '', '2024-01-01T00:01:00Z,6'])).toEqual([
      { record: { line: 1, fields: ['time', 'Chiller\n1 kW'], raw: 'time,"Chiller\n1 kW"' } },
      { record: { line: 3, fields: ['2024-01-01T00:00:00Z', '5'], raw: '2024-01-01T00:00:00Z,5' } },
      { record: { line: 5, fields: ['2024-01-01T00:01:00Z', '6'], raw: '2024-01-01T00:01:00Z,6' } },
    ]);
  });

  it('recovers from a quote that is never closed: the line is reported, the rest are read', () => {
    const lines = ['h1,h2', 'a,"oops', ...Array.from({ length: 250 }, (_, i) => `r${i},${i}`)];
    const events = assemble(lines);
    expect(events[0]).toEqual({ record: { line: 1, fields: ['h1', 'h2'], raw: 'h1,h2' } });
    expect(events[1]).toEqual({ error: { line: 2, message: expect.stringMatching(/never closed/) } });
    const records = events.filter((e) => 'record' in e);
    expect(records).toHaveLength(251);
    expect(records[1]).toEqual({ record: { line: 3, fields: ['r0', '0'], raw: 'r0,0' } });
  });

  it('reports a quote still open at the end of the file and reads what followed it', () => {
    const events = assemble(['h', '"x', 'y', 'z']);
    expect(events).toEqual([
      { record: { line: 1, fields: ['h'], raw: 'h' } },
      { error: { line: 2, message: expect.stringMatching(/end of the file/) } },
      { record: { line: 3, fields: ['y'], raw: 'y' } },
      { record: { line: 4, fields: ['z'], raw: 'z' } },
    ]);
  });

  it('detects the delimiter', () => {
    expect(detectDelimiter(['time,a,b', '2024-01-01,1,2'])).toBe(',');
    expect(detectDelimiter(['time;a;b', '2024-01-01;1,5;2,5'])).toBe(';');
    expect(detectDelimiter(['time\ta', '2024-01-01\t1'])).toBe('\t');
    expect(detectDelimiter(['"a;b",c', '1,2'])).toBe(',');
    expect(detectDelimiter(['justonecolumn', '1'])).toBeNull();
  });
});
