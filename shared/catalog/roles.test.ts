import { describe, expect, it } from 'vitest';
import { catalog, componentByKind, rolesOfKind } from './catalog';
import { ROLES, roleById, unitFitsRole } from './roles';
import { dimensionOfUnit } from './units';

/** The role ids the demo plant and users' files already carry (team agreement): they must keep working. */
const CANONICAL = [
  'power',
  'current',
  'status',
  'speed',
  'flow',
  'dp',
  'dp-setpoint',
  'position',
  'command',
  'chws-temperature',
  'chwr-temperature',
  'cws-temperature',
  'cwr-temperature',
  'chws-setpoint',
  'condenser-saturation-temperature',
  'evaporator-saturation-temperature',
  'fan-speed',
  'fan-power',
  'basin-temperature',
  'outdoor-temperature',
  'wet-bulb',
];

describe('roles', () => {
  it('keep every canonical id, each once, with a label and a dimension', () => {
    for (const id of CANONICAL) expect(roleById(id), id).toBeDefined();
    expect(new Set(ROLES.map((r) => r.id)).size).toBe(ROLES.length);
    for (const r of ROLES) {
      expect(r.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(r.label.trim(), r.id).not.toBe('');
      expect(r.isa, r.id).toMatch(/^[A-Z]{1,2}$/);
    }
  });

  it('are declared for every component kind, without repeats', () => {
    for (const d of catalog) {
      expect(d.roles, d.kind).toBeDefined();
      const ids = (d.roles ?? []).map((r) => r.id);
      expect(new Set(ids).size, `${d.kind}: ${ids.join()}`).toBe(ids.length);
    }
  });

  it('give the equipment of a chilled-water plant what it is measured by', () => {
    const ids = (kind: string) => rolesOfKind(kind).map((r) => r.id);
    expect(ids('chiller')).toEqual(
      expect.arrayContaining(['power', 'current', 'status', 'chws-temperature', 'chwr-temperature', 'cws-temperature', 'cwr-temperature', 'flow']),
    );
    expect(ids('centrifugal-pump')).toEqual(expect.arrayContaining(['status', 'speed', 'power', 'dp']));
    expect(ids('control-valve')).toEqual(expect.arrayContaining(['position', 'command']));
    expect(ids('cooling-tower')).toEqual(expect.arrayContaining(['fan-speed', 'fan-power', 'basin-temperature']));
    expect(ids('temperature-transmitter')).toEqual(expect.arrayContaining(['chws-temperature', 'outdoor-temperature', 'wet-bulb']));
    expect(ids('temperature-transmitter')).not.toContain('power');
    expect(ids('power-transmitter')).toContain('power');
    expect(ids('controller')).toEqual(expect.arrayContaining(['chws-setpoint', 'dp-setpoint', 'command']));
    expect(rolesOfKind('no-such-kind')).toEqual([]);
  });

  it('name an instrument kind that exists and measures them (so a drop on the canvas can place it)', () => {
    for (const r of ROLES) {
      const def = componentByKind(r.instrumentKind);
      expect(def, `${r.id} → ${r.instrumentKind}`).toBeDefined();
      expect(
        def?.roles?.map((x) => x.id),
        `${r.instrumentKind} should carry ${r.id}`,
      ).toContain(r.id);
    }
  });
});

describe('units', () => {
  it('map the units historians write onto dimensions, case-insensitively where that is safe', () => {
    const cases: [string | null, string | null][] = [
      ['°C', 'temperature'],
      ['degF', 'temperature'],
      ['K', 'temperature'],
      ['kW', 'power'],
      ['KW', 'power'],
      ['tons', 'power'],
      ['kWh', 'energy'],
      ['L/s', 'flow'],
      ['gpm', 'flow'],
      ['kPa', 'pressure'],
      ['psig', 'pressure'],
      ['A', 'current'],
      ['%', 'percent'],
      ['Hz', 'frequency'],
      ['rpm', 'speed'],
      ['on/off', 'status'],
      [' kW ', 'power'],
      ['furlongs', null],
      ['', null],
      [null, null],
    ];
    for (const [unit, dim] of cases) expect(dimensionOfUnit(unit), String(unit)).toBe(dim);
  });

  it('tell when a unit does not fit a role, and never hold an unknown unit against one', () => {
    const role = (id: string) => roleById(id) as NonNullable<ReturnType<typeof roleById>>;
    expect(unitFitsRole(role('power'), 'kW')).toBe(true);
    expect(unitFitsRole(role('power'), '°C')).toBe(false);
    expect(unitFitsRole(role('chws-temperature'), 'kW')).toBe(false);
    expect(unitFitsRole(role('speed'), '%')).toBe(true);
    expect(unitFitsRole(role('speed'), 'Hz')).toBe(true);
    expect(unitFitsRole(role('status'), '%')).toBe(false);
    expect(unitFitsRole(role('status'), null)).toBe(true);
    expect(unitFitsRole(role('flow'), 'furlongs')).toBe(true);
    expect(unitFitsRole(role('setpoint'), 'kPa')).toBe(true);
  });
});
