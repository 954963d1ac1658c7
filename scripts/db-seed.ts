// `npm run db:seed`: (re)writes the demo data; idempotent, so it is safe to run again.
import { prepare } from "./lib/prepare.ts";

const db = await prepare({ seed: "always" });
await db.stop();
process.exit(0);
