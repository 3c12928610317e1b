// Preloaded with --import by the benchmarks: prints this process's peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
