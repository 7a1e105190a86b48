/**
 * Anchors: the audit chains' heads written outside the database, so that what a chain cannot show
 * by itself — its newest events removed, or every event (TRUNCATE) — still shows. A chain that
 * was 120 events long at an anchor and is 97 now has lost events, however valid those 97 are.
 *
 * An anchor is one line of JSON appended to `audit-anchors.jsonl` in the anchor directory
 * (EVIDENT_AUDIT_ANCHOR_DIR, by default the data directory; best on another disk or machine, or a
 * share the database's administrators cannot write): when, which key, and for each chain its
 * number of events and the hash of the last, with an HMAC over all of it under the audit key, so
 * an anchor cannot be forged or edited to fit a shortened chain without the key. The running
 * server appends one every minute in which a chain changed and one at shutdown;
 * `evident audit anchor` appends one on demand. Lines are only ever appended.
 */
import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { canonicalJson, type Executor } from "./audit";
import type { AuditKey } from "./audit-key";

export const ANCHOR_FILE = "audit-anchors.jsonl";

export type ChainHeads = Record<string, { events: number; head: string }>;

export type Anchor = { v: 1; at: string; keyId: string; chains: ChainHeads; mac: string };

export const anchorFile = (dir: string) => path.join(path.resolve(dir), ANCHOR_FILE);

/**
 * Every chain's length and last hash. Reads one index entry per chain (a loose index scan over
 * the chains), not every event, so it stays cheap however long the chains grow.
 */
export async function chainHeads(db: Executor): Promise<ChainHeads> {
  const { rows } = await db.execute<{ chain_id: string; chain_seq: number; hash: string }>(sql`
    with recursive chains(id) as (
      (select chain_id from audit_events order by chain_id limit 1)
      union all
      select (select chain_id from audit_events where chain_id > c.id order by chain_id limit 1)
        from chains c where c.id is not null
    )
    select c.id as chain_id, h.chain_seq, h.hash
      from chains c
      cross join lateral (
        select chain_seq, hash from audit_events where chain_id = c.id order by chain_seq desc limit 1
      ) h
     where c.id is not null
     order by c.id`);
  return Object.fromEntries(rows.map((r) => [r.chain_id, { events: Number(r.chain_seq), head: r.hash }]));
}

const macOf = (key: AuditKey, a: Omit<Anchor, "mac">) => key.mac("anchor", canonicalJson(a));

export function makeAnchor(key: AuditKey, chains: ChainHeads, at: Date): Anchor {
  const body = { v: 1 as const, at: at.toISOString(), keyId: key.id, chains };
  return { ...body, mac: macOf(key, body) };
}

/** Appends one line and waits until it is on disk. */
async function appendLine(file: string, line: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, "a", 0o600);
  try {
    await handle.write(`${line}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

export type AnchorWritten = { file: string; anchor: Anchor; written: boolean };

/**
 * Reads the chains' heads and appends an anchor. With `unlessSameAs` (the heads last written by
 * this process), writes nothing when no chain has changed since.
 */
export async function writeAnchor(
  db: Executor,
  opts: { key: AuditKey; dir: string; now?: Date; unlessSameAs?: ChainHeads | null },
): Promise<AnchorWritten> {
  const chains = await chainHeads(db);
  const anchor = makeAnchor(opts.key, chains, opts.now ?? new Date());
  const file = anchorFile(opts.dir);
  if (opts.unlessSameAs && canonicalJson(opts.unlessSameAs) === canonicalJson(chains))
    return { file, anchor, written: false };
  await appendLine(file, JSON.stringify(anchor));
  return { file, anchor, written: true };
}

export type AnchorLine = { line: number; anchor: Anchor };
export type AnchorProblem = { line: number; reason: string };

/** Every anchor in the file, each checked against the key; lines that fail are problems, never skipped silently. */
export async function readAnchors(
  dir: string,
  key: AuditKey,
): Promise<{ file: string; exists: boolean; anchors: AnchorLine[]; problems: AnchorProblem[] }> {
  const file = anchorFile(dir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      return { file, exists: false, anchors: [], problems: [] };
    throw e;
  }
  const anchors: AnchorLine[] = [];
  const problems: AnchorProblem[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let a: Anchor;
    try {
      a = JSON.parse(raw) as Anchor;
    } catch {
      problems.push({ line, reason: "is not valid JSON (damaged or edited)" });
      return;
    }
    const { mac, ...body } = a;
    if (a.keyId !== key.id) {
      problems.push({ line, reason: `was written with another audit key (${String(a.keyId)})` });
    } else if (typeof mac !== "string" || macOf(key, body) !== mac) {
      problems.push({
        line,
        reason: "is not genuine: its MAC does not match (edited, or written without the key)",
      });
    } else {
      anchors.push({ line, anchor: a });
    }
  });
  return { file, exists: true, anchors, problems };
}
