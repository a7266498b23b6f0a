/**
 * Tiny benchmark harness: repeat, take the median. Benchmarks are not tests: they print figures
 * for BENCHMARKS.md and assert nothing about time.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median wall time of `fn` in milliseconds over `runs` runs, after `warmup` unmeasured runs. */
export function timeMs(fn: () => void, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
  readonly met: boolean;
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  process.stdout.write(`\n${title}\n`);
  for (const f of figures) {
    const value = f.value >= 100 ? Math.round(f.value).toLocaleString('en-US') : f.value.toPrecision(3);
    process.stdout.write(
      `  ${f.name.padEnd(52)} ${`${value} ${f.unit}`.padStart(22)}   target ${f.target} ${f.met ? '✓' : '✗'}\n`,
    );
  }
}
