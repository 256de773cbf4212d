import { useEffect } from 'react';
import { commandForKey, runCommand } from '../commands/registry';
import { documentStore } from '../stores/document-store';
import { useNotice } from '../stores/notice-store';
import { isCursorKey } from '../../shared/time/cursor-steps';

function isTextInput(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
}

/** Keyboard shortcuts run commands from the registry; typing in fields keeps its own keys. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (useNotice.getState().dialog) return;
      const inInput = isTextInput(e.target);
      // Keys aimed at a button or a palette item (Enter, Space) belong to that control.
      if (e.target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return;
      // Keys aimed at a slider (the time cursor) move it, not the selection.
      if (e.target instanceof HTMLElement && e.target.getAttribute('role') === 'slider' && isCursorKey(e.key) && !e.ctrlKey && !e.metaKey) return;
      const command = commandForKey(e, inInput);
      if (!command) return;
      e.preventDefault();
      e.stopPropagation();
      runCommand(command.id);
    };
    // Arrow-key nudges squash into one undo step per burst of presses.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key.startsWith('Arrow')) documentStore.getState().seal();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, []);
}
