/** Column helpers every table uses: instants as timestamptz (UTC) and the creation time. */
import { timestamp } from "drizzle-orm/pg-core";

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => ts("created_at").notNull().defaultNow();
