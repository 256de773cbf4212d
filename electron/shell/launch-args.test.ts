import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './launch-args';

const cwd = path.resolve('/home/eng/plants');

describe('parseLaunchArgs', () => {
  it('reads --project and --data-dir, with a space or an equals sign, relative to the working folder', () => {
    expect(parseLaunchArgs(['--project', 'b7.twin.json', '--data-dir', 'state'], cwd)).toEqual({
      project: path.join(cwd, 'b7.twin.json'),
      dataDir: path.join(cwd, 'state'),
      demoData: null,
    });
    expect(parseLaunchArgs(['--project=/srv/b7.twin.json', '--data-dir=/tmp/x'], cwd)).toEqual({
      project: path.resolve('/srv/b7.twin.json'),
      dataDir: path.resolve('/tmp/x'),
      demoData: null,
    });
  });

  it('passes --demo-data on as written, for the demo-data service to check', () => {
    expect(parseLaunchArgs(['--demo-data', 'off'], cwd).demoData).toBe('off');
    expect(parseLaunchArgs(['--demo-data=days:7'], cwd).demoData).toBe('days:7');
  });

  it('takes a bare project file, as a file association or a second launch passes it', () => {
    expect(parseLaunchArgs(['/opt/Twin Studio/twin-studio', '/home/eng/B7 Plant.TWIN.JSON'], cwd).project).toBe(path.resolve('/home/eng/B7 Plant.TWIN.JSON'));
    expect(parseLaunchArgs(['plant.twin.json'], cwd).project).toBe(path.join(cwd, 'plant.twin.json'));
  });

  it('takes a file:// URL as a Linux desktop passes it, and no other URL', () => {
    expect(parseLaunchArgs(['file:///home/eng/B7%20Plant.twin.json'], cwd).project).toBe(path.resolve('/home/eng/B7 Plant.twin.json'));
    expect(parseLaunchArgs(['https://evil.com/x.twin.json'], cwd).project).toBeNull();
    expect(parseLaunchArgs(['smb://server/share/x.twin.json'], cwd).project).toBeNull();
  });

  it('ignores the development script, Chromium and Playwright switches and macOS process serial numbers', () => {
    const argv = ['dist-electron/main.cjs', '--no-sandbox', '--remote-debugging-port=0', '--inspect=0', '-psn_0_12345', '--enable-logging', 'notes.json'];
    expect(parseLaunchArgs(argv, cwd)).toEqual({ project: null, dataDir: null, demoData: null });
  });

  it('does not swallow the next switch as a value', () => {
    expect(parseLaunchArgs(['--project', '--data-dir', '/tmp/d'], cwd)).toEqual({ project: null, dataDir: path.resolve('/tmp/d'), demoData: null });
    expect(parseLaunchArgs(['--data-dir'], cwd)).toEqual({ project: null, dataDir: null, demoData: null });
    expect(parseLaunchArgs(['--project='], cwd).project).toBeNull();
  });

  it('lets the last project win', () => {
    expect(parseLaunchArgs(['a.twin.json', '--project', 'b.twin.json'], cwd).project).toBe(path.join(cwd, 'b.twin.json'));
  });
});
