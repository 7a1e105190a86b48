/**
 * The hourly sweep both export kinds share (Bulk Data and research): every directory under an
 * export root that belongs to no live export is deleted, whether its export expired, was
 * cancelled, failed, or was left behind by a crash mid-write.
 *
 * The directories are listed first, then the live exports read: an export queued in between is
 * live and its directory is not in the list, so it is never taken for a leftover.
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";

export async function sweepExportDirs(root: string, liveIds: () => Promise<Set<string>>): Promise<number> {
  let names: string[] = [];
  try {
    names = await readdir(root);
  } catch {
    return 0; // no export was ever written here
  }
  const live = await liveIds();
  let removed = 0;
  for (const name of names)
    if (!live.has(name)) {
      await rm(path.join(root, name), { recursive: true, force: true });
      removed++;
    }
  return removed;
}
