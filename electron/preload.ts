// Runs sandboxed in the renderer before the page. It exposes named functions only (never a generic
// invoke(channel, ...)), so the page can reach exactly the contract's methods and nothing else of IPC.
import { contextBridge, ipcRenderer } from 'electron';
import type { EventName, MethodName } from '../shared/api/contract';
import type { TwinBridge } from '../shared/api/bridge';

const call = (method: MethodName) => (input: unknown) => ipcRenderer.invoke(`twin:${method}`, input);

const eventNames: readonly EventName[] = ['command', 'openFile', 'demoDataProgress', 'cacheFillProgress', 'importProgress', 'residualsProgress'];

const bridge = {
  appInfo: call('appInfo'),
  openProject: call('openProject'),
  openDemoProject: call('openDemoProject'),
  saveProject: call('saveProject'),
  listProjects: call('listProjects'),
  chooseOpenPath: call('chooseOpenPath'),
  chooseSavePath: call('chooseSavePath'),
  writeRecovery: call('writeRecovery'),
  listRecovery: call('listRecovery'),
  readRecovery: call('readRecovery'),
  discardRecovery: call('discardRecovery'),
  openExternal: call('openExternal'),
  listSources: call('listSources'),
  connectSource: call('connectSource'),
  disconnectSource: call('disconnectSource'),
  catalog: call('catalog'),
  queryWindows: call('queryWindows'),
  valueAt: call('valueAt'),
  raw: call('raw'),
  writePoints: call('writePoints'),
  cancel: call('cancel'),
  chooseImportPath: call('chooseImportPath'),
  previewImport: call('previewImport'),
  importFile: call('importFile'),
  demoDataStatus: call('demoDataStatus'),
  listTenants: call('listTenants'),
  saveTenant: call('saveTenant'),
  deleteTenant: call('deleteTenant'),
  activateTenant: call('activateTenant'),
  testTenant: call('testTenant'),
  pushTwin: call('pushTwin'),
  pullTwin: call('pullTwin'),
  listRemoteTwins: call('listRemoteTwins'),
  listRevisions: call('listRevisions'),
  compareWithTenant: call('compareWithTenant'),
  seriesStats: call('seriesStats'),
  cacheStats: call('cacheStats'),
  clearCache: call('clearCache'),
  refreshCache: call('refreshCache'),
  cancelCacheFill: call('cancelCacheFill'),
  runResiduals: call('runResiduals'),
  uiPreferences: call('uiPreferences'),
  setUiPreferences: call('setUiPreferences'),
  on(name: EventName, listener: (payload: never) => void): () => void {
    if (!eventNames.includes(name)) throw new Error(`Unknown event "${String(name)}".`);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(`twin-event:${name}`, wrapped);
    return () => ipcRenderer.removeListener(`twin-event:${name}`, wrapped);
  },
} satisfies TwinBridge;

contextBridge.exposeInMainWorld('twin', bridge);
