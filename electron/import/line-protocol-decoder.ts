/** Line protocol rows into points: series keys from measurement, tags and field; epoch timestamps in the plan's unit. */
import { formatSeriesKey } from '../../shared/series/series-key';
import { EPOCH_UNIT_NAMES, epochTextToMs, fitsEpochUnit } from '../../shared/time/epoch-units';
import { epochUnitOf } from '../../shared/time/timestamp-format';
import { keyProblem, MAX_REMEMBERED_NAMES } from './import-limits';
import type { ImportPlan } from './import-plan';
import { parseLineProtocol } from './line-protocol-parse';
import type { RowDecoder } from './row-decoders';

export function lineProtocolDecoder(plan: ImportPlan): RowDecoder {
  const unit = epochUnitOf(plan.timestampFormat ?? 'epoch-ns') ?? 'ns';
  const keys = new Map<string, string>();
  return (line, text, _fields, sink) => {
    const p = parseLineProtocol(text);
    if (!p.ok) {
      sink.problem(line, `${p.error}; the line was skipped`);
      return null;
    }
    const { point } = p;
    if (point.timestamp === null) {
      sink.problem(line, 'the line has no timestamp, so when it was measured is unknown; the line was skipped');
      return null;
    }
    const time = epochTextToMs(point.timestamp, unit);
    if (!time.ok) {
      sink.problem(line, `${time.error}; the line was skipped`);
      return null;
    }
    if (plan.epochInferred && !fitsEpochUnit(Number(point.timestamp), unit)) {
      sink.problem(
        line,
        `the timestamp ${point.timestamp} does not look like epoch ${EPOCH_UNIT_NAMES[unit]} as the rest of the file does; the line was skipped`,
      );
      return null;
    }
    for (const f of point.fields) {
      if (f.value.kind === 'string') {
        sink.problem(
          line,
          `field ${JSON.stringify(f.key)} holds text (${JSON.stringify(f.value.value.slice(0, 40))}); only numbers are imported, so it was skipped`,
        );
        continue;
      }
      const cacheKey = `${point.seriesText}\u0000${f.key}`;
      let key = keys.get(cacheKey);
      if (key === undefined) {
        key = formatSeriesKey({ measurement: point.measurement, tags: point.tags, field: f.key });
        const tooLong = keyProblem(key);
        if (tooLong) {
          sink.problem(line, `${tooLong}; the value was skipped`);
          continue;
        }
        if (keys.size < MAX_REMEMBERED_NAMES) keys.set(cacheKey, key);
      }
      sink.point(key, time.ms, f.value.value);
    }
    return time.ms;
  };
}
