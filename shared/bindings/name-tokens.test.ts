import { describe, expect, it } from 'vitest';
import { readTokens } from './concepts';
import { tokenize } from './name-tokens';

const words = (name: string) =>
  tokenize(name)
    .map((t) => (t.glued ? `+${t.text}` : t.text))
    .join(' ');
const read = (name: string) => readTokens(tokenize(name));

describe('reading historian names', () => {
  it('splits at separators, case changes and digits glued to letters, and inside compounds it can read', () => {
    expect(words('B7_CH1_KW')).toBe('b +7 ch +1 kw');
    expect(words('B7.CHLR2.CondSatT')).toBe('b +7 chlr +2 cond +sat +t');
    expect(words('CH2-AMPS')).toBe('ch +2 amps');
    expect(words('LCHWT_2')).toBe('lchwt 2');
    expect(words('Chiller 1 Leaving Chilled Water Temperature')).toBe('chiller 1 leaving chilled water temperature');
    expect(words('CHWSTEMP')).toBe('chwstemp');
    expect(words('CHWPUMP1SPD')).toBe('chwpump +1 +spd');
    expect(words('CHLR_01_kW')).toBe('chlr 01 kw');
    // An English word is not read as letters that happen to be abbreviations (r + e + set).
    expect(words('reset')).toBe('reset');
  });

  it('knows HVAC abbreviations, equipment with its number, and the measure a name is of', () => {
    expect(read('B7_CH1_LCHWT')).toMatchObject({ equipment: [{ concept: 'chiller', number: 1 }], measure: 'temperature' });
    expect([...read('LCHWT_2').concepts].sort()).toEqual(['chw', 'leaving', 'temperature']);
    expect(read('LCHWT_2').looseNumbers).toEqual([2]);
    expect([...read('B7.CHWP2.SPD').concepts].sort()).toEqual(['chw', 'pump', 'speed']);
    expect(read('B7.CHWP2.SPD').equipment).toEqual([{ concept: 'pump', number: 2 }]);
    expect(read('OAWB').measure).toBe('wetbulb');
    expect(read('B7 OAT').measure).toBe('temperature');
    expect(read('CT2_BASIN_T').concepts.has('basin')).toBe(true);
    // Past filler words: "Cooling Tower Cell 1" is tower 1.
    expect(read('Cooling Tower Cell 1 Fan Speed').equipment).toEqual([{ concept: 'tower', number: 1 }]);
    // The last measure is what the name is of; the ones before describe the thing.
    expect(read('Minimum Evaporator Flow Control Command').measure).toBe('command');
    expect(read('B7_CHW_DP_SP').measure).toBe('setpoint');
    // A letter glued to a number is equipment (P2 is pump 2); alone it is what it abbreviates (P is pressure).
    expect(read('P2_DISCH_P').equipment).toEqual([{ concept: 'pump', number: 2 }]);
    expect(read('P2_DISCH_P').measure).toBe('pressure');
    expect(read('FOO_KW').unknown).toEqual(['foo']);
  });
});
