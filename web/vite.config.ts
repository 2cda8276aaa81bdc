import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
/** Where the dev server forwards /api; the backend listens on 8080 unless told otherwise. */
const apiTarget = process.env.XIEZUO_API_URL ?? 'http://localhost:8080';

const ANTD = /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs|@babel[\\/]runtime)[\\/]/;

/**
 * Heavy libraries get their own long-lived chunks; echarts loads only with the pages that chart.
 * Ant Design is split: what the first screen uses (`$initial`: reached by static imports from the entry)
 * is one chunk, every other component lands in the chunks of the lazy pages that use it (shared ones
 * in common chunks), so the login page does not carry the date pickers, tables and trees of the forms.
 */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 30 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 20 },
  { name: 'antd', test: ANTD, tags: ['$initial' as const], priority: 10 },
];

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // .vite/manifest.json: the chunk graph, read by bench/web.ts to measure what each page loads
    manifest: true,
    rolldownOptions: {
      // The contracts build zod schemas at the top level; the web takes constants and types from them, so an import
      // through a contract (ACTION_CODES via src/platform/contract.ts) must not drag the schemas and zod along.
      treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/](platform[\\/]contract|modules[\\/][^\\/]+[\\/][^\\/]+\.contract)\.ts$/, sideEffects: false }] },
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
