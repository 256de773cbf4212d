import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { App } from './app/App';
import { registerAppCommands } from './commands/app-commands';
import { startApp } from './app/startup';
import { showError } from './project/project-actions';

registerAppCommands();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
startApp().catch((e) => {
  showError('Twin Studio could not start', e);
  document.documentElement.dataset.ready = 'error';
});
