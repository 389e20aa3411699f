import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './county.js';

/** Messages between the benchmark and the platform process. */
export type PlatformMessage = { type: 'statements'; id: number } | { type: 'record' } | { type: 'stop' };
export interface PlatformReady {
  type: 'ready';
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  postgresPort: number | null;
  postgresDataDir: string;
}

const SRC = path.join(REPO_ROOT, 'bench', 'src');

/** Runs a TypeScript entry point of the bench as a Node process with an IPC channel (tsx as the loader). */
export function forkTs(file: string, args: string[], env: Record<string, string | undefined>, nodeOptions: string[] = []): ChildProcess {
  return fork(path.join(SRC, file), args, {
    execArgv: [...nodeOptions, '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    cwd: REPO_ROOT,
  });
}

/** What the platform process answers when asked for its statements: counts per subgraph, and their text once recording. */
export interface PlatformStatements {
  counts: Record<string, number>;
  recorded: Record<string, string[]>;
}

let statementRequest = 0;

/** Asks the platform process how many SQL statements each subgraph has sent so far. */
export function platformStatements(platform: ChildProcess): Promise<PlatformStatements> {
  return new Promise((resolve) => {
    const id = ++statementRequest;
    const onMessage = (message: { type: string; id: number } & PlatformStatements) => {
      if (message.type !== 'statements' || message.id !== id) return;
      platform.off('message', onMessage);
      resolve({ counts: message.counts, recorded: message.recorded });
    };
    platform.on('message', onMessage);
    platform.send({ type: 'statements', id } satisfies PlatformMessage);
  });
}

/** Waits for a process's first message of a type, or fails when it exits first or takes too long. */
export function waitForMessage<T extends { type: string }>(child: ChildProcess, type: T['type'], timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onMessage = (message: T) => {
      if (message?.type !== type) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${what} exited (code ${code}) before it was ready`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Stops a process we started: asks over IPC (or SIGTERM), then SIGKILL after a grace period. */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' });
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last lines a process printed (for the report when it fails) and passes matching ones to `onLine`. */
export function collectLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  });
}

/** Hive Gateway's CLI from the bench package's own node_modules. */
export function spawnHiveGateway(supergraphPath: string, port: number, subgraphUrls: Record<string, string>): ChildProcess {
  const bin = path.join(REPO_ROOT, 'bench', 'node_modules', '.bin', 'hive-gateway');
  if (!existsSync(bin)) throw new Error('Hive Gateway is not installed (pnpm install)');
  return spawn(bin, ['supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1', '--config-path', path.join(REPO_ROOT, 'bench', 'hive', 'gateway.config.ts')], {
    env: { ...process.env, BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: path.join(REPO_ROOT, 'bench', 'hive'),
  });
}

/* Memory and CPU of processes, from /proc (Linux). */

export interface Memory {
  /** Resident set now, bytes. */
  rss: number;
  /** Peak resident set since the process started (VmHWM), bytes. */
  peakRss: number;
}

export function memoryOf(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is [0], utime [11], stime [12] (man 5 proc).
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;

/** Processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return children;
}

/** The postmaster of a cluster, from its postmaster.pid. */
export function postmasterOf(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

export interface PostgresMemory {
  processes: number;
  /** Sum of each process's proportional set size (shared buffers counted once, split among the processes that touch them), bytes. */
  pss: number;
  /** Sum of resident sets (counts shared memory once per process: an over-count), bytes. */
  rssSum: number;
}

/** PostgreSQL's memory: the postmaster and every backend and helper process it started. */
export function postgresMemory(postmaster: number): PostgresMemory | null {
  const pids = [postmaster, ...childrenOf(postmaster)];
  let pss = 0;
  let rssSum = 0;
  let processes = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      rssSum += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      processes++;
    } catch {
      // a backend that ended meanwhile
    }
  }
  return processes > 0 ? { processes, pss, rssSum } : null;
}

/**
 * CPU seconds of a postmaster and every process it started, alive or ended. A backend
 * ends when its pool closes an idle connection; its time then moves to the
 * postmaster's reaped-children count (cutime, cstime), so the sum only grows (a sum of
 * the live processes alone went down, and a scenario showed negative CPU).
 */
export function postgresCpuSeconds(postmaster: number): number {
  return reapedChildrenCpuSeconds(postmaster) + [postmaster, ...childrenOf(postmaster)].reduce((total, pid) => total + (cpuSecondsOf(pid) || 0), 0);
}

/** CPU seconds of a process's ended children it has waited for (cutime + cstime). */
function reapedChildrenCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime [13], cstime [14] (man 5 proc), counted from the state field as [0].
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
