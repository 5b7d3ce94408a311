#!/usr/bin/env node
// Runs the bundled command in dist/. `npm ci` and `npm install` build it through `prepare`; a
// checkout that was never installed has no dist/ yet, and gets told what to run instead of a stack trace.
const entry = new URL('../dist/cli.js', import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || error.url !== entry.href) throw error;
  const root = decodeURIComponent(new URL('..', import.meta.url).pathname).replace(/\/$/u, '');
  process.stderr.write(`catalog: the command is not built yet (no dist/cli.js in ${root}). Run \`npm ci\` there (it builds dist/), or \`npm run build\` after installing.\n`);
  process.exitCode = 2;
}
