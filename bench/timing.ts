/** Timing for the benchmarks: the median of several runs after warming up. */

/**
 * Median of `runs` timings after `warmups` untimed runs. Large functions take several runs before
 * the JIT settles (the rule engine: about six), so steady-state measures warm up longer.
 */
export function time(fn: () => void, runs = 9, warmups = 3): number {
  for (let i = 0; i < warmups; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
