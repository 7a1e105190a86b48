/** The app refuses a database server that could lose acknowledged writes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDurability, createPool } from "../src/connect";
import { freshDatabase } from "./database";

let db: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

describe("durability check", () => {
  it("passes on a server with fsync and synchronous_commit on", async () => {
    await expect(checkDurability(db.pool)).resolves.toBeUndefined();
  });

  it("refuses to run when synchronous_commit is off", async () => {
    await db.owner.query(`alter database ${db.name} set synchronous_commit = off`);
    const fresh = createPool(db.url, 1); // settings apply to new sessions
    try {
      await expect(checkDurability(fresh)).rejects.toThrow(/synchronous_commit is off/);
    } finally {
      await fresh.end();
    }
  });
});
