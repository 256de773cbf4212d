import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Influxd } from '../electron/testing/influxd';

/** Wait until the shard files stop changing: influxd has snapshotted its cache and compacted. */
export async function waitForCompaction(influxd: Influxd, db: string): Promise<void> {
  const dir = path.join(influxd.dataDir, 'data', db);
  const snapshot = () => {
    let files = 0;
    let bytes = 0;
    let tmp = 0;
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else {
          files++;
          bytes += statSync(p).size;
          if (e.name.endsWith('.tmp')) tmp++;
        }
      }
    };
    walk(dir);
    return { key: `${files}:${bytes}`, tmp };
  };
  let last = '';
  let stableSince = Date.now();
  const started = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 2_000));
    const s = snapshot();
    if (s.key !== last || s.tmp > 0) {
      last = s.key;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 20_000) break;
    if (Date.now() - started > 600_000) throw new Error('influxd did not finish compacting within 10 minutes');
  }
}
