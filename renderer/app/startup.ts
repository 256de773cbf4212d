import { getApi } from '../api/client';
import { runCommand } from '../commands/registry';
import { guardUnsaved, openDemo, openPath } from '../project/project-actions';
import { useApp } from '../stores/app-store';
import { useNotice } from '../stores/notice-store';
import { useCache } from '../features/cache/cache-store';
import { usePreferences } from '../stores/preferences-store';

/**
 * What happens when the window opens: learn the host, subscribe to its events, open the project it names
 * (command line, file association, or the last one) or the demo plant, then offer any recovered work.
 * `mount` renders the UI; it is called once the project has been asked for (so both happen at once).
 * Marks `<html data-ready="true">` at the end, which is what tests wait for instead of sleeping.
 */
export async function startApp(mount: () => void): Promise<void> {
  performance.mark('twin:start');
  const api = getApi();
  const app = useApp.getState();
  // Everything start needs is asked for at once; the project is opened as soon as the host names it.
  const recoveryList = api.listRecovery({ exceptSession: app.session }).catch(() => []);
  void api.demoDataStatus({}).then(
    (s) => useApp.getState().setDemoData(s),
    () => undefined,
  );
  // Interface preferences come with the host's info, so the first frame already has the minimap as the user left it.
  const [info, ui] = await Promise.all([api.appInfo({}), api.uiPreferences({}).catch(() => null)]);
  if (ui) usePreferences.getState().load(ui);
  performance.mark('twin:app-info');
  app.setInfo(info);
  api.on('command', ({ command }) => runCommand(command));
  api.on('openFile', ({ path }) => guardUnsaved('open-path', path));
  api.on('demoDataProgress', (s) => useApp.getState().setDemoData(s));
  api.on('cacheFillProgress', (p) => useCache.getState().setProgress(p));

  // The first render of the (empty) editor runs while the project is read in main, not before it is asked for.
  const opening = info.startupProject ? openPath(info.startupProject) : openDemo().then(() => true);
  mount();
  if (!(await opening)) await openDemo();
  performance.mark('twin:project-loaded');
  const recovery = await recoveryList;
  if (recovery.length > 0 && !useNotice.getState().dialog) useNotice.getState().show({ kind: 'recovery', entries: recovery });
  useApp.getState().setReady();
  performance.mark('twin:ready');
  document.documentElement.dataset.ready = 'true';
  // The frame that shows the project: a rAF callback runs before that frame paints, a task queued from it after.
  requestAnimationFrame(() => setTimeout(() => performance.mark('twin:painted'), 0));
}
