import { describe, expect, it } from "vitest";
import { MAX_WAIT_SECONDS, type ThrottleCounts, throttleWait, waitSeconds } from "./throttle";

const now = new Date("2026-03-02T09:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const none = { failures: 0, last: null };
const counts = (over: Partial<ThrottleCounts>): ThrottleCounts => ({
  known: false,
  pair: none,
  account: none,
  address: none,
  ...over,
});

describe("sign-in throttle waits", () => {
  it("lets the first failures through, then doubles the wait from 30 s up to 15 minutes", () => {
    expect([3, 4, 5, 6, 7, 8].map((n) => waitSeconds(n, 5))).toEqual([0, 0, 30, 60, 120, 240]);
    expect(waitSeconds(500, 5)).toBe(MAX_WAIT_SECONDS);
  });

  it("makes a client that failed 5 times on an account wait 30 s after its last failure", () => {
    expect(throttleWait(counts({ pair: { failures: 5, last: ago(10) } }), now)).toBe(20);
    expect(throttleWait(counts({ pair: { failures: 5, last: ago(31) } }), now)).toBe(0);
  });

  it("slows an unknown client down when the account is under attack from many addresses", () => {
    const attacked = counts({ account: { failures: 40, last: ago(1) } });
    expect(throttleWait(attacked, now)).toBe(MAX_WAIT_SECONDS - 1);
  });

  it("does not hold a known client back for failures that came from other clients", () => {
    const attacked = counts({
      known: true,
      account: { failures: 400, last: ago(1) },
      address: { failures: 400, last: ago(1) },
    });
    expect(throttleWait(attacked, now)).toBe(0);
  });

  it("still holds a known client by its own failures", () => {
    expect(throttleWait(counts({ known: true, pair: { failures: 6, last: ago(1) } }), now)).toBe(59);
  });

  it("slows down an address that tries many accounts, unless it is known to the account", () => {
    const spraying = { failures: 30, last: ago(0) };
    expect(throttleWait(counts({ address: spraying }), now)).toBe(30);
    expect(throttleWait(counts({ known: true, address: spraying }), now)).toBe(0);
  });
});
