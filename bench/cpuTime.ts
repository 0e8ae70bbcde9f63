import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user and system) the processes of a bench have used so far: the bench itself (the
 * client: autocannon, or the raw inserts' driver), the server in its own process, and
 * every PostgreSQL process. Read from Linux's /proc; elsewhere there is none.
 */
export interface CpuSeconds {
  client: number;
  server: number;
  database: number;
}

/** A process's command name and CPU seconds from its /proc/<pid>/stat line. */
export function statOf(line: string, ticksPerSecond: number): { command: string; seconds: number } {
  // The command is in parentheses and may hold spaces and parentheses itself: the fields after
  // the last ")" are numbered from 3 (state); utime and stime are fields 14 and 15.
  const close = line.lastIndexOf(')');
  const command = line.slice(line.indexOf('(') + 1, close);
  const fields = line.slice(close + 2).split(' ');
  return { command, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
}

let ticks: number | undefined;
function ticksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

function secondsOf(pid: number | string): { command: string; seconds: number } | undefined {
  try {
    return statOf(readFileSync(`/proc/${pid}/stat`, 'utf8'), ticksPerSecond());
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** The CPU time used so far: PostgreSQL's per process, as connections come and go. */
export interface CpuReading {
  client: number;
  server: number;
  database: Map<string, number>;
}

/** The CPU time used so far, or undefined where there is no /proc. */
export function cpuSecondsNow(serverPid?: number): CpuReading | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const database = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const stat = secondsOf(pid);
    if (stat?.command.startsWith('postgres')) database.set(pid, stat.seconds);
  }
  return {
    client: secondsOf(process.pid)?.seconds ?? 0,
    server: serverPid === undefined ? 0 : (secondsOf(serverPid)?.seconds ?? 0),
    database,
  };
}

/**
 * What a piece of work cost each process, from two readings around it. A PostgreSQL process
 * that started in between counts from zero; one that ended (an idle pooled connection closed)
 * is left out, so its time does not come off the others'.
 */
export function cpuBetween(before: CpuReading, after: CpuReading): CpuSeconds {
  let database = 0;
  for (const [pid, seconds] of after.database)
    database += seconds - (before.database.get(pid) ?? 0);
  return {
    client: after.client - before.client,
    server: after.server - before.server,
    database,
  };
}

/** The sum of several runs' CPU time, or undefined when any run has none. */
export function totalCpu(runs: (CpuSeconds | undefined)[]): CpuSeconds | undefined {
  if (runs.length === 0 || runs.some((run) => run === undefined)) return undefined;
  return (runs as CpuSeconds[]).reduce((sum, run) => ({
    client: sum.client + run.client,
    server: sum.server + run.server,
    database: sum.database + run.database,
  }));
}
