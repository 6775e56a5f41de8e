import { writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

const outDir = 'dist'
const apiTarget = process.env.STREAMWARDEN_URL

// The Go binary embeds frontend/dist, so the directory (and its committed
// .gitkeep) must exist even right after emptyOutDir wiped it.
function keepDistPlaceholder(): Plugin {
  return {
    name: 'keep-dist-placeholder',
    apply: 'build',
    closeBundle() {
      const dir = fileURLToPath(new URL(`./${outDir}/`, import.meta.url))
      mkdirSync(dir, { recursive: true })
      writeFileSync(`${dir}.gitkeep`, '')
    },
  }
}

export default defineConfig({
  plugins: [svelte(), svelteTesting(), keepDistPlaceholder()],
  resolve: {
    // Leaflet's package.json only points at its UMD build; use the ES module it also ships.
    alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }],
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Everything is served from the embedded binary: no external CDNs, one small bundle.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // Compiling Svelte dominates a build on a small machine; that is expected, not a warning.
      checks: { bundlerTimings: false },
    },
  },
  server: {
    strictPort: true,
    // `STREAMWARDEN_URL=http://127.0.0.1:8080 npm run dev` develops against a running headless server.
    proxy: apiTarget
      ? {
          '/api': {
            target: apiTarget,
            changeOrigin: true,
            // The server refuses cross-origin writes; present the request as its own.
            headers: { Origin: new URL(apiTarget).origin },
          },
        }
      : undefined,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
})
