import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The built files are served by the API server itself (src/api/webapp.ts); no dev server in production.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // The Utrecht packages declare no sideEffects, so without this every component would ship.
      treeshake: {
        moduleSideEffects: (id: string) => !/node_modules[\\/]@utrecht[\\/].*\.m?js$/.test(id),
      },
    },
  },
});
