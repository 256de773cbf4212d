import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { methodNames } from '../../shared/api/contract';
import { methodChannel } from '../../shared/api/bridge';
import { dispatch, type Handlers } from './dispatch';

/**
 * One `ipcMain.handle` per contract method. Calls from any frame other than the app's own top frame
 * (an injected iframe, a navigated page) are refused before the input is even parsed.
 */
export function registerIpcHost(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
): () => void {
  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { kind: 'forbidden', message: 'This window is not allowed to call the Twin Studio API.' } };
      }
      return dispatch(handlers, name, input);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(methodChannel(name));
  };
}
