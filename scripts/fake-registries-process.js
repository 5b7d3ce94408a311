// Runs scripts/fake-registries.js in a process of its own (so the time a request arrives is
// not delayed by the client's work on the same event loop), driven over IPC: the parent sends
// the data, gets the environment back, asks for the request logs, and ends it.
import { startFakeRegistries } from './fake-registries.js';

let fakes = null;
process.on('message', async (message) => {
  if (message.type === 'start') {
    fakes = await startFakeRegistries(message.data);
    process.send({ type: 'started', env: fakes.env });
  } else if (message.type === 'logs') {
    const logs = Object.fromEntries(['arxiv', 'doi', 'openreview', 'dblp'].map((kind) => [kind, { startedAt: fakes[kind].log.map((entry) => entry.startedAt), connections: fakes[kind].connections() }]));
    process.send({ type: 'logs', logs });
  } else if (message.type === 'stop') {
    await fakes?.close();
    process.exit(0);
  }
});
