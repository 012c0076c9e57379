import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { offerCalendar } from "../src/directory/calendar.ts";
import { copenhagenMoment, isOpenAt, isOpenOn, nextDateOn, WeeklyOpening, weekdayOf } from "../src/directory/schedule.ts";
import { makeOffer } from "./offer-fixtures.ts";

const tuesdays = { weekly: [{ weekday: "tu" as const, opens_at: "14:00", closes_at: "16:00" }] };

describe("Copenhagen time", () => {
  it("reads the wall clock in winter (UTC+1) and in summer (UTC+2)", () => {
    expect(copenhagenMoment(new Date("2026-11-24T13:30:00Z"))).toEqual({ date: "2026-11-24", weekday: "tu", time: "14:30" });
    expect(copenhagenMoment(new Date("2026-07-07T12:30:00Z"))).toEqual({ date: "2026-07-07", weekday: "tu", time: "14:30" });
    // Just before midnight UTC is already the next day in Copenhagen.
    expect(copenhagenMoment(new Date("2026-11-23T23:30:00Z"))).toMatchObject({ date: "2026-11-24", weekday: "tu", time: "00:30" });
  });

  it("knows weekdays and the next date on one", () => {
    expect(weekdayOf("2026-11-23")).toBe("mo");
    expect(nextDateOn("tu", "2026-11-23")).toBe("2026-11-24");
    expect(nextDateOn("mo", "2026-11-23")).toBe("2026-11-23");
    expect(nextDateOn("su", "2026-12-28")).toBe("2027-01-03");
  });
});

describe("open on a day, open now", () => {
  it("uses weekly times and coming sessions", () => {
    expect(isOpenOn(tuesdays, "tu", "2026-11-23")).toBe(true);
    expect(isOpenOn(tuesdays, "we", "2026-11-23")).toBe(false);
    const session = { sessions: [{ date: "2026-12-02", opens_at: "10:00", closes_at: "12:00" }] };
    expect(isOpenOn(session, "we", "2026-11-23")).toBe(true);
    // A session that has been is no reason to come on Wednesdays.
    expect(isOpenOn(session, "we", "2026-12-03")).toBe(false);
  });

  it("is open from the opening minute until just before closing", () => {
    const at = (time: string) => ({ date: "2026-11-24", weekday: "tu" as const, time });
    expect(isOpenAt(tuesdays, at("13:59"))).toBe(false);
    expect(isOpenAt(tuesdays, at("14:00"))).toBe(true);
    expect(isOpenAt(tuesdays, at("15:59"))).toBe(true);
    expect(isOpenAt(tuesdays, at("16:00"))).toBe(false);
    expect(isOpenAt({ sessions: [{ date: "2026-11-24", opens_at: "09:00", closes_at: "10:00" }] }, at("09:30"))).toBe(true);
  });

  it("refuses a closing time before the opening time, and a time that is not a time", () => {
    const problem = (input: unknown) => v.safeParse(WeeklyOpening, input).issues?.map((i) => i.message);
    expect(problem({ weekday: "tu", opens_at: "16:00", closes_at: "14:00" })).toEqual(["time_order_invalid"]);
    expect(problem({ weekday: "tu", opens_at: "25:00", closes_at: "26:00" })).toEqual(["time_invalid", "time_invalid"]);
    expect(problem({ weekday: "tirsdag", opens_at: "14:00", closes_at: "16:00" })).toEqual(["weekday_invalid"]);
  });
});

describe("iCalendar", () => {
  it("gives weekly times as repeating events and coming sessions as single events, in Copenhagen time", () => {
    const offer = makeOffer({
      name: "Strik, kaffe og snak",
      ...tuesdays,
      sessions: [
        { date: "2026-11-01", opens_at: "10:00", closes_at: "12:00" },
        { date: "2026-12-05", opens_at: "10:00", closes_at: "13:00" },
      ],
      location: { name: "Huset", address_1: "Vejen 1", postal_code: "7000", city: "Fredericia" },
    });
    const ics = offerCalendar(offer, new Date("2026-11-23T09:00:00Z"), "https://naerhed.example.dk");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const events = ics.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(2);
    expect(events[0]).toContain("DTSTART;TZID=Europe/Copenhagen:20261124T140000");
    expect(events[0]).toContain("DTEND;TZID=Europe/Copenhagen:20261124T160000");
    expect(events[0]).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU");
    expect(events[0]).toContain("SUMMARY:Strik\\, kaffe og snak");
    expect(events[0]).toContain("LOCATION:Huset\\, Vejen 1\\, 7000 Fredericia");
    expect(events[1]).toContain("DTSTART;TZID=Europe/Copenhagen:20261205T100000");
    expect(events[1]).not.toContain("RRULE");
    expect(ics).toContain(`URL:https://naerhed.example.dk/tilbud/${offer.id}`);
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen");
  });

  it("names only the town of a confidential place", () => {
    const offer = makeOffer({ ...tuesdays, location: { address_1: "Hemmelig Vej 2", postal_code: "7000", city: "Fredericia", confidential: true } });
    const ics = offerCalendar(offer, new Date("2026-11-23T09:00:00Z"));
    expect(ics).toContain("LOCATION:7000 Fredericia");
    expect(ics).not.toContain("Hemmelig");
  });
});
