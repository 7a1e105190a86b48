/**
 * The client's address, for sign-in throttling and the session list. By default the socket's
 * peer: a client can write anything in X-Forwarded-For. Behind a reverse proxy every request comes
 * from the proxy, so set EVIDENT_TRUST_PROXY to the number of proxies in front of Evident (usually
 * 1): each appends the address it received the request from, so the client is that many entries
 * from the right — entries further left were written by the client and are ignored.
 */
import { isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

export function clientIp(c: Context, trustProxyHops = 0): string {
  let peer = "unknown";
  try {
    peer = plain(getConnInfo(c).remote.address ?? "unknown");
  } catch {
    // in-process requests (tests) have no socket
  }
  if (trustProxyHops <= 0) return peer;
  const chain = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = chain[Math.max(0, chain.length - trustProxyHops)];
  return candidate && isIP(plain(candidate)) ? plain(candidate) : peer;
}
