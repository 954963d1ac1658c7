import { checkHealth } from "~/modules/health/check-health.server.ts";

/** JSON for load balancers and people: database, search engine and outbox lag. */
export async function loader() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
