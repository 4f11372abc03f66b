import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: main entry and the places, countries and networks subpaths, for Node and bundlers.
    entry: {
      index: "src/index.ts",
      places: "src/places/index.ts",
      countries: "src/countries/index.ts",
      networks: "src/networks/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    splitting: true,
    // fp-ts has no exports map: Node ESM cannot load "fp-ts/Either" from dist, and importing its
    // root barrel keeps all of Either in esbuild bundles. Inlining the few functions used
    // (left, right, isLeft, isRight, map) avoids both; its types still come from fp-ts.
    noExternal: [/^fp-ts/],
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
    noExternal: [/^fp-ts/],
  },
]);
