// Preloaded by the benchmark (node --require): prints the process's peak resident memory at exit.
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
