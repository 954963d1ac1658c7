// GET /ping → 200 "ok": a resource route that does no work (no database, no session, no i18n).
// Two uses: a liveness probe for process supervisors and load balancers (the process is up and
// Remix answers; /healthz is the readiness check that also looks at the database, search and
// outboxes), and the HTTP ceiling that `npm run bench:donations` compares the webhook's rate with.
// remix-flat-routes' `_api+` folder is pathless, so this is served at /ping.

// The length is given so the server's compression middleware leaves two bytes alone (without it,
// a streamed body of unknown length is gzipped).
export function loader() {
  return new Response("ok", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Length": "2", "Cache-Control": "no-store" } });
}
