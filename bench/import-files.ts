/**
 * Historian exports for the import benchmark, generated into a temp folder (never kept): a PI long export
 * of a given size, a folder of Niagara histories, and the hostile inputs of issue 7 (no line breaks, one
 * 50 MB line, 100,000 columns, a 10 MB line-protocol name).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const T0 = Date.UTC(2025, 6, 1);
const MIN = 60_000;

/** `01-Jul-25 00:00:00`, as PI writes wall times. */
function piTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A PI long export (`Tag,Timestamp,Value`) of about `bytes`, 100 tags, minute data, a digital state every 50th value. Returns its rows. */
export function writePiLong(file: string, bytes: number): number {
  const fd = openSync(file, 'w');
  let written = 0;
  let rows = 0;
  try {
    written += writeSync(fd, 'Tag,Timestamp,Value\n');
    // Each tag's history in turn, as PI exports per tag: enough minutes per tag to reach the size.
    const tags = 100;
    const perTag = Math.ceil(bytes / 36 / tags);
    for (let tag = 0; written < bytes; tag++) {
      const name = `B7_CH${String(tag % tags).padStart(3, '0')}_KW${tag >= tags ? `_${Math.floor(tag / tags)}` : ''}`;
      let chunk: string[] = [];
      for (let i = 0; i < perTag && written < bytes; i++) {
        const value = i % 50 === 7 ? 'I/O Timeout' : i % 97 === 3 ? 'Shutdown' : (400 + ((i * 37 + tag * 11) % 2000) / 10).toFixed(1);
        chunk.push(`${name},${piTime(T0 + i * MIN)},${value}`);
        rows++;
        if (chunk.length === 20_000) {
          written += writeSync(fd, `${chunk.join('\n')}\n`);
          chunk = [];
        }
      }
      if (chunk.length) written += writeSync(fd, `${chunk.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}

/** A folder of Niagara history exports, one per file, `rows` 15-minute records each with some bad statuses. */
export function writeNiagaraFolder(dir: string, files: number, rows: number): number {
  mkdirSync(dir, { recursive: true });
  for (let f = 0; f < files; f++) {
    const lines = ['Timestamp,Trend Flags,Status,Value (kW)'];
    for (let i = 0; i < rows; i++) {
      const d = new Date(T0 + i * 15 * MIN - 4 * 3_600_000);
      const h = d.getUTCHours();
      const time = `${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${pad(d.getUTCFullYear() % 100)} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'} EDT`;
      const status = i % 40 === 5 ? '{fault}' : i % 61 === 9 ? '"{down,stale}"' : '{ok}';
      lines.push(`${time},{},${status},${(100 + ((i * 13 + f) % 500) / 10).toFixed(1)}`);
    }
    writeFileSync(path.join(dir, `AHU${String(f).padStart(3, '0')}_kW.csv`), `${lines.join('\n')}\n`);
  }
  return files * rows;
}

/** Write `total` bytes of `fill` after `prefix`, in 1 MiB pieces. */
function writeBig(file: string, prefix: string, fill: string, total: number, suffix = ''): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, prefix);
    const piece = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)).slice(0, 1 << 20));
    for (let left = total; left > 0; left -= piece.length) writeSync(fd, piece, 0, Math.min(left, piece.length));
    writeSync(fd, suffix);
  } finally {
    closeSync(fd);
  }
}

/** The inputs the caps must refuse, each with what it is. */
export function writeHostileInputs(dir: string): { name: string; file: string }[] {
  const MB = 1 << 20;
  const noNewline = path.join(dir, 'no-newline.csv');
  writeBig(noNewline, 'time,', 'abcdefgh,', 150 * MB);
  const longLine = path.join(dir, 'long-line.csv');
  writeBig(longLine, 'time,a\n2025-07-01T00:00:00Z,', '1', 50 * MB, '\n');
  const wide = path.join(dir, 'wide.csv');
  const names = Array.from({ length: 100_000 }, (_, i) => `T${i}`);
  writeFileSync(wide, `time,${names.join(',')}\n2025-07-01T00:00:00Z,${names.map(() => '1').join(',')}\n`);
  const lpName = path.join(dir, 'huge-name.lp');
  writeBig(lpName, '', 'm', 10 * MB, ' v=1 1704067200000000000\n');
  return [
    { name: '150 MB without a line break', file: noNewline },
    { name: '50 MB single line', file: longLine },
    { name: '100,000 columns', file: wide },
    { name: '10 MB line-protocol name', file: lpName },
  ];
}
