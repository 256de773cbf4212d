import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app:// in Electron and from the web host's root,
// so asset URLs are relative and nothing is inlined (the CSP allows no inline code).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'chrome120',
  },
});
