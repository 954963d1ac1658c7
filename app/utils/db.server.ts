import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One client per process; kept on globalThis so `remix dev` reloads do not open new pools.
const globalForDb = globalThis as unknown as { __prisma?: PrismaClient };

export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

export const prisma: PrismaClient = (globalForDb.__prisma ??= createPrisma(getEnv().DATABASE_URL));
