import type { WebContents } from 'electron';

// A world of our own (999 is Electron's preload world): the probe shares the page's DOM, not its JavaScript,
// so the page cannot tamper with what the probe calls.
const PROBE_WORLD_ID = 1_001;

/** The script the probe runs; exported so a test can run it in real Chromium. */
export const EDITING_PROBE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA') return !el.readOnly && !el.disabled;
  if (el.tagName !== 'INPUT') return false;
  const nonText = ['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit'];
  return !nonText.includes(el.type) && !el.disabled;
})()`;

/**
 * Whether a text field has keyboard focus in the page. Main cannot see DOM focus, so it asks, in an isolated
 * world, with a deadline: a busy or crashed page answers "no", and the menu then acts on the canvas.
 */
export async function isEditingText(contents: Pick<WebContents, 'executeJavaScriptInIsolatedWorld' | 'isDestroyed'>, timeoutMs = 300): Promise<boolean> {
  if (contents.isDestroyed()) return false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const probe = contents.executeJavaScriptInIsolatedWorld(PROBE_WORLD_ID, [{ code: EDITING_PROBE }]).then(
      (v: unknown) => v === true,
      () => false,
    );
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
