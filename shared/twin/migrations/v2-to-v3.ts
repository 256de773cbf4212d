import { carryOver, type JsonObject, type Migration } from './migration';

const NEW_FIELDS: ReadonlySet<string> = new Set(['formatVersion', 'sources', 'defaultSource', 'rejectedSuggestions']);

// Format 2 named a sensor's source by the session's id for it: `local`, or `influx1:`/`influx2:` and a
// hash of the server address. The hash cannot be turned back into an address, so such a source keeps its
// id and waits to be mapped onto a connection.
function sourceFor(id: string): JsonObject {
  if (id === 'local') return { id, name: 'Local store', kind: 'local' };
  const m = /^(influx1|influx2):/.exec(id);
  const kind = m ? m[1] : 'unknown';
  const what = kind === 'influx1' ? 'InfluxDB 1.x' : kind === 'influx2' ? 'InfluxDB 2.x' : 'Data source';
  return { id, name: `${what} (${id})`, kind };
}

/** Format 2 → 3: a `sources` section naming each source the sensors use; unnamed sensors use the local store, as before. */
export const v2ToV3: Migration = {
  from: 2,
  to: 3,
  summary: 'Sensors name a source listed in the new "sources" section (id, name, kind, non-secret connection parts).',
  up(raw) {
    const sensors = Array.isArray(raw.sensors) ? raw.sensors : [];
    const ids: string[] = [];
    let unnamed = false;
    for (const s of sensors) {
      if (typeof s !== 'object' || s === null) continue;
      const source = (s as JsonObject).source;
      if (typeof source === 'string' && source !== '') {
        if (!ids.includes(source)) ids.push(source);
      } else unnamed = true;
    }
    // Sensors without a source read from the session's local store in format 2: that stays their default.
    if (unnamed && !ids.includes('local')) ids.unshift('local');
    // Key order as the app writes it: identity first, then the new section, then the records.
    const { formatVersion: _v2, id, name, timeZone, ...rest } = raw;
    const out: JsonObject = { formatVersion: 3, id, name, timeZone, sources: ids.map(sourceFor) };
    if (ids.includes('local')) out.defaultSource = 'local';
    else if (ids[0] !== undefined) out.defaultSource = ids[0];
    for (const key of ['id', 'name', 'timeZone']) if (out[key] === undefined) delete out[key];
    carryOver(out, rest, NEW_FIELDS);
    out.rejectedSuggestions = [];
    // A format 2 file may hold fields of its own with the names format 3 gives meaning to: kept aside, not reinterpreted.
    for (const field of NEW_FIELDS) {
      if (field !== 'formatVersion' && Object.prototype.hasOwnProperty.call(raw, field)) ((out.legacyFields ??= {}) as JsonObject)[field] = raw[field];
    }
    // An empty source meant "none" in format 2; format 3 says that by leaving the field out.
    if (Array.isArray(raw.sensors)) {
      out.sensors = raw.sensors.map((s: unknown) => {
        if (typeof s !== 'object' || s === null || (s as JsonObject).source !== '') return s;
        const { source: _empty, ...rest } = s as JsonObject;
        return rest;
      });
    }
    // A format 2 file may hold fields of its own with the names format 3 gives meaning to: kept aside, not reinterpreted.
    for (const name of NEW_FIELDS) {
      if (name !== 'formatVersion' && Object.prototype.hasOwnProperty.call(raw, name)) ((out.legacyFields ??= {}) as JsonObject)[name] = raw[name];
    }
    return { ok: true, document: out };
  },
};
