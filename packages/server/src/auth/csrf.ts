/**
 * CSRF protection for cookie-authenticated writes: a state-changing request from a browser must
 * come from our own origin. Browsers send `Sec-Fetch-Site` and `Origin` on such requests; a
 * cross-site form or fetch carries a foreign value and is refused. Requests with neither header
 * are not from a browser context that could carry a victim's cookie on a forged request (e.g.
 * curl, scripts), and pass. SameSite=Strict on the cookie is the second layer.
 */
import { ErrorCode, EvidentError } from "@evident/domain";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/env";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const allowed = new Set([new URL(c.req.url).origin, c.get("deps").config.publicUrl]);
    const badSite = site !== undefined && site !== "same-origin" && site !== "none";
    const badOrigin = origin !== undefined && origin !== "null" ? !allowed.has(origin) : origin === "null";
    if (badSite || badOrigin) {
      throw new EvidentError(ErrorCode.forbidden, "Cross-site request refused");
    }
  }
  await next();
};
