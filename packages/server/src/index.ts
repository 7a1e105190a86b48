export { createApi, createApp, openApiDocument } from "./app";
export { hashPassword, verifyPassword } from "./auth/passwords";
export { type AppConfig, databaseConfig, loadConfig, VERSION } from "./config";
export type { AppDeps, AppEnv } from "./http/env";
export { dispatchOnce, startDispatcher } from "./mail/dispatcher";
export { type Mailer, smtpMailer } from "./mail/mailer";
export { type RunningServer, startServer } from "./server";
