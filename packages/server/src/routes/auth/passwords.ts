/**
 * Passwords after the first (rules: db/repos/passwords.ts): "Forgot password?" for staff and
 * patients, the page behind a reset or staff-invitation link, and changing one's own password.
 * A reset request gets the same 202 whether or not the address has an account.
 */
import { authRepository, passwordRepository } from "@evident/db";
import { badRequest, ErrorCode, EvidentError, KNOWN_FOR_DAYS, unauthenticated } from "@evident/domain";
import {
  ChangePasswordRequest,
  LinkInfo,
  LinkToken,
  PasswordResetRequest,
  UseLinkRequest,
} from "@evident/domain/api";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { checkThrottle, clientOf, rememberDevice } from "../../auth/throttle";
import type { AppEnv } from "../../http/env";
import { json, problems } from "../common";

const tags = ["Sign-in"];
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const requestReset = (who: "staff" | "patient") =>
  createRoute({
    method: "post",
    path: `/auth/${who}/password-reset`,
    tags,
    summary: `Forgot password: e-mail a reset link to ${who === "staff" ? "a staff member" : "a patient"} (the answer never says whether the address has an account)`,
    request: body(PasswordResetRequest),
    responses: {
      202: json(z.object({}), "If the address has an account, a link is on its way"),
      ...problems(400),
    },
  });

const lookupLink = createRoute({
  method: "post",
  path: "/auth/links/lookup",
  tags,
  summary: "Check a password-reset or staff-invitation link",
  request: body(LinkToken),
  responses: { 200: json(LinkInfo, "The link can be used"), ...problems(400, 404) },
});

const useLink = createRoute({
  method: "post",
  path: "/auth/links/use",
  tags,
  summary:
    "Use a password-reset or staff-invitation link: set the password (every session of the account ends)",
  request: body(UseLinkRequest),
  responses: { 204: { description: "Password set; sign in with it" }, ...problems(400, 404) },
});

const changePassword = createRoute({
  method: "post",
  path: "/auth/password",
  tags,
  summary: "Change your own password (the current one is needed; your other sessions end)",
  request: body(ChangePasswordRequest),
  responses: { 204: { description: "Changed" }, ...problems(400, 401, 429) },
});

const deadLink = () =>
  new EvidentError(ErrorCode.notFound, "This link has expired or was already used. Ask for a new one.");

export function passwordRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const who of ["staff", "patient"] as const) {
    app.openapi(requestReset(who), async (c) => {
      const { database, clock, config } = c.get("deps");
      await passwordRepository(database.system.db).requestReset(who, c.req.valid("json").email, clock.now(), {
        baseUrl: config.publicUrl,
        requestId: c.get("requestId"),
      });
      return c.json({}, 202);
    });
  }

  app.openapi(lookupLink, async (c) => {
    const { database, clock } = c.get("deps");
    const info = await passwordRepository(database.system.db).findLink(
      c.req.valid("json").token,
      clock.now(),
    );
    if (!info) throw deadLink();
    return c.json(info, 200);
  });

  app.openapi(useLink, async (c) => {
    const { token, password } = c.req.valid("json");
    const { database, clock } = c.get("deps");
    const now = clock.now();
    const person = await passwordRepository(database.system.db).useLink(
      token,
      await hashPassword(password),
      now,
      c.get("requestId"),
    );
    if (!person) throw deadLink();
    // Whoever holds the link reads the account's mail: this browser is known to the account now.
    const client = rememberDevice(c, clientOf(c));
    await authRepository(database.system.db).recordAttempt(person.kind, person.email, client, true, now);
    return c.body(null, 204);
  });

  app.openapi(changePassword, async (c) => {
    const session = c.get("session");
    if (!session) throw unauthenticated();
    const { currentPassword, newPassword } = c.req.valid("json");
    if (currentPassword === newPassword)
      throw badRequest("must differ from the current password", "newPassword");
    const { database, clock } = c.get("deps");
    const now = clock.now();
    const passwords = passwordRepository(database.system.db);
    const auth = authRepository(database.system.db);
    const kind = session.kind;
    const id = kind === "staff" ? session.userId : session.accountId;
    const creds = await passwords.credentials(kind, id);
    if (!creds) throw unauthenticated();
    const client = clientOf(c);
    await auth.pruneAttempts(new Date(now.getTime() - KNOWN_FOR_DAYS * 86_400_000));
    await checkThrottle(auth, kind, creds.email, client, now);
    if (!(await verifyPassword(creds.hash, currentPassword))) {
      await auth.recordAttempt(kind, creds.email, client, false, now);
      throw badRequest("is not your current password", "currentPassword");
    }
    await passwords.change(
      { kind, id, clinicId: session.clinicId, patientId: kind === "patient" ? session.patientId : null },
      await hashPassword(newPassword),
      now,
      session.sessionId,
      c.get("requestId"),
    );
    return c.body(null, 204);
  });
}
