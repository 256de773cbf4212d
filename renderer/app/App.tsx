import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../editor/Canvas';
import { LeftPanel } from '../panels/LeftPanel';
import { Inspector } from '../panels/Inspector';
import { SystemsPanel } from '../panels/SystemsPanel';
import { FindBar } from '../panels/FindBar';
import { ChartsPanel } from '../features/charts/ChartsPanel';
import { DialogHost } from '../dialogs/DialogHost';
import { TenantDialogs } from '../features/tenant/TenantDialogs';
import { AnalysisHost } from '../features/analysis/AnalysisHost';
import { useAutosave } from '../project/use-autosave';
import { useBeforeUnload } from '../project/use-before-unload';
import { Toolbar } from './Toolbar';
import { StatusBar } from './StatusBar';
import { useShortcuts } from './use-shortcuts';
import { useTitle } from './use-title';
import { TimeBar } from '../features/time/TimeBar';
import { useTimeTravel } from '../features/values/use-time-travel';

/** The editor window: toolbar, palette, canvas, inspector and systems, status line. */
export function App() {
  useShortcuts();
  useTitle();
  useAutosave();
  useBeforeUnload();
  useTimeTravel();
  return (
    <ReactFlowProvider>
      <div className="app">
        <header className="app__header">
          <h1 className="app__brand">Twin Studio</h1>
          <Toolbar />
        </header>
        <LeftPanel />
        <main className="app__canvas">
          <FindBar />
          <Canvas />
        </main>
        <TimeBar />
        <div className="app__dock">
          <ChartsPanel />
        </div>
        <aside className="app__side">
          <Inspector />
          <SystemsPanel />
        </aside>
        <StatusBar />
      </div>
      <DialogHost />
      <TenantDialogs />
      <AnalysisHost />
    </ReactFlowProvider>
  );
}
