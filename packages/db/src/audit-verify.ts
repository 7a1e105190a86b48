/**
 * `evident audit verify`: recomputes every chain with the audit key and holds it against every
 * anchor. Within a chain, an event altered, re-hashed without the key, inserted, removed, renumbered
 * or moved breaks the HMACs or the links from there on; against the anchors, a chain shorter than
 * an anchor recorded (its newest events removed, or the table emptied) or different from it is
 * caught. The first break of each chain is named (chain, position, row and event id), and any
 * anchor line that is not genuine.
 */
import { and, asc, count, eq, gt } from "drizzle-orm";
import { atMicrosSql, type Executor, GENESIS_HASH, hashEvent, SYSTEM_CHAIN } from "./audit";
import { type AnchorLine, readAnchors } from "./audit-anchors";
import type { AuditKey } from "./audit-key";
import { auditEvents } from "./schema/audit";

export type BrokenLink = {
  /** The chain (a clinic's id, or the nil UUID for events with no clinic); null for an anchor line. */
  chain: string | null;
  clinicId: string | null;
  /** Where in the chain it breaks. */
  chainSeq: number | null;
  /** The row found there (its `seq` and event id), if any. */
  seq: number | null;
  id: string | null;
  anchor?: { line: number; at?: string };
  reason: string;
};

export type ChainReport = {
  chain: string;
  clinicId: string | null;
  events: number;
  head: string | null;
  /** Events the latest anchor recorded for this chain (null: never anchored). */
  anchored: number | null;
};

export type VerifyResult = {
  ok: boolean;
  events: number;
  chains: ChainReport[];
  anchors: { file: string; count: number; latest: string | null };
  /** The first problem found (as before: `seq`, `id`, `reason`), and all of them, one per chain at most. */
  firstBroken?: BrokenLink;
  broken: BrokenLink[];
  warnings: string[];
};

const PAGE = 5000;
const clinicOf = (chain: string) => (chain === SYSTEM_CHAIN ? null : chain);

type Expected = Map<number, { hash: string; line: number; at: string }>;

/** For each chain: the hash each anchor recorded at each length, and the longest length recorded. */
function expectations(anchors: AnchorLine[]) {
  const byChain = new Map<string, Expected>();
  const longest = new Map<string, { events: number; line: number; at: string }>();
  for (const { line, anchor } of anchors) {
    for (const [chain, h] of Object.entries(anchor.chains)) {
      if (!byChain.has(chain)) byChain.set(chain, new Map());
      byChain.get(chain)!.set(h.events, { hash: h.head, line, at: anchor.at });
      const best = longest.get(chain);
      if (!best || h.events > best.events) longest.set(chain, { events: h.events, line, at: anchor.at });
    }
  }
  return { byChain, longest };
}

async function verifyChain(
  db: Executor,
  key: AuditKey,
  chain: string,
  expected: Expected | undefined,
  progress: () => void,
): Promise<{ events: number; head: string | null; broken: BrokenLink | null }> {
  let n = 0;
  let prevHash = GENESIS_HASH;
  const link = (chainSeq: number, row: { seq: number; id: string } | null, reason: string): BrokenLink => ({
    chain,
    clinicId: clinicOf(chain),
    chainSeq,
    seq: row?.seq ?? null,
    id: row?.id ?? null,
    reason,
  });
  for (;;) {
    const rows = await db
      .select({ row: auditEvents, atMicros: atMicrosSql })
      .from(auditEvents)
      .where(and(eq(auditEvents.chainId, chain), gt(auditEvents.chainSeq, n)))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(PAGE);
    for (const { row, atMicros } of rows) {
      const at = n + 1;
      const fail = (reason: string) => ({ events: n, head: prevHash, broken: link(at, row, reason) });
      if (row.chainSeq !== at)
        return fail(`event ${at} of this chain is missing (the next one found is number ${row.chainSeq})`);
      if (row.keyId !== key.id)
        return fail(
          row.keyId === null
            ? "it was never re-chained with the audit key (run `evident migrate`)"
            : `it was written with another audit key (${row.keyId})`,
        );
      if (row.prevHash !== prevHash)
        return fail("its previous-hash does not match the event before it (removed, inserted or reordered)");
      if (hashEvent(key, { ...row, atMicros, prevHash: row.prevHash }) !== row.hash)
        return fail("its contents do not match its hash (altered, or re-hashed without the key)");
      const anchored = expected?.get(at);
      if (anchored && anchored.hash !== row.hash)
        return {
          events: n,
          head: prevHash,
          broken: {
            ...link(at, row, `it differs from the anchor of ${anchored.at}: rewritten after it was anchored`),
            anchor: { line: anchored.line, at: anchored.at },
          },
        };
      prevHash = row.hash;
      n = at;
      progress();
    }
    if (rows.length < PAGE) return { events: n, head: n > 0 ? prevHash : null, broken: null };
  }
}

export async function verifyAudit(
  db: Executor,
  opts: { key: AuditKey; anchorDir: string; onProgress?: (checked: number, total: number) => void },
): Promise<VerifyResult> {
  const { key, anchorDir, onProgress } = opts;
  const read = await readAnchors(anchorDir, key);
  const { byChain, longest } = expectations(read.anchors);
  const inDb = await db
    .select({ chain: auditEvents.chainId, n: count() })
    .from(auditEvents)
    .groupBy(auditEvents.chainId)
    .orderBy(asc(auditEvents.chainId));
  const total = inDb.reduce((s, c) => s + c.n, 0);
  const chainIds = [...new Set([...inDb.map((c) => c.chain), ...longest.keys()])].sort();

  let checked = 0;
  const progress = () => {
    checked += 1;
    if (checked % PAGE === 0) onProgress?.(checked, total);
  };
  const chains: ChainReport[] = [];
  const broken: BrokenLink[] = [];
  for (const chain of chainIds) {
    const result = await verifyChain(db, key, chain, byChain.get(chain), progress);
    const latest = longest.get(chain);
    chains.push({
      chain,
      clinicId: clinicOf(chain),
      events: inDb.find((c) => c.chain === chain)?.n ?? 0,
      head: result.head,
      anchored: latest?.events ?? null,
    });
    if (result.broken) broken.push(result.broken);
    else if (latest && result.events < latest.events)
      broken.push({
        chain,
        clinicId: clinicOf(chain),
        chainSeq: result.events + 1,
        seq: null,
        id: null,
        anchor: { line: latest.line, at: latest.at },
        reason: `the chain has ${result.events} events but the anchor of ${latest.at} recorded ${latest.events}: events ${result.events + 1} to ${latest.events} were removed`,
      });
  }
  onProgress?.(checked, total);
  for (const p of read.problems)
    broken.push({
      chain: null,
      clinicId: null,
      chainSeq: null,
      seq: null,
      id: null,
      anchor: { line: p.line },
      reason: `anchor line ${p.line} ${p.reason}`,
    });

  const warnings: string[] = [];
  if (!read.exists && total > 0)
    warnings.push(
      `no anchors in ${read.file}: the removal of the newest events cannot be detected (run \`evident audit anchor\`, or start the server, which writes them)`,
    );
  const unanchored = chains.reduce((s, c) => s + Math.max(0, c.events - (c.anchored ?? 0)), 0);
  if (read.exists && unanchored > 0)
    warnings.push(`${unanchored} events are newer than the latest anchor; only the chain vouches for them`);
  const latestAt = read.anchors.at(-1)?.anchor.at ?? null;
  return {
    ok: broken.length === 0,
    events: total,
    chains,
    anchors: { file: read.file, count: read.anchors.length, latest: latestAt },
    ...(broken[0] ? { firstBroken: broken[0] } : {}),
    broken,
    warnings,
  };
}
