// Preloaded with --import by bench:hostile: prints this process's peak resident memory and CPU time on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`usage peak-rss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
