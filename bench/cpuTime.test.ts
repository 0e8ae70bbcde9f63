import { describe, expect, it } from 'vitest';
import { cpuBetween, cpuSecondsNow, statOf, totalCpu } from './cpuTime';

describe('bench CPU time', () => {
  it('reads utime and stime of a stat line whose command holds spaces and parentheses', () => {
    const line =
      '4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 75 0 0 20 0 1 0 100 0 0';
    expect(statOf(line, 100)).toEqual({ command: 'postgres: a (b) c', seconds: 3.25 });
  });

  it('counts a database process that started in between from zero, and leaves out one that ended', () => {
    const reading = (database: [string, number][]) => ({
      client: 1,
      server: 2,
      database: new Map(database),
    });
    const spent = cpuBetween(
      reading([
        ['10', 5],
        ['11', 40],
      ]),
      reading([
        ['10', 6],
        ['12', 0.5],
      ]),
    );
    expect(spent).toEqual({ client: 0, server: 0, database: 1.5 });
  });

  it('counts work done between two readings against the process that did it', () => {
    const before = cpuSecondsNow();
    if (!before) return; // no /proc on this system: nothing to read
    // Busy until Node itself counts 0.2 s of this process's CPU, however loaded the machine.
    const started = process.cpuUsage();
    const busyMicros = () => {
      const { user, system } = process.cpuUsage(started);
      return user + system;
    };
    while (busyMicros() < 200_000) Math.sqrt(Math.random());
    const spent = cpuBetween(before, cpuSecondsNow()!);
    expect(spent.client).toBeGreaterThan(0.15);
    expect(spent.server).toBe(0);
  });

  it('sums runs, and has no total when a run was not measured', () => {
    const run = { client: 1, server: 2, database: 3 };
    expect(totalCpu([run, run])).toEqual({ client: 2, server: 4, database: 6 });
    expect(totalCpu([run, undefined])).toBeUndefined();
    expect(totalCpu([])).toBeUndefined();
  });
});
