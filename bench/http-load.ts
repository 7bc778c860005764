// Load on the API with autocannon: a fixed number of connections for a fixed time, a fresh path per request.
import autocannon, { type Result } from 'autocannon';
import { summarise, type LatencySummary } from './latency.ts';

export interface HttpLoadOptions {
  baseUrl: string;
  /** A new path (with query) for each request. */
  nextPath: () => string;
  headers: Record<string, string>;
  connections: number;
  durationS: number;
}

export interface HttpLoadResult {
  requestsPerSecond: number;
  /** 2xx answers; the rate and the latencies count only these. */
  ok: number;
  non2xx: number;
  errors: number;
  latency: LatencySummary;
  /** autocannon's own histogram, for comparison: its percentiles stop at p97.5 and p99. */
  autocannon: { p50Ms: number; p97_5Ms: number; p99Ms: number; averageRps: number };
}

export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  // Every answer's time, so p95 can be computed (autocannon reports p90, p97.5 and p99 only).
  const latenciesMs: number[] = [];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        headers: options.headers,
        connections: options.connections,
        duration: options.durationS,
        timeout: 30,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: options.nextPath() }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on(
      'response',
      (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
        if (statusCode >= 200 && statusCode < 300) latenciesMs.push(responseTimeMs);
      },
    );
  });
  return {
    requestsPerSecond: latenciesMs.length / result.duration,
    ok: latenciesMs.length,
    non2xx: result.non2xx,
    errors: result.errors,
    latency: summarise(latenciesMs),
    autocannon: {
      p50Ms: result.latency.p50,
      p97_5Ms: result.latency.p97_5,
      p99Ms: result.latency.p99,
      averageRps: result.requests.average,
    },
  };
}
