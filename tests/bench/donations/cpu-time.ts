// CPU seconds spent by the processes of a run (Linux /proc): the app server, its background process
// (receipt mails), every PostgreSQL process, and this benchmark (its HTTP client). Read before and after a phase, the differences
// say where a gift's CPU time goes on this machine, where all three share the same cores.
import fs from "node:fs";

export type CpuSnapshot = { server: number; worker: number; postgres: number; client: number };

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processCpuSeconds(pid: string): { comm: string; seconds: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null; // gone meanwhile
  }
}

/** null where /proc is not there (not Linux). */
export function cpuSnapshot(serverPid: number | undefined, workerPid?: number): CpuSnapshot | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let postgres = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const p = processCpuSeconds(pid);
    if (p?.comm === "postgres") postgres += p.seconds;
  }
  const usage = process.cpuUsage();
  return {
    server: serverPid ? (processCpuSeconds(String(serverPid))?.seconds ?? 0) : 0,
    worker: workerPid ? (processCpuSeconds(String(workerPid))?.seconds ?? 0) : 0,
    postgres,
    client: (usage.user + usage.system) / 1e6,
  };
}

/** "server 3.1 ms · background process 1.0 ms · PostgreSQL 2.0 ms · client 1.2 ms of CPU per gift". */
export function cpuPerItem(before: CpuSnapshot | null, after: CpuSnapshot | null, items: number): string {
  if (!before || !after) return "CPU time per process: not measured (no /proc)";
  // Processes that exit meanwhile (a closed connection's backend) take their CPU time with them,
  // so a difference can come out below zero: shown as 0.
  const ms = (key: keyof CpuSnapshot) => ((Math.max(0, after[key] - before[key]) * 1000) / items).toFixed(2);
  return `CPU per gift: server ${ms("server")} ms · background process ${ms("worker")} ms · PostgreSQL ${ms("postgres")} ms · benchmark client ${ms("client")} ms`;
}
