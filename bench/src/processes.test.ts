import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { postgresCpuSeconds } from './processes.js';

describe('CPU of a process and the processes it started', () => {
  it('keeps the time of children that have ended', async () => {
    // A parent (standing in for the postmaster) whose child burns CPU, ends and is reaped.
    const parent = spawn('bash', ['-c', '( i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done ); sleep 2'], { stdio: 'ignore' });
    const before = postgresCpuSeconds(parent.pid!);
    let during = before;
    const readings: number[] = [];
    for (let i = 0; i < 30; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      during = postgresCpuSeconds(parent.pid!);
      readings.push(during);
    }
    await new Promise((resolve) => parent.on('exit', resolve));
    // The child has ended by now: its time stays in the sum, which never went down.
    expect(during).toBeGreaterThan(before + 0.1);
    for (let i = 1; i < readings.length; i++) expect(readings[i]!).toBeGreaterThanOrEqual(readings[i - 1]!);
  }, 20_000);
});
