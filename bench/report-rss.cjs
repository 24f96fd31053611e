// Preloaded by the bench into a CLI run: prints the process's peak memory when it exits.
process.on("exit", () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`));
