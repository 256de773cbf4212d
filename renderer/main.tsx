import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './app/App';
import { registerAppCommands } from './commands/app-commands';
import { registerTimeCommands } from './features/time/time-commands';
import { startApp } from './app/startup';
import { showError } from './project/project-actions';

registerAppCommands();
registerTimeCommands();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
let mounted = false;
/** Render the UI once: called by startApp as soon as the project is on its way, or on failure. */
function mount(): void {
  if (mounted) return;
  mounted = true;
  createRoot(root as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
startApp(mount).catch((e) => {
  mount();
  showError('Twin Studio could not start', e);
  document.documentElement.dataset.ready = 'error';
});
