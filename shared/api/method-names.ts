/**
 * The contract's method names, without its schemas: what a bridge needs to expose one function per method.
 * The renderer imports this instead of the contract, so opening a window does not build every schema
 * (≈0.1 s in Chromium). contract.ts checks at compile time, and contract-completeness.test.ts at run time,
 * that this list is exactly the contract's keys.
 */
export const methodNames = [
  'appInfo',
  'openProject',
  'openDemoProject',
  'saveProject',
  'listProjects',
  'chooseOpenPath',
  'chooseSavePath',
  'writeRecovery',
  'listRecovery',
  'readRecovery',
  'discardRecovery',
  'openExternal',
  'listSources',
  'connectSource',
  'disconnectSource',
  'catalog',
  'queryWindows',
  'valueAt',
  'raw',
  'writePoints',
  'cancel',
  'chooseImportPath',
  'previewImport',
  'importFile',
  'demoDataStatus',
  'listTenants',
  'saveTenant',
  'deleteTenant',
  'activateTenant',
  'testTenant',
  'pushTwin',
  'pullTwin',
  'listRemoteTwins',
  'listRevisions',
  'compareWithTenant',
  'seriesStats',
] as const;

export type MethodNameList = (typeof methodNames)[number];
