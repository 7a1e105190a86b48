import { defineConfig } from "drizzle-kit";

// The core tables are in src/schema.ts; a feature may add its own in src/schema/<feature>.ts.
// `npm run db:generate -w @evident/db -- --name <what-changed>` writes the next SQL migration.
// Never edit or delete a migration that has been committed: write a new one.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/schema.ts", "./src/schema/*.ts"],
  out: "./migrations",
});
