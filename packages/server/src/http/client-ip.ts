import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The peer address (proxies' X-Forwarded-For is not trusted: it is trivially forged). */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}
