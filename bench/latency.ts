// Latency percentiles, computed the same way for both tools from every recorded request or transaction.

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentiles over all samples (milliseconds). */
export function summarise(samplesMs: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samplesMs).sort();
  const count = sorted.length;
  if (count === 0) return { count, meanMs: NaN, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, maxMs: NaN };
  const at = (p: number) => sorted[Math.min(count - 1, Math.ceil((p / 100) * count) - 1)]!;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count,
    meanMs: sum / count,
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    maxMs: sorted[count - 1]!,
  };
}
