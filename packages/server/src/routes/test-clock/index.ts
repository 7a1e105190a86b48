/**
 * The movable clock of a test server (EVIDENT_TEST_CLOCK=1; see config.ts). Mounted only on such
 * a server and left out of the OpenAPI document: it is not part of the API. An administrator
 * moves the clock forward by whole days; the jobs and every handler then see the new date.
 *
 *   GET  /api/v1/test/clock                    {now, offsetDays}
 *   POST /api/v1/test/clock {advanceDays: n}   n = 0…800
 */
import { badRequest, type ShiftedClock } from "@evident/domain";
import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";

const Advance = z.strictObject({ advanceDays: z.int().min(0).max(800) });

export function testClockRoutes(app: Hono<AppEnv>, clock: ShiftedClock): void {
  const view = () => ({ now: clock.now().toISOString(), offsetDays: clock.offsetDays() });
  app.get("/api/v1/test/clock", requirePermission("clinic:configure"), (c) => c.json(view()));
  app.post("/api/v1/test/clock", requirePermission("clinic:configure"), async (c) => {
    const body = Advance.safeParse(await c.req.json().catch(() => null));
    if (!body.success) throw badRequest("must be a whole number of days from 0 to 800", "advanceDays");
    clock.advanceDays(body.data.advanceDays);
    return c.json(view());
  });
}
