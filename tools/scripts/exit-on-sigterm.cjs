// For profiling a server a benchmark starts: `node --cpu-prof -r ./tools/scripts/exit-on-sigterm.cjs …`.
// Nest's shutdown hooks end the process by re-sending the signal, and a process killed by a signal
// writes no CPU profile; this exits normally instead, so the profile is written.
process.on('SIGTERM', () => process.exit(0));
