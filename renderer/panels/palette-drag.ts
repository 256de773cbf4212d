/** The drag-and-drop type carrying a catalog kind from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-twin-component';
