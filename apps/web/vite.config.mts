import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env['API_URL'] ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: api, changeOrigin: false } };

// Built into dist/web; the API serves it with an SPA fallback to index.html for non-/api paths.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // The web reads the domain's tables (document types) from source, as the server does.
  resolve: {
    alias: { '@rodtrad/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    // The domain's modules only declare tables and functions: what the web does not use (the demo
    // municipality, the glossary) stays out of the bundle.
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/libs/domain/src/') },
    },
  },
  server: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4300, strictPort: true, proxy },
});
