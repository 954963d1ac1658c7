import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One pool and one client per process; kept on globalThis so `remix dev` reloads do not open new pools.
const globalForDb = globalThis as unknown as { __db?: { pool: pg.Pool; prisma: PrismaClient } };

function createDb(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

const db = (globalForDb.__db ??= createDb(getEnv().DATABASE_URL));

export const prisma: PrismaClient = db.prisma;

/**
 * Prisma's own connection pool, for the one statement that must not pay Prisma's per-query cost
 * (the card-gift hot path, ADR 008). Everything else goes through `prisma`.
 */
export const pgPool: pg.Pool = db.pool;
