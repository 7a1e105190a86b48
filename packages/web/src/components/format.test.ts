import { describe, expect, it } from "vitest";
import {
  ageFrom,
  formatChange,
  formatDate,
  formatDateRange,
  formatInterval,
  formatLongDate,
  formatNumber,
  formatPercent,
  localToday,
  relativeDays,
} from "./format";

describe("formatting for people", () => {
  it("gives an instant the calendar date where the reader is, a calendar date as it is", () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      // 01:30 UTC on 8 December is still the evening of 7 December in New York.
      expect(formatDate("2026-12-08T01:30:00.000Z")).toBe("7 Dec 2026");
      expect(formatLongDate("2026-12-08T01:30:00.000Z")).toBe("Monday 7 December");
      expect(formatDate("2026-12-08")).toBe("8 Dec 2026");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("formats calendar dates without shifting the day", () => {
    expect(formatDate("2026-01-01")).toBe("1 Jan 2026");
    expect(formatDate(null)).toBe("—");
  });

  it("writes a window's year once when both ends share it", () => {
    expect(formatDateRange("2026-11-17", "2026-12-01")).toBe("17 Nov – 1 Dec 2026");
    expect(formatDateRange("2026-12-08", "2027-01-05")).toBe("8 Dec 2026 – 5 Jan 2027");
  });

  it("writes changes signed, with a real minus, and no negative zero", () => {
    expect(formatChange(-2.345)).toBe("\u22122.3");
    expect(formatChange(1)).toBe("+1.0");
    expect(formatChange(-0.01)).toBe("0.0");
    expect(formatNumber(null)).toBe("—");
  });

  it("formats shares and intervals", () => {
    expect(formatPercent(0.456)).toBe("46%");
    expect(formatPercent(null)).toBe("—");
    expect(formatInterval([-3, -1], (x) => formatNumber(x))).toBe("\u22123.0 to \u22121.0");
    expect(formatInterval(null, String)).toBe("—");
  });

  it("gives ages in completed years", () => {
    expect(ageFrom("1970-03-04", "2026-03-03")).toBe(55);
    expect(ageFrom("1970-03-04", "2026-03-04")).toBe(56);
    expect(ageFrom("not a date", "2026-03-04")).toBeNull();
  });

  it("says due dates in plain words", () => {
    expect(relativeDays("2026-05-10", "2026-05-10")).toBe("today");
    expect(relativeDays("2026-05-11", "2026-05-10")).toBe("tomorrow");
    expect(relativeDays("2026-05-15", "2026-05-10")).toBe("in 5 days");
    expect(relativeDays("2026-05-07", "2026-05-10")).toBe("3 days ago");
    expect(relativeDays("2026-05-11", "2026-05-10", "es")).toBe("mañana");
    expect(relativeDays("2026-05-15", "2026-05-10", "es")).toBe("dentro de 5 días");
    expect(relativeDays("2027-02-10", "2026-05-10")).toBe("in about 9 months");
  });

  it("takes today's date in local time", () => {
    expect(localToday(new Date(2026, 0, 9, 23, 30))).toBe("2026-01-09");
  });
});
