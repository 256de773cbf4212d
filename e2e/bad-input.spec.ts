import { readFileSync, statSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import path from 'node:path';
import { expect, openApp, test } from './web-host-fixture';
import { EditorPage } from './pages/editor-page';

const valid = {
  formatVersion: 2,
  id: 'bad-input',
  name: 'Bad input plant',
  timeZone: 'UTC',
  assets: [
    { id: 'a1', kind: 'centrifugal-pump', tag: 'P-101', name: '', properties: {}, position: { x: 0, y: 0 }, rotation: 0, flip: false },
    { id: 'a2', kind: 'gate-valve', tag: 'P-101', name: '', properties: {}, position: { x: 200, y: 0 }, rotation: 0, flip: false },
  ],
  connections: [],
  systems: [],
  sensors: [],
  models: [],
};

function writeBadFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {
    truncated: path.join(dir, 'truncated.twin.json'),
    notJson: path.join(dir, 'not-json.twin.json'),
    future: path.join(dir, 'future.twin.json'),
    schema: path.join(dir, 'schema.twin.json'),
    huge: path.join(dir, 'huge.twin.json'),
  };
  const text = JSON.stringify({ ...valid, assets: [valid.assets[0]] }, null, 2);
  writeFileSync(files.truncated!, text.slice(0, Math.floor(text.length * 0.6)));
  writeFileSync(files.notJson!, 'tag,kind\nP-101,centrifugal-pump\n');
  writeFileSync(files.future!, JSON.stringify({ ...valid, formatVersion: 99 }));
  writeFileSync(files.schema!, JSON.stringify(valid));
  // 60 MB without writing 60 MB: a sparse file is refused by its size before any byte is read.
  const fd = openSync(files.huge!, 'w');
  ftruncateSync(fd, 60 * 1024 * 1024);
  closeSync(fd);
  return files;
}

test('bad project files get one clear message; the open project and the files are untouched', async ({ page, host }) => {
  const files = writeBadFiles(path.join(host.dataDir, 'projects'));
  const before = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [k, { size: statSync(f).size, mtime: statSync(f).mtimeMs, head: readFileSync(f).subarray(0, 64).toString('hex') }]),
  );
  await openApp(page, host);
  const ed = new EditorPage(page);
  await expect(ed.node('CH-1')).toBeVisible();
  const demoTags = await ed.tags();

  const cases: [string, RegExp][] = [
    [files.truncated!, /not valid JSON.*(end|truncated)/i],
    [files.notJson!, /not valid JSON/i],
    [files.future!, /newer version/i],
    [files.schema!, /\$\.assets\[1\]\.tag/],
    [files.huge!, /larger than|too large|MB/i],
  ];
  for (const [file, message] of cases) {
    await ed.command('Open…');
    const open = page.getByRole('dialog', { name: 'Open project' });
    await open.getByLabel('Project file path').fill(file);
    await open.getByRole('button', { name: 'Open', exact: true }).click();
    const alert = page.getByRole('alertdialog');
    await expect(alert).toContainText(path.basename(file));
    await expect(alert).toContainText(message);
    await alert.getByRole('button', { name: 'OK' }).click();
    await expect(alert).toHaveCount(0);
    // The demo is still open, exactly as it was.
    expect(await ed.tags()).toEqual(demoTags);
  }
  for (const [k, f] of Object.entries(files)) {
    expect({ size: statSync(f).size, mtime: statSync(f).mtimeMs, head: readFileSync(f).subarray(0, 64).toString('hex') }, k).toEqual(before[k]);
  }
});
