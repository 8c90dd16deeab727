import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readCpuTimes, stealShare, yardstick } from '../../../bench/host.js';

describe('bench host figures', () => {
  it('gives the share of all cores’ time the hypervisor took between two readings', () => {
    expect(stealShare({ total: 1000, steal: 10 }, { total: 1200, steal: 60 })).toBe(0.25);
    expect(stealShare({ total: 1000, steal: 10 }, { total: 1200, steal: 10 })).toBe(0);
  });

  it('gives no share without two readings, or when no time passed between them', () => {
    expect(stealShare(null, { total: 1200, steal: 60 })).toBeNull();
    expect(stealShare({ total: 1000, steal: 10 }, null)).toBeNull();
    expect(stealShare({ total: 1000, steal: 10 }, { total: 1000, steal: 10 })).toBeNull();
  });

  it('reads cumulative CPU time from /proc/stat where there is one', () => {
    const first = readCpuTimes();
    if (!existsSync('/proc/stat')) {
      expect(first).toBeNull();
      return;
    }
    let spin = 0;
    for (let step = 0; step < 100_000; step += 1) spin += step % 3;
    const second = readCpuTimes();
    expect(spin).toBeGreaterThan(0);
    expect(first!.steal).toBeGreaterThanOrEqual(0);
    expect(first!.steal).toBeLessThanOrEqual(first!.total);
    expect(second!.total).toBeGreaterThanOrEqual(first!.total);
  });

  it('times both fixed workloads', () => {
    const { computeMs, memoryMs } = yardstick(1, 0.001);
    expect(computeMs).toBeGreaterThan(0);
    expect(memoryMs).toBeGreaterThan(0);
  });
});
