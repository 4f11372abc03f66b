/**
 * Builds the explorer as static files in docs/explorer/dist. The page imports
 * "city-difference" and "city-difference/places" by package self-reference,
 * so Vite resolves them through the package's exports map to the built
 * dist/, exactly as a front-end that installed the package would.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset paths: the output runs from any directory or static host.
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
  },
  preview: { host: "127.0.0.1", port: 4173 },
  plugins: [
    {
      name: "require-built-package",
      buildStart() {
        if (
          !existsSync(`${packageRoot}dist/index.js`) ||
          !existsSync(`${packageRoot}dist/places.js`)
        ) {
          throw new Error("The explorer imports the built package: run `npm run build` first.");
        }
      },
    },
  ],
});
