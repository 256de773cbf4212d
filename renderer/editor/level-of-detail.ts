import { createContext } from 'react';

/**
 * Below this zoom, text inside symbols is unreadable and ports are too small to aim at: they are left
 * out of the page (ports come back on the node under the pointer). With hundreds of assets on screen,
 * that is most of the DOM and most of the store subscriptions each drag frame would otherwise pay for.
 */
export const FAR_ZOOM = 0.55;

/** Whether the canvas is zoomed out past FAR_ZOOM; changes only when the threshold is crossed. */
export const FarZoomContext = createContext(false);
