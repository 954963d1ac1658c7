import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

const BUILD_PATH = path.resolve("build/index.js");

/** Serves the Remix build with Express on 127.0.0.1/all interfaces as PORT says. */
export async function startAppServer(opts: { port: number; host?: string; dev?: boolean }): Promise<Server> {
  // Cache-busted import so `remix dev` restarts always load the new build.
  const build = (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(logRequests);
  // Client-address headers are only believed behind a proxy that sets them (TRUST_PROXY=1);
  // otherwise a visitor could pick their own address and slip past the rate limits.
  if (!process.env.TRUST_PROXY) {
    app.use((req, _res, next) => {
      delete req.headers["x-forwarded-for"];
      delete req.headers["x-real-ip"];
      next();
    });
  }
  // The socket's address is the rate limits' fallback when no proxy sets x-forwarded-for.
  app.all("*", createRequestHandler({ build, mode: build.mode, getLoadContext: (req) => ({ remoteAddress: req.socket.remoteAddress }) }));
  return new Promise((resolve) => {
    const server = app.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      if (opts.dev) void broadcastDevReady(build);
      resolve(server);
    });
  });
}

// Method, path, status and time only: query strings and bodies may carry personal data.
function logRequests(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (process.env.QUIET_HTTP_LOG) return next();
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${req.method} ${req.path} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
}
