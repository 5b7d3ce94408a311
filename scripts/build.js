// Bundles the CLI and the library into dist/ so the command starts without a TypeScript
// loader and without resolving hundreds of small modules. What lint, check and format need
// is loaded up front (the pre-commit check imports nothing later); code splitting keeps the
// rest (the link checker and undici, SARIF, export) in chunks loaded only when asked for.
import { build, transform } from 'esbuild';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

// Built beside dist/ and swapped in, so a command running meanwhile never finds dist/ half written.
const dist = new URL('../dist', import.meta.url);
const staging = new URL(`../dist.${process.pid}.tmp`, import.meta.url);
// Node's built-in modules are loaded with require(): importing one as an ES module makes Node
// build a facade that reads every export, lazy ones included (node:fs then loads its streams),
// which costs a command that starts often, like the pre-commit check, several milliseconds.
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(build) {
    // esbuild takes Go regular expressions: no flags.
    build.onResolve({ filter: /^node:/ }, (args) =>
      // The require() inside the stand-in module is the real one, left to Node. A dynamic import()
      // stays Node's own: the stand-in's only export would be `default`, not the named ones the code takes.
      args.namespace === 'builtin' || args.kind === 'dynamic-import' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const options = {
  outdir: staging.pathname,
  bundle: true,
  // Less text for Node to parse at every start; names are kept, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [builtinsByRequire],
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
// Built one at a time, so that the command's chunks are cut for the command alone, not shared
// with the library's: fewer files to load when it starts.
for (const [name, entry] of Object.entries({ cli: 'src/cli.ts', index: 'src/index.ts' })) {
  await build({ ...options, entryPoints: { [name]: entry } });
}
// The site's style and script are read at run time from beside the module that inlines them;
// minified, as every page carries them (no format: a plain script's top-level names stay).
for (const [asset, loader] of [['site.css', 'css'], ['site-client.js', 'js']]) {
  const source = readFileSync(new URL(`../src/site/${asset}`, import.meta.url), 'utf8');
  const { code } = await transform(source, { loader, minify: true, target: loader === 'js' ? 'es2020' : 'chrome100' });
  writeFileSync(new URL(asset, `${staging.href}/`), code);
}
rmSync(dist, { recursive: true, force: true });
renameSync(staging, dist);
