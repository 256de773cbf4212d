import { getApi } from '../api/client';
import { runCommand } from '../commands/registry';
import { guardUnsaved, openDemo, openPath } from '../project/project-actions';
import { useApp } from '../stores/app-store';
import { useNotice } from '../stores/notice-store';

/**
 * What happens when the window opens: learn the host, subscribe to its events, open the project it names
 * (command line, file association, or the last one) or the demo plant, then offer any recovered work.
 * Marks `<html data-ready="true">` at the end, which is what tests wait for instead of sleeping.
 */
export async function startApp(): Promise<void> {
  const api = getApi();
  const app = useApp.getState();
  const info = await api.appInfo({});
  app.setInfo(info);
  api.on('command', ({ command }) => runCommand(command));
  api.on('openFile', ({ path }) => guardUnsaved('open-path', path));
  api.on('demoDataProgress', (s) => useApp.getState().setDemoData(s));
  void api.demoDataStatus({}).then((s) => useApp.getState().setDemoData(s), () => undefined);

  const recovery = await api.listRecovery({ exceptSession: app.session }).catch(() => []);
  let opened = false;
  if (info.startupProject) opened = await openPath(info.startupProject);
  if (!opened) await openDemo();
  if (recovery.length > 0 && !useNotice.getState().dialog) useNotice.getState().show({ kind: 'recovery', entries: recovery });
  useApp.getState().setReady();
  document.documentElement.dataset.ready = 'true';
}
