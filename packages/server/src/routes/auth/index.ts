/** Everything about signing in and one's own account, registered together. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { accountRoutes } from "./account";
import { passwordRoutes } from "./passwords";
import { signInRoutes } from "./sign-in";

export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  signInRoutes(app);
  passwordRoutes(app);
  accountRoutes(app);
}
