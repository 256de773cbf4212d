import { twinError } from '../../../shared/api/errors';
import type { DeleteSelection } from '../../../shared/series/write-record';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value in a delete predicate: double-quoted, with backslash and quote escaped; line breaks cannot be expressed. */
function literal(value: string): string {
  if (/[\r\n]/.test(value))
    throw twinError('invalid-input', `The value ${JSON.stringify(value)} holds a line break, which a delete predicate cannot express.`, { where: value });
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * The predicate of an InfluxDB 2.x delete: `_measurement="m" AND key="value" …`. The predicate language has
 * no quoting for keys, so only plain tag keys are accepted (the analysis writes twin, asset, model, detector).
 */
export function deletePredicate(selection: DeleteSelection): string {
  const parts = [`_measurement=${literal(selection.measurement)}`];
  for (const k of Object.keys(selection.tags).sort()) {
    if (!KEY.test(k))
      throw twinError('invalid-input', `The tag key ${JSON.stringify(k)} cannot be named in an InfluxDB 2.x delete; use letters, digits and _.`, { where: k });
    parts.push(`${k}=${literal(selection.tags[k] as string)}`);
  }
  return parts.join(' AND ');
}
