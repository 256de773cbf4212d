import { twinError } from '../../../shared/api/errors';
import type { DeleteSelection } from '../../../shared/series/write-record';
import { quoteIdentifier, quoteString, timeLiteral } from './influxql-quote';

/**
 * `DELETE FROM "m" WHERE "tag" = 'v' AND … AND time >= …ms AND time < …ms`: the points of one measurement
 * carrying the selection's tags in a half-open range. Names go through the InfluxQL quoting like every query
 * (1.x's DELETE takes no ::tag casts; with no field named in a WHERE, a bare identifier is a tag).
 */
export function deleteStatement(selection: DeleteSelection): string {
  if (!(selection.to > selection.from)) throw twinError('invalid-input', 'A delete needs a range whose end is after its start.');
  const where = Object.keys(selection.tags)
    .sort()
    .map((k) => `${quoteIdentifier(k)} = ${quoteString(selection.tags[k] as string)}`);
  where.push(`time >= ${timeLiteral(selection.from)}`, `time < ${timeLiteral(selection.to)}`);
  return `DELETE FROM ${quoteIdentifier(selection.measurement)} WHERE ${where.join(' AND ')}`;
}
