// The result of a run: per scenario the API's and pgbench's figures, their ratio and the target verdict,
// as a Markdown table.
import type { CpuUse } from './cpu-usage.ts';
import type { HttpLoadResult } from './http-load.ts';
import type { PgbenchResult } from './pgbench.ts';
import type { Scenario } from './scenarios.ts';

export interface ScenarioResult {
  name: string;
  description: string;
  target: Scenario['target'];
  api: HttpLoadResult;
  pgbench: PgbenchResult;
  /** Cores in use during each measurement (undefined off Linux). */
  cpu: { api: CpuUse | undefined; pgbench: CpuUse | undefined };
  /** API requests/s ÷ pgbench transactions/s. */
  ratio: number;
  targetMet: boolean;
  verdict: string;
}

export function judge(
  scenario: Scenario,
  description: string,
  api: HttpLoadResult,
  pgbench: PgbenchResult,
  cpu: ScenarioResult['cpu'],
): ScenarioResult {
  const { target } = scenario;
  const ratio = api.requestsPerSecond / pgbench.tps;
  const latencyMs = target.percentile === 'p95' ? api.latency.p95Ms : api.latency.p99Ms;
  const misses: string[] = [];
  if (!(latencyMs < target.maxMs)) {
    misses.push(
      `${target.percentile} ${fmt(latencyMs)} ms ≥ ${target.maxMs} ms (${fmt(latencyMs / target.maxMs)}×)`,
    );
  }
  if (target.minRatio !== undefined && !(ratio >= target.minRatio)) {
    misses.push(`ratio ${fmt(ratio)} < ${fmt(target.minRatio)}`);
  }
  const goal =
    `${target.percentile} < ${target.maxMs} ms` +
    (target.minRatio !== undefined ? `, ratio ≥ ${fmt(target.minRatio)}` : '');
  return {
    name: scenario.name,
    description,
    target,
    api,
    pgbench,
    cpu,
    ratio,
    targetMet: misses.length === 0,
    verdict: misses.length ? `missed: ${misses.join('; ')}` : `met (${goal})`,
  };
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function markdownTable(results: ScenarioResult[]): string {
  const header = [
    '| scenario | API req/s | API p50 ms | API p95 ms | API p99 ms | pgbench tps | pgbench p50 ms | pgbench p95 ms | pgbench p99 ms | ratio API/pgbench | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const rows = results.map(({ name, api, pgbench, ratio, verdict }) =>
    [
      name,
      fmt(api.requestsPerSecond),
      fmt(api.latency.p50Ms),
      fmt(api.latency.p95Ms),
      fmt(api.latency.p99Ms),
      fmt(pgbench.tps),
      fmt(pgbench.latency.p50Ms),
      fmt(pgbench.latency.p95Ms),
      fmt(pgbench.latency.p99Ms),
      fmt(ratio),
      verdict,
    ].join(' | '),
  );
  return [...header, ...rows.map((r) => `| ${r} |`)].join('\n');
}

export function cpuTable(results: ScenarioResult[], cores: number): string {
  const cell = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(2));
  return [
    `| scenario | API run: machine busy (of ${cores} cores) | API server | autocannon | pgbench run: machine busy |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map(
      ({ name, cpu }) =>
        `| ${name} | ${cell(cpu.api?.machine)} | ${cell(cpu.api?.apiServer)} | ${cell(cpu.api?.benchProcess)} | ${cell(cpu.pgbench?.machine)} |`,
    ),
  ].join('\n');
}
