import { startAppServer } from "./lib/app-server.ts";

const port = Number(process.env.PORT ?? 3000);
await startAppServer({ port, dev: true });
console.log(`dev server on http://localhost:${port}`);
