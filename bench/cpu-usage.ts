// CPU time spent during a measurement, read from /proc (Linux): how many cores the whole machine kept busy
// (other people's work included: the machine is shared) and how many went to the API server and to this
// process, which runs autocannon. Undefined where /proc cannot be read.
import { readFileSync } from 'node:fs';

/** Cores busy on average over the measurement (2 = both cores of a 2-core machine all the time). */
export interface CpuUse {
  machine: number;
  apiServer: number;
  /** This process: autocannon during an API measurement, next to nothing during pgbench's. */
  benchProcess: number;
}

/** /proc counts in USER_HZ ticks, 100 per second on Linux. */
const TICKS_PER_SECOND = 100;

/** Busy ticks of all cores together: everything but idle and I/O wait. */
function machineBusyTicks(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

function processTicks(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Starts counting; the function returned stops and gives the average use. */
export function measureCpu(apiServerPid: number | undefined): () => CpuUse | undefined {
  let start: { machine: number; server: number; self: NodeJS.CpuUsage; at: bigint };
  try {
    start = {
      machine: machineBusyTicks(),
      server: processTicks(apiServerPid),
      self: process.cpuUsage(),
      at: process.hrtime.bigint(),
    };
  } catch {
    return () => undefined;
  }
  return () => {
    const seconds = Number(process.hrtime.bigint() - start.at) / 1e9;
    const self = process.cpuUsage(start.self);
    const round = (cores: number) => Math.round(cores * 100) / 100;
    return {
      machine: round((machineBusyTicks() - start.machine) / TICKS_PER_SECOND / seconds),
      apiServer: round((processTicks(apiServerPid) - start.server) / TICKS_PER_SECOND / seconds),
      benchProcess: round((self.user + self.system) / 1e6 / seconds),
    };
  };
}
