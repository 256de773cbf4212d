import { describe, expect, it } from 'vitest';
import { addOutcomes, batchOutcome, isBatchOutcome } from './write-batches';
import { NO_SECRETS } from '../redactor';

// Bodies as influxd 1.6 sends them (seen in electron/sources/influx1/influx1-failures.test.ts).
const CONFLICT =
  '{"error":"partial write: field type conflict: input field \\"f\\" on measurement \\"tf\\" is type integer, already exists as type float dropped=3"}';
const UNPARSABLE = '{"error":"partial write: unable to parse \'ti,k=v f=1 bad\': bad timestamp\\nunable to parse \'ti x\': invalid field format dropped=0"}';
const ALL_BAD = '{"error":"unable to parse \'m4,t=a\\\\ f=1 1000\': invalid tag format"}';

describe('batchOutcome', () => {
  it('204: everything landed', () => {
    expect(batchOutcome(204, '', 10, NO_SECRETS)).toEqual({ written: 10, dropped: 0, errors: [] });
  });

  it('partial write: the dropped count from the server', () => {
    expect(batchOutcome(400, CONFLICT, 10, NO_SECRETS)).toEqual({ written: 7, dropped: 3, errors: [expect.stringContaining('field type conflict')] });
  });

  it('lines it could not parse count as dropped although it says dropped=0', () => {
    expect(batchOutcome(400, UNPARSABLE, 5, NO_SECRETS)).toMatchObject({ written: 3, dropped: 2 });
  });

  it('a 400 that is not partial: the whole batch was refused', () => {
    expect(batchOutcome(400, ALL_BAD, 4, NO_SECRETS)).toMatchObject({ written: 0, dropped: 4 });
  });

  it('tells write outcomes from request failures', () => {
    expect(isBatchOutcome(400, CONFLICT)).toBe(true);
    expect(isBatchOutcome(400, ALL_BAD)).toBe(true);
    expect(isBatchOutcome(401, '{"error":"authorization failed"}')).toBe(false);
    expect(isBatchOutcome(404, '{"error":"database not found: \\"x\\""}')).toBe(false);
    expect(isBatchOutcome(500, '{"error":"timeout"}')).toBe(false);
  });

  it('adds up', () => {
    expect(addOutcomes({ written: 1, dropped: 2, errors: ['a'] }, { written: 3, dropped: 0, errors: [] })).toEqual({ written: 4, dropped: 2, errors: ['a'] });
  });
});
