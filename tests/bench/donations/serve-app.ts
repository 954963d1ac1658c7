// The donations benchmark's app server: the same Express + Remix server as `npm start`
// (scripts/lib/app-server.ts), run as a child process so the benchmark can `kill -9` it. The
// benchmark sets the environment and the working directory (a snapshot of build/ lives there) and
// waits for the "ready" message on the IPC channel. When the benchmark goes away, so does this.
import { startAppServer } from "../../../scripts/lib/app-server.ts";

const port = Number(process.env.PORT);
await startAppServer({ port, host: "127.0.0.1" });
process.send?.({ ready: true, port });
process.on("disconnect", () => process.exit(0));
