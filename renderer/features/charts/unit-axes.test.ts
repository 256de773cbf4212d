import { describe, expect, it } from 'vitest';
import { planAxes } from './unit-axes';

describe('axes per unit', () => {
  it('draws the first unit and the most shared one, and lists the rest', () => {
    // CH-1: status, power, current, six temperatures, flow.
    const units = ['', 'kW', 'A', '°C', '°C', '°C', '°C', '°C', '°C', 'L/s'];
    expect(planAxes(units)).toEqual({ visible: ['kW', '°C'], listed: ['', 'A', 'L/s'] });
  });

  it('puts the units the user chose first', () => {
    expect(planAxes(['kW', 'A', '°C', '°C'], ['A'])).toEqual({ visible: ['A', '°C'], listed: ['kW'] });
    expect(planAxes(['kW', 'A', '°C'], ['L/s', '°C', 'kW'])).toEqual({ visible: ['°C', 'kW'], listed: ['A'] });
  });

  it('gives unitless series an axis only when nothing else wants it', () => {
    expect(planAxes(['', ''])).toEqual({ visible: [''], listed: [] });
    expect(planAxes(['', 'kW'])).toEqual({ visible: ['kW', ''], listed: [] });
    expect(planAxes([])).toEqual({ visible: [], listed: [] });
  });
});
