// The donations benchmark's app server: the same Express + Remix server as `npm start`
// (scripts/lib/app-server.ts), run as a child process so the benchmark can `kill -9` it. The
// benchmark sets the environment and the working directory (a snapshot of build/ lives there) and
// waits for the "ready" message on the IPC channel. When the benchmark goes away, so does this.
import fs from "node:fs";
import inspector from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import { startAppServer } from "../../../scripts/lib/app-server.ts";

const port = Number(process.env.PORT);
await startAppServer({ port, host: "127.0.0.1" });
process.send?.({ ready: true, port });
process.on("disconnect", () => process.exit(0));

// DONATIONS_BENCH_CPU_PROFILE: the benchmark asks for a CPU profile of phase 1 ({ profile: "start" },
// then { profile: "stop", file }), so where a gift's time goes is read, not guessed (open the
// .cpuprofile in Chrome's DevTools).
// { eventLoop: true } → the event loop's cumulative busy and idle time, so the benchmark can say how
// much of a phase the server spent waiting (for the database, for requests) rather than working.
let session: inspector.Session | null = null;
process.on("message", async (message: { profile?: "start" | "stop"; file?: string; eventLoop?: true }) => {
  if (message.eventLoop) {
    const { active, idle } = performance.eventLoopUtilization();
    process.send?.({ eventLoop: { active, idle } });
  } else if (message.profile === "start") {
    session = new inspector.Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  } else if (message.profile === "stop" && session && message.file) {
    const { profile } = await session.post("Profiler.stop");
    fs.writeFileSync(message.file, JSON.stringify(profile));
    process.send?.({ profiled: message.file });
  }
});
