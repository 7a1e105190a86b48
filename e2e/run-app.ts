/**
 * Starts an app for the screenshot scripts, as the browser tests do (`startApp`: embedded
 * PostgreSQL, demo data, an SMTP server filing each e-mail in a folder), and prints BASE_URL,
 * MAIL_DIR and DATA_DIR (for areas that run `evident …` commands against it) for them. Stops on
 * Ctrl+C.
 *
 *   npx tsx e2e/run-app.ts [patients]
 */
import { startApp } from "./server";

const app = await startApp({ demoPatients: Number(process.argv[2] ?? 600) });
console.log(`BASE_URL=${app.baseUrl} MAIL_DIR=${app.mailDir} DATA_DIR=${app.dataDir}`);
const stop = () => app.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
