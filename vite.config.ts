import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app (src/web) builds to dist/web, which the server serves. `sanad serve` rebuilds it when the
 * sources changed (src/server/web/ensure-web-build.ts); `npm run dev:web` proxies /api to a running server.
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // The initial JavaScript budget is 250 KB gzip (reported by `npm run build`); keep vendors apart so
    // pages loaded later do not re-download them.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
