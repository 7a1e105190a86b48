import { defineConfig } from "drizzle-kit";

// The tables are in src/schema/<area>.ts; src/schema.ts gathers the core ones (clinics, patients, care, outbox).
// `npm run db:generate -w @evident/db -- --name <what-changed>` writes the next SQL migration.
// Never edit or delete a migration that has been committed: write a new one.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/schema.ts", "./src/schema/*.ts"],
  out: "./migrations",
});
