import type { MessageBoxSyncOptions, WebContents } from 'electron';

/** The native question asked when the page refuses to unload because the project has unsaved changes. */
export const LEAVE_PROMPT: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Unsaved changes',
  message: 'Leave without saving?',
  detail: 'Changes made to this project since it was last saved will be lost.',
  buttons: ['Leave Without Saving', 'Stay'],
  // Enter and Escape both keep the work: losing it takes a deliberate click.
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

/**
 * Turn the page's `beforeunload` refusal (closing the window, quitting, reloading) into a native question.
 * Leaving is `preventDefault()` on will-prevent-unload, which lets the unload go ahead.
 */
export function confirmLeaveWhenUnsaved(contents: Pick<WebContents, 'on'>, ask: (options: MessageBoxSyncOptions) => number): void {
  contents.on('will-prevent-unload', (event) => {
    if (ask(LEAVE_PROMPT) === 0) event.preventDefault();
  });
}
