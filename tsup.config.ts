import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: main entry and the places subpath, for Node and bundlers.
    entry: {
      index: "src/index.ts",
      places: "src/places/index.ts",
      countries: "src/countries/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    splitting: true,
  },
  {
    // The command line: its own entry point, Node only, ESM.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
