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

/** Whether a focused control declares it handles this unmodified key itself (`data-own-keys="ArrowLeft ArrowRight"`). */
function ownsKey(el: EventTarget | null, e: KeyboardEvent): boolean {
  if (!(el instanceof HTMLElement) || e.ctrlKey || e.metaKey || e.altKey) return false;
  return el.closest<HTMLElement>('[data-own-keys]')?.dataset.ownKeys?.split(' ').includes(e.key) ?? false;
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
      // A plot or a slider moves its cursor with the arrow keys: they do not nudge the selected assets then.
      if (ownsKey(e.target, e)) return;
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
