import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsTime, toICalendar } from "../src/shared/icalendar.ts";

describe("iCalendar (RFC 5545)", () => {
  it("escapes backslash, semicolon, comma and newlines in text", () => {
    expect(escapeText("Mødelokale 2; 1. sal, elevator\nTeleslynge \\ ja")).toBe("Mødelokale 2\\; 1. sal\\, elevator\\nTeleslynge \\\\ ja");
  });

  it("folds lines at 75 octets without splitting æ, ø or å", () => {
    const line = `DESCRIPTION:${"æøå".repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join("")).toBe(line);
  });

  it("writes a calendar with CRLF line ends and UTC times", () => {
    const ics = toICalendar(
      [{ uid: "m1@naerhed", start: "2026-11-26T15:00:00.000Z", end: "2026-11-26T17:00:00.000Z", summary: "Møde", location: "Sal 1, stuen", description: "1. Bænke", url: "https://x.dk/m" }],
      { name: "Borgerrådet, Nord", now: new Date("2026-11-23T10:00:00.000Z") },
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics).toContain("DTSTART:20261126T150000Z\r\n");
    expect(ics).toContain("LOCATION:Sal 1\\, stuen\r\n");
    expect(icsTime("2026-11-23T10:00:00.000Z")).toBe("20261123T100000Z");
    // Only exact moments: no time zone rules are needed.
    expect(ics).not.toContain("VTIMEZONE");
  });
});
