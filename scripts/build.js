// Bundles the CLI and the library into dist/ so the command starts without a TypeScript
// loader and without resolving hundreds of small modules. Code splitting keeps the
// commands' heavy parts (remark, undici) in chunks loaded only when a command needs them.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';

// Built beside dist/ and swapped in, so a command running meanwhile never finds dist/ half written.
const dist = new URL('../dist', import.meta.url);
const staging = new URL(`../dist.${process.pid}.tmp`, import.meta.url);
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: staging.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
rmSync(dist, { recursive: true, force: true });
renameSync(staging, dist);
