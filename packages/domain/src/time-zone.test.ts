import { describe, expect, it } from "vitest";
import { DIARY_REMINDER_LOCAL_HOUR, diaryReminderDue, isTimeZone, localTime } from "./time-zone";

describe("clinic time zones", () => {
  it("accepts IANA names the runtime knows, and nothing else", () => {
    for (const z of ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Auckland", "UTC"])
      expect(isTimeZone(z), z).toBe(true);
    for (const z of ["", " UTC", "Mars/Olympus_Mons", "America/NewYork", "GMT+25", "EST5EDT5"])
      expect(isTimeZone(z), z).toBe(false);
  });

  it("gives the wall-clock date and hour, across the date line and at half-hour offsets", () => {
    const t = new Date("2026-03-07T19:30:00Z");
    expect(localTime(t, "UTC")).toEqual({ date: "2026-03-07", hour: 19, minute: 30, second: 0 });
    expect(localTime(t, "America/New_York")).toMatchObject({ date: "2026-03-07", hour: 14, minute: 30 });
    expect(localTime(t, "Asia/Kolkata")).toMatchObject({ date: "2026-03-08", hour: 1, minute: 0 });
    expect(localTime(t, "Pacific/Auckland")).toMatchObject({ date: "2026-03-08", hour: 8, minute: 30 });
    // Midnight is hour 0, never 24.
    expect(localTime(new Date("2026-03-08T05:00:00Z"), "America/New_York")).toMatchObject({
      date: "2026-03-08",
      hour: 0,
    });
  });
});

describe("the diary reminder", () => {
  const due = (iso: string, zone = "America/New_York") => diaryReminderDue(new Date(iso), zone);

  it("goes in the local evening, for the local day", () => {
    expect(DIARY_REMINDER_LOCAL_HOUR).toBe(19);
    // New York in winter is UTC−5: 19:00 there is midnight UTC, already the next UTC day.
    expect(due("2026-01-15T23:59:00Z")).toEqual({ due: false, localDate: "2026-01-15" });
    expect(due("2026-01-16T00:00:00Z")).toEqual({ due: true, localDate: "2026-01-15" });
    expect(due("2026-01-16T04:59:00Z")).toEqual({ due: true, localDate: "2026-01-15" });
    expect(due("2026-01-16T05:00:00Z")).toEqual({ due: false, localDate: "2026-01-16" });
    // In summer (UTC−4) it is 23:00 UTC.
    expect(due("2026-07-15T22:59:00Z")).toEqual({ due: false, localDate: "2026-07-15" });
    expect(due("2026-07-15T23:00:00Z")).toEqual({ due: true, localDate: "2026-07-15" });
    // Auckland is a day ahead of UTC: its evening of the 16th is the morning of the 16th in UTC.
    expect(due("2026-07-16T07:00:00Z", "Pacific/Auckland")).toEqual({ due: true, localDate: "2026-07-16" });
    expect(due("2026-07-16T06:59:00Z", "Pacific/Auckland")).toEqual({ due: false, localDate: "2026-07-16" });
  });

  it("follows daylight saving time on the nights the clocks change", () => {
    // 8 March 2026: New York springs forward at 02:00 (UTC−5 → UTC−4).
    expect(due("2026-03-07T23:00:00Z")).toMatchObject({ due: false }); // 18:00 EST
    expect(due("2026-03-08T00:00:00Z")).toEqual({ due: true, localDate: "2026-03-07" }); // 19:00 EST
    expect(due("2026-03-08T22:59:00Z")).toMatchObject({ due: false }); // 18:59 EDT
    expect(due("2026-03-08T23:00:00Z")).toEqual({ due: true, localDate: "2026-03-08" }); // 19:00 EDT
    // 1 November 2026: back to UTC−5 at 02:00.
    expect(due("2026-10-31T23:00:00Z")).toEqual({ due: true, localDate: "2026-10-31" }); // 19:00 EDT
    expect(due("2026-11-01T23:00:00Z")).toMatchObject({ due: false }); // 18:00 EST
    expect(due("2026-11-02T00:00:00Z")).toEqual({ due: true, localDate: "2026-11-01" }); // 19:00 EST
    // Europe changes on other days (29 March 2026): Berlin goes from UTC+1 to UTC+2.
    expect(due("2026-03-28T18:00:00Z", "Europe/Berlin")).toMatchObject({ due: true }); // 19:00 CET
    expect(due("2026-03-29T17:00:00Z", "Europe/Berlin")).toMatchObject({ due: true }); // 19:00 CEST
    expect(due("2026-03-29T16:59:00Z", "Europe/Berlin")).toMatchObject({ due: false });
  });
});
