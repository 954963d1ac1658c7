// The background process (ADR 010): the mail outbox and the hourly housekeeping, beside the web
// server. scripts/lib/worker-process.ts starts it (npm start, npm run dev, the e2e site, the
// donations benchmark) at a lower CPU priority and starts it again if it dies. It stops on SIGTERM
// or SIGINT, and when the process that started it goes away (the IPC channel closes).
import { startBackgroundJobs } from "../app/utils/background-jobs.server.ts";

const jobs = startBackgroundJobs();
// The outbox poller's timer does not hold a process open (scripts share it): this one does.
const keepAlive = setInterval(() => {}, 60_000);
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(keepAlive);
  void jobs.stop().finally(() => process.exit(0));
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
process.on("disconnect", stop);
process.send?.({ ready: true });
