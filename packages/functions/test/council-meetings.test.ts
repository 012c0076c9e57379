import { beforeAll, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

type Person = Awaited<ReturnType<Awaited<ReturnType<typeof testApi>>["personWith"]>>;
let t: Awaited<ReturnType<typeof testApi>>;
let staff: Person, member: Person;

const call = async (method: string, path: string, who?: Person, body?: unknown) => {
  const response = await t.api.request(`/api/council${path}`, {
    method,
    ...(body === undefined ? { headers: who ? { cookie: who.cookie } : {} } : json(body, who ? { cookie: who.cookie } : {})),
  });
  return { status: response.status, response, body: response.headers.get("content-type")?.includes("json") ? ((await response.json()) as any) : await response.text() };
};

beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  member = await t.personWith([{ role: "council_member", centre_id: "nord" }], "Mette");
  await call("PUT", "/centres/nord/members", staff, { person_id: member.person.id, display_name: "Mette", role: "member", kind: "citizen", term_from: "2026-01-01" });
});

const meeting = {
  starts_at: "2026-11-26T15:00:00.000Z",
  ends_at: "2026-11-26T17:00:00.000Z",
  place: "Borgercenter Nord, sal 1; Nørregade 4",
  accessibility: "Der er elevator, handicaptoilet og teleslynge.",
  agenda: [{ title: "Velkommen" }, { title: "Bænke ved stien" }],
};

describe("council meetings", () => {
  it("staff plan a meeting; it is public and in the iCalendar feed; minutes show only once published", async () => {
    expect((await call("POST", "/centres/nord/meetings", member, meeting)).status).toBe(403);
    const planned = await call("POST", "/centres/nord/meetings", staff, meeting);
    expect(planned.status).toBe(201);
    const id = planned.body.meeting.id;

    const feed = await call("GET", "/centres/nord/meetings.ics");
    expect(feed.response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(feed.body).toContain(`UID:${id}@naerhed\r\n`);
    expect(feed.body).toContain("LOCATION:Borgercenter Nord\\, sal 1\\; Nørregade 4\r\n");
    expect(feed.body).toContain("DTSTART:20261126T150000Z\r\n");

    const overview = await call("GET", "/centres/nord");
    expect(overview.body.upcoming_meetings.map((m: { id: string }) => m.id)).toContain(id);

    await call("PUT", `/centres/nord/meetings/${id}/minutes`, staff, {
      attendance: [member.person.id],
      summary: "Vi talte om bænke. Alle var glade.",
      decisions: ["Vi stemmer om bænke i december."],
    });
    expect((await call("GET", `/centres/nord/meetings/${id}`)).body.meeting.minutes).toBeUndefined();
    await call("PUT", `/centres/nord/meetings/${id}/minutes`, staff, {
      attendance: [member.person.id],
      summary: "Vi talte om bænke. Alle var glade.",
      decisions: ["Vi stemmer om bænke i december."],
      publish: true,
    });
    const published = await call("GET", `/centres/nord/meetings/${id}`);
    expect(published.body.meeting.minutes).toMatchObject({ summary: "Vi talte om bænke. Alle var glade.", attendance: [{ display_name: "Mette" }], published: true });

    // Past meetings leave the feed.
    t.advance(4 * 86_400);
    expect((await call("GET", "/centres/nord/meetings.ics")).body).not.toContain(id);
  });

  // Found by the fuzz test: "+23" passed the pattern, was an Invalid Date, and the person was told the meeting ends before it starts.
  it("refuses a time JavaScript cannot read, or a day that does not exist, as that field's time", async () => {
    for (const [field, value] of [["starts_at", "2026-11-26T15:00:00+23"], ["ends_at", "2026-11-26T17:00:00+23"], ["starts_at", "2026-02-30T15:00:00Z"]] as const) {
      const bad = await call("POST", "/centres/nord/meetings", staff, { ...meeting, [field]: value });
      expect(bad.status, value).toBe(400);
      expect(bad.body.error.fields).toEqual([{ field, message: "Tidspunktet er ikke gyldigt." }]);
    }
  });

  it("refuses a meeting that ends before it starts, with the field named", async () => {
    const bad = await call("POST", "/centres/nord/meetings", staff, { ...meeting, ends_at: "2026-11-26T14:00:00.000Z" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ field: "ends_at", message: "Mødet skal slutte efter det starter." }]);
  });
});
