import { describe, expect, it } from 'vitest';
import { avevaQualityVerdict, badState, niagaraStatusVerdict, opcQualityVerdict, textQualityVerdict } from './quality-codes';
import { readValueCell } from './value-cells';
import { splitHeaderUnit } from './header-units';
import { rejoinBraces } from './csv-decoders';

describe('quality as data', () => {
  it('reads OPC DA qualities: good when the top two bits are set, the rest named', () => {
    expect(opcQualityVerdict('192')).toBeNull();
    expect(opcQualityVerdict('216')).toBeNull();
    expect(opcQualityVerdict('0')).toBe('OPC 0 (Bad)');
    expect(opcQualityVerdict('24')).toBe('OPC 24 (Bad: comm failure)');
    expect(opcQualityVerdict('86')).toBe('OPC 86 (Uncertain: EU units exceeded)');
    expect(opcQualityVerdict('2150891520')).toBe('OPC UA 0x80340000 (Bad)');
    expect(opcQualityVerdict('0x00000000')).toBeNull();
  });

  it('reads AVEVA Quality, words and Niagara statuses', () => {
    expect([avevaQualityVerdict('0'), avevaQualityVerdict('1'), avevaQualityVerdict('16')]).toEqual([null, 'Quality 1 (Bad)', 'Quality 16 (Doubtful)']);
    expect([textQualityVerdict('Good'), textQualityVerdict('Good_Overload'), textQualityVerdict('Bad_Stale'), textQualityVerdict('192')]).toEqual([
      null,
      null,
      'Bad_Stale',
      null,
    ]);
    expect(niagaraStatusVerdict('{ok}')).toBeNull();
    expect(niagaraStatusVerdict('{alarm,unackedAlarm}')).toBeNull();
    expect(niagaraStatusVerdict('{overridden} @ 8')).toBeNull();
    expect(niagaraStatusVerdict('{fault}')).toBe('{fault}');
    expect(niagaraStatusVerdict('{down,stale}')).toBe('{down,stale}');
  });

  it('takes PI system states in any spacing and case as gaps, never numbers', () => {
    expect(badState('I/O Timeout')).toBe('I/O Timeout');
    expect(badState(' shutdown ')).toBe('shutdown');
    expect(badState('Pt  Created')).toBe('Pt  Created');
    expect(badState('Running')).toBeNull();
    expect(readValueCell('Shutdown', 'known')).toEqual({ kind: 'gap', state: 'Shutdown' });
    expect(readValueCell('Running', 'states')).toEqual({ kind: 'gap', state: 'Running' });
    expect(readValueCell('Running', 'known')).toMatchObject({ kind: 'bad' });
    expect(readValueCell('12abc', 'states')).toMatchObject({ kind: 'bad' });
    expect(readValueCell('NULL', 'known')).toEqual({ kind: 'empty' });
    expect(readValueCell(' 1e3 ', 'known')).toEqual({ kind: 'number', value: 1000 });
  });
});

describe('headers', () => {
  it('takes a unit from a header only when it reads as one', () => {
    expect(splitHeaderUnit('Value (kW)', true)).toEqual({ name: 'Value', unit: 'kW' });
    expect(splitHeaderUnit('CHWS Temp (°F)')).toEqual({ name: 'CHWS Temp', unit: '°F' });
    expect(splitHeaderUnit('LCHWT_2 [degC]')).toEqual({ name: 'LCHWT_2', unit: 'degC' });
    expect(splitHeaderUnit('FT-101 (bypass)')).toEqual({ name: 'FT-101 (bypass)', unit: null });
    expect(splitHeaderUnit('Pump 2 (status)')).toEqual({ name: 'Pump 2 (status)', unit: null });
  });

  it('rejoins Niagara flags the CSV split cut apart', () => {
    expect(rejoinBraces(['t', '{}', '{down', 'stale}', '1'], ',')).toEqual(['t', '{}', '{down,stale}', '1']);
    expect(rejoinBraces(['t', '{a', 'b', 'c}', '{ok}', '1'], ',')).toEqual(['t', '{a,b,c}', '{ok}', '1']);
  });
});

describe('plain decimals by hand', () => {
  it('reads what the strict parser reads, and leaves the rest to it', async () => {
    const { plainDecimal } = await import('./value-cells');
    const { parseNumber } = await import('../../shared/series/parse-number');
    for (const t of ['0', '-12.5', '+3', '.5', '5.', '1e3', '-1.5E-3', '007', '1e308'])
      expect([t, plainDecimal(t)]).toEqual([t, (parseNumber(t) as { value: number }).value]);
    for (const t of ['', '-', '.', 'e3', '1e', '1e+', '12abc', ' 7', '7 ', '0x10', '1,5', '1_000', 'NaN', 'Infinity', '1e999', '--1'])
      expect([t, plainDecimal(t)]).toEqual([t, NaN]);
  });
});

describe('plain decimals by hand agree with Number() to the last bit', () => {
  it('on many random decimals of up to 15 digits', async () => {
    const { plainDecimal } = await import('./value-cells');
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let k = 0; k < 20_000; k++) {
      const int = String(rnd(10 ** (1 + rnd(8))));
      const frac = rnd(3) === 0 ? '' : `.${String(rnd(10 ** (1 + rnd(7)))).padStart(1 + rnd(6), '0')}`;
      const text = `${rnd(4) === 0 ? '-' : ''}${int}${frac}`;
      expect(Object.is(plainDecimal(text), Number(text)) || text.replace('.', '').replace('-', '').length > 15).toBe(true);
    }
    expect(Object.is(plainDecimal('-0'), -0)).toBe(true);
    expect(plainDecimal('0.1')).toBe(0.1);
    expect(plainDecimal('123456789.123456')).toBe(123456789.123456);
  });
});
