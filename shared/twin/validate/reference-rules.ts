import { SeriesKeyError, canonicalSeriesKey } from '../../series/series-key';
import type { RuleContext } from './rule-context';

/** Whether a name is an IANA time zone this runtime knows (Intl throws a RangeError otherwise). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function checkAssetRef(ctx: RuleContext, path: string, id: string | null, what: string, remedy: string): void {
  if (id !== null && !ctx.assetsById.has(id)) ctx.error(path, `${what} asset "${id}", which does not exist; ${remedy}`);
}

/** Sensors, systems and models point at existing assets; series keys parse; the plant time zone exists. */
export function checkReferences(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const { value: s, path } of doc.sensors) {
    checkAssetRef(ctx, `${path}.assetId`, s.assetId, 'is bound to', 'bind the sensor to an existing asset or set it to null');
    try {
      const canonical = canonicalSeriesKey(s.series);
      if (canonical !== s.series) ctx.warn(`${path}.series`, `"${s.series}" lists its tags out of order; the canonical key is "${canonical}"`);
    } catch (e) {
      ctx.error(`${path}.series`, e instanceof SeriesKeyError ? e.message : `invalid series key ${JSON.stringify(s.series)}`);
    }
  }
  for (const { value: sys, path } of doc.systems) {
    const members = new Set<string>();
    sys.assetIds.forEach((id, i) => {
      checkAssetRef(ctx, `${path}.assetIds[${i}]`, id, `system "${sys.name}" names`, 'remove it from the list');
      if (members.has(id)) ctx.warn(`${path}.assetIds[${i}]`, `system "${sys.name}" lists asset "${id}" twice`);
      members.add(id);
    });
  }
  for (const { value: m, path } of doc.models)
    checkAssetRef(ctx, `${path}.assetId`, m.assetId, `model "${m.name || m.id}" is for`, 'point the model at an existing asset or set it to null');

  const tz = doc.timeZone;
  if (tz !== undefined && !isTimeZone(tz)) {
    ctx.error('$.timeZone', `"${tz}" is not an IANA time zone; use a name such as "America/Chicago", "Europe/Berlin" or "UTC"`);
  }
}
