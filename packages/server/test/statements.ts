/**
 * Counts what the app sends to PostgreSQL while a piece of code runs: every call of the driver's
 * `Client.query` (one round trip each: a simple-protocol text with several statements, such as
 * `begin; select set_config(…)`, is one round trip), from every pool of the process — the app's
 * scoped connections and the system pool that looks sessions up alike. Statements inside
 * PostgreSQL (triggers, functions) are not round trips and are not counted.
 */
import pg from "pg";

export type Sent = { text: string; named: boolean };

export async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; sent: Sent[] }> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const sent: Sent[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string; name?: string } | undefined;
    const text = typeof q === "string" ? q : (q?.text ?? "");
    sent.push({ text: text.replace(/\s+/g, " ").trim(), named: typeof q === "object" && Boolean(q?.name) });
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), sent };
  } finally {
    proto.query = original;
  }
}
