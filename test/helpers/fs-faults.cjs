// Loaded with `node --require` before bin/catalog.js, so that a test can make happen, at a
// chosen step of a real run, what a real disk or user does: an edit saved while a file is being
// formatted, a full disk or a read-only folder, a signal. FS_FAULT holds the fault as JSON:
//   {"edit": "/abs/file.md", "append": "text"}  appends to the file once its temporary copy is written
//   {"error": "ENOSPC", "for": "a.md"}          the temporary file of a.md cannot be written
//   {"signal": "SIGTERM"}                       the process gets the signal once a temporary file is written
// Only temporary files (`*.tmp`) are touched; the bundle calls node:fs through its module object.
const fs = require('node:fs');
const path = require('node:path');

const fault = JSON.parse(process.env.FS_FAULT ?? '{}');
const writeFileSync = fs.writeFileSync;
let done = false;

fs.writeFileSync = function faultyWriteFileSync(file, ...rest) {
  if (done || typeof file !== 'string' || !file.endsWith('.tmp')) return writeFileSync.call(this, file, ...rest);
  if (fault.error && path.basename(file).startsWith(`.${fault.for}.`)) {
    const error = new Error(`${fault.error}: simulated, open '${file}'`);
    error.code = fault.error;
    error.syscall = 'open';
    throw error;
  }
  writeFileSync.call(this, file, ...rest);
  if (fault.edit) {
    done = true;
    fs.appendFileSync(fault.edit, fault.append);
  }
  if (fault.signal) {
    done = true;
    process.kill(process.pid, fault.signal);
  }
};
