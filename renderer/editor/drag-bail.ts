import type { DocumentStore } from '../stores/document-store';

/**
 * Escape during a drag: the document goes back to before the drag (History.bail), and the canvas ignores
 * the rest of that drag's moves until the pointer is released, so the nodes stay where they were.
 */
let cancelled = false;

/** Cancel the drag in progress; false when none is. */
export function cancelDrag(doc: DocumentStore): boolean {
  if (doc.getState().gesture() !== 'drag') return false;
  cancelled = doc.getState().bail('drag');
  return cancelled;
}

/** Whether the current drag was cancelled; the canvas skips its moves. */
export function dragCancelled(): boolean {
  return cancelled;
}

/** The drag ended (pointer released): the next one counts again. */
export function dragEnded(): void {
  cancelled = false;
}
