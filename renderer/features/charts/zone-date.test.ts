import { afterEach, describe, expect, it } from 'vitest';
import { zoneDate } from './zone-date';

const hostZone = process.env.TZ;
afterEach(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

function fields(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}:${d.getMinutes()}:${d.getSeconds()}.${d.getMilliseconds()}`;
}

describe('dates for uPlot in the plant zone', () => {
  // Both DST changes of Chicago in 2025, and of the host zones tried.
  const instants = [
    Date.UTC(2025, 0, 15, 18, 30),
    Date.UTC(2025, 2, 9, 7, 59),
    Date.UTC(2025, 2, 9, 8, 0, 0, 250),
    Date.UTC(2025, 10, 2, 6, 30),
    Date.UTC(2025, 10, 2, 7, 30),
  ];
  for (const host of ['UTC', 'Europe/Berlin', 'Asia/Kolkata']) {
    it(`reads the plant's wall clock in its local fields on a host in ${host}`, () => {
      process.env.TZ = host;
      const toDate = zoneDate('America/Chicago');
      expect(instants.map((t) => fields(toDate(t)))).toEqual([
        '2025-1-15 12:30:0.0',
        '2025-3-9 1:59:0.0',
        '2025-3-9 3:0:0.250',
        '2025-11-2 1:30:0.0',
        '2025-11-2 1:30:0.0',
      ]);
    });
  }
});
