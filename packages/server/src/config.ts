/**
 * Configuration from environment variables, validated once at start. Every variable has a safe
 * default for the embedded mode, so `npm start` needs none. README.md lists them all.
 */
import path from "node:path";
import type { DatabaseConfig } from "@evident/db";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  EVIDENT_PUBLIC_URL: z.url().optional(),
  EVIDENT_DATA_DIR: z.string().default(".evident"),
  EVIDENT_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DATABASE_URL: z.string().optional(),
  EVIDENT_MIGRATE_DATABASE_URL: z.string().optional(),
  EVIDENT_READ_DATABASE_URL: z.string().optional(),
  EVIDENT_AUDIT_KEY: z.string().optional(),
  EVIDENT_AUDIT_ANCHOR_DIR: z.string().optional(),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("Evident <no-reply@evident.invalid>"),
  EVIDENT_DEMO_PATIENTS: z.coerce.number().int().min(0).max(1_000_000).default(600),
  EVIDENT_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  EVIDENT_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  EVIDENT_PG_RESTART_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  EVIDENT_LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  EVIDENT_TRUST_PROXY: z
    .string()
    .default("0")
    .transform((v) => (v === "true" ? "1" : v === "false" ? "0" : v))
    .refine(
      (v) => /^(10|[0-9])$/.test(v),
      "must be the number of proxies in front of Evident (0–10), true or false",
    )
    .transform(Number),
  EVIDENT_SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  EVIDENT_TEST_CLOCK: z.enum(["0", "1"]).default("0"),
  EVIDENT_BULK_EXPORT_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  NODE_ENV: z.string().optional(),
});

export type AppConfig = {
  port: number;
  host: string;
  /** Origin used in links sent to patients and for the CSRF origin check. */
  publicUrl: string;
  dataDir: string;
  embeddedPgPort: number | undefined;
  databaseUrl: string | undefined;
  /** How long the server tries to start its embedded PostgreSQL again before it exits non-zero. */
  pgRestartTimeoutMs: number;
  /** The tables' owner, for migrations and setup, when DATABASE_URL is the app's own role. */
  migrateDatabaseUrl: string | undefined;
  /** A streaming replica for outcomes, research and FHIR search reads (the server only: db/replica.ts). */
  readDatabaseUrl: string | undefined;
  /** EVIDENT_AUDIT_KEY (never logged); without it, the key file in the data directory. */
  auditKey: string | undefined;
  /** Where audit anchors are appended; the data directory by default. */
  auditAnchorDir: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  demoPatients: number;
  session: { idleMinutes: number; maxHours: number };
  /**
   * How many reverse proxies in front of Evident append to X-Forwarded-For (0: none, the socket
   * address is the client's). See http/client-ip.ts.
   */
  trustProxy: number;
  /** Seals TOTP secrets (auth/secret-box.ts); without it, a key file in the data directory. */
  secretKey: string | undefined;
  bodyLimitBytes: number;
  /** EVIDENT_LOG_LEVEL: pino's levels; `info` logs one line per request. */
  logLevel: string;
  version: string;
  /** Built web app (index.html and assets), served when present. */
  webDist: string | null;
  /**
   * EVIDENT_TEST_CLOCK=1: the server's clock can be moved forward by an administrator
   * (POST /api/v1/test/clock), so a browser test can live through weeks of follow-up in
   * minutes. For test servers only; refused when NODE_ENV=production.
   */
  testClock: boolean;
  /** How long a Bulk Data export's files are kept after it completes (then the cleanup job deletes them). */
  bulkExportHours: number;
};

export const VERSION = "0.1.0";

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.EVIDENT_TEST_CLOCK === "1" && e.NODE_ENV === "production")
    throw new Error(
      "Invalid configuration:\n  EVIDENT_TEST_CLOCK: a movable clock is for test servers; it cannot be enabled with NODE_ENV=production",
    );
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.EVIDENT_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    dataDir: path.resolve(e.EVIDENT_DATA_DIR),
    embeddedPgPort: e.EVIDENT_PG_PORT,
    databaseUrl: e.DATABASE_URL || undefined,
    pgRestartTimeoutMs: e.EVIDENT_PG_RESTART_TIMEOUT_SECONDS * 1000,
    migrateDatabaseUrl: e.EVIDENT_MIGRATE_DATABASE_URL || undefined,
    readDatabaseUrl: e.EVIDENT_READ_DATABASE_URL || undefined,
    auditKey: e.EVIDENT_AUDIT_KEY || undefined,
    auditAnchorDir: e.EVIDENT_AUDIT_ANCHOR_DIR ? path.resolve(e.EVIDENT_AUDIT_ANCHOR_DIR) : undefined,
    smtpUrl: e.SMTP_URL || undefined,
    smtpFrom: e.SMTP_FROM,
    demoPatients: e.EVIDENT_DEMO_PATIENTS,
    session: { idleMinutes: e.EVIDENT_SESSION_IDLE_MINUTES, maxHours: e.EVIDENT_SESSION_MAX_HOURS },
    trustProxy: e.EVIDENT_TRUST_PROXY,
    secretKey: e.EVIDENT_SECRET_KEY || undefined,
    bodyLimitBytes: 1024 * 1024,
    logLevel: e.EVIDENT_LOG_LEVEL,
    version: VERSION,
    webDist: null,
    testClock: e.EVIDENT_TEST_CLOCK === "1",
    bulkExportHours: e.EVIDENT_BULK_EXPORT_HOURS,
    ...overrides,
  };
}

/** What `openDatabase` needs from the configuration (the server and every CLI command open it alike). */
export function databaseConfig(config: AppConfig, log: (line: string) => void): DatabaseConfig {
  return {
    databaseUrl: config.databaseUrl,
    migrateDatabaseUrl: config.migrateDatabaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPgPort,
    auditKey: config.auditKey,
    auditAnchorDir: config.auditAnchorDir,
    log,
  };
}
