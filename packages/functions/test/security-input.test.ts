import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { toICalendar } from "@naerhed/core/shared/icalendar";
import { json, testApi } from "./support.ts";

/**
 * Input the review got through: a lone CR in a text (it starts a new property in an .ics file),
 * `javascript:` as an offer's web address, bidi and zero-width characters in display names,
 * 30 February in date-only fields, a body over the limit answered 400, and state-changing
 * requests as any content type (what a cross-site form sends).
 */

let t: Awaited<ReturnType<typeof testApi>>;
let staff: { cookie: string };
beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
});

type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => t.api.request(path, { method, ...json(body, headers) });
const fieldsOf = async (response: Response) => ((await response.json()) as ErrorBody).error.fields ?? [];

const suggestion = { name: "Gåklubben", description: "Vi går en tur.", where: "Ved søen.", centre_id: "nord" };
const offer = { name: "Strikkeklub", description: "Vi strikker.", organization_name: "Strikkeforeningen", centre_id: "nord" };
let suggester = 0;
const suggest = (body: unknown) => t.api.request("/api/directory/suggestions", { method: "POST", ...json(body) }, { clientAddress: `192.0.2.${++suggester}` });
const draftOffer = (body: object) => send("POST", "/api/directory/centres/nord/offers", { ...offer, ...body }, { cookie: staff.cookie });

describe("control characters in text fields", () => {
  it("are refused, a lone CR included; a text with lines keeps its line breaks", async () => {
    const refused = [
      [{ ...suggestion, name: "Gå\u0007klubben" }, "name", "Skriv teksten på én linje, uden usynlige tegn."],
      [{ ...suggestion, name: "Gå\nklubben" }, "name", "Skriv teksten på én linje, uden usynlige tegn."],
      [{ ...suggestion, description: "Kom\rATTENDEE:mailto:evil@example.dk" }, "description", "Teksten har et usynligt tegn, som vi ikke kan gemme. Skriv teksten igen."],
      [{ ...suggestion, description: "Tab\tstop" }, "description", "Teksten har et usynligt tegn, som vi ikke kan gemme. Skriv teksten igen."],
    ] as const;
    for (const [body, field, message] of refused) {
      const response = await suggest(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await fieldsOf(response)).toContainEqual({ field, message });
    }
    expect((await suggest({ ...suggestion, description: "Første linje.\nAnden linje.\r\nTredje." })).status).toBe(201);
  });

  it("are refused where they reached the .ics files: an offer's description and a meeting's place", async () => {
    const offerResponse = await draftOffer({ description: "Hver tirsdag.\rLOCATION:Et andet sted" });
    expect(offerResponse.status).toBe(400);
    expect((await fieldsOf(offerResponse)).map((f) => f.field)).toContain("description");
    const meeting = { starts_at: "2026-12-01T17:00:00.000Z", ends_at: "2026-12-01T19:00:00.000Z", place: "Salen\rDESCRIPTION:Aflyst", accessibility: "Trinfri adgang." };
    const meetingResponse = await send("POST", "/api/council/centres/nord/meetings", meeting, { cookie: staff.cookie });
    expect(meetingResponse.status).toBe(400);
    expect((await fieldsOf(meetingResponse)).map((f) => f.field)).toContain("place");
  });

  it("never end a line of an .ics file, even if one was stored before this rule", () => {
    const ics = toICalendar(
      [
        {
          uid: "x",
          start: "2026-12-01T17:00:00.000Z",
          end: "2026-12-01T19:00:00.000Z",
          summary: "Møde\u000bi\u0000rådet",
          description: "Hver tirsdag.\rLOCATION:Et andet sted\nog\r\nmere",
          location: "Salen\rDESCRIPTION:Aflyst",
          url: "https://naerhed.example.dk/x\r\nATTACH:evil",
        },
      ],
      { name: "Test", now: new Date("2026-11-23T10:00:00Z") },
    );
    const lines = ics.split("\r\n");
    expect(lines.filter((line) => /^(LOCATION|DESCRIPTION|ATTACH|URL|SUMMARY):/.test(line)).map((line) => line.split(":")[0])).toEqual(["SUMMARY", "DESCRIPTION", "LOCATION", "URL"]);
    expect(lines).toContain("DESCRIPTION:Hver tirsdag.\\nLOCATION:Et andet sted\\nog\\nmere");
    expect(lines).toContain("SUMMARY:Mødeirådet");
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(ics)).toBe(false);
    expect(ics.replace(/\r\n/g, "").includes("\r") || ics.replace(/\r\n/g, "").includes("\n")).toBe(false);
  });
});

describe("an offer's web address", () => {
  it("is http or https only", async () => {
    for (const url of ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "https://strik.example.dk/\nevil"]) {
      const response = await draftOffer({ url });
      expect(response.status, url).toBe(400);
      expect(await fieldsOf(response)).toContainEqual({ field: "url", message: expect.any(String) });
    }
    for (const url of ["https://strik.example.dk/", "http://strik.example.dk/om"]) expect((await draftOffer({ url })).status, url).toBe(201);
  });
});

describe("display names", () => {
  const invisible = ["Anna\u202Enilretsæ", "Ann\u200Ba", "Anna\u2066Admin\u2069", "An\uFEFFna", "Anna\u200D"];

  it("refuse bidi controls and zero-width characters, on my page, in invitations and in the council's member list", async () => {
    const { cookie, person } = await t.personWith([{ role: "citizen" }], "Anna");
    const admin = await t.personWith([{ role: "admin" }]);
    for (const name of invisible) {
      const mine = await send("PATCH", "/api/me", { display_name: name }, { cookie });
      expect(mine.status, JSON.stringify(name)).toBe(400);
      expect(await fieldsOf(mine)).toEqual([{ field: "display_name", message: "Navnet har et usynligt tegn. Skriv navnet igen." }]);
      const invited = await send("POST", "/api/identity/invitations", { email: `${randomUUID()}@example.dk`, display_name: name, role: "staff", centre_id: "nord" }, { cookie: admin.cookie });
      expect(invited.status, JSON.stringify(name)).toBe(400);
      const councilMember = await send(
        "PUT",
        "/api/council/centres/nord/members",
        { person_id: person.id, display_name: name, role: "member", kind: "citizen", term_from: "2026-01-01" },
        { cookie: staff.cookie },
      );
      expect(councilMember.status, JSON.stringify(name)).toBe(400);
    }
    expect((await t.services.identity.store.getPerson(person.id))!.display_name).toBe("Anna");
    expect((await send("PATCH", "/api/me", { display_name: "Anne-Marie Ødegård" }, { cookie })).status).toBe(200);
  });
});

describe("date-only fields", () => {
  it("refuse days that do not exist: council terms, offer sessions, mentor dates", async () => {
    const { person } = await t.personWith([{ role: "citizen" }]);
    const member = await send("PUT", "/api/council/centres/nord/members", { person_id: person.id, display_name: "Bo", role: "member", kind: "citizen", term_from: "2026-02-30" }, { cookie: staff.cookie });
    expect(member.status).toBe(400);
    expect(await fieldsOf(member)).toContainEqual({ field: "term_from", message: "Datoen er ikke gyldig. Skriv den som år-måned-dag." });

    const session = await draftOffer({ sessions: [{ date: "2026-02-30", opens_at: "10:00", closes_at: "12:00" }] });
    expect(session.status).toBe(400);
    expect((await fieldsOf(session)).map((f) => f.field)).toContain("sessions.0.date");

    const screening = await send("POST", `/api/mentor/centres/nord/mentors/${randomUUID()}/screening`, { interview_on: "2026-04-31", decision: "save" }, { cookie: staff.cookie });
    expect(screening.status).toBe(400);
    expect((await fieldsOf(screening)).map((f) => f.field)).toContain("interview_on");

    expect((await draftOffer({ sessions: [{ date: "2028-02-29", opens_at: "10:00", closes_at: "12:00" }] })).status).toBe(201);
  });
});

describe("the body of a request", () => {
  it("over the limit is answered 413, with a plain message", async () => {
    const response = await suggest({ ...suggestion, description: "x".repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.message).toBe("Det, du sendte, er for stort. Gør det kortere.");
  });

  it("of a state-changing request must be JSON (or an import's CSV): what a cross-site form can send is refused before anything happens", async () => {
    const before = (await t.services.identity.store.listMail(100)).length;
    const forms: [string, string][] = [
      ["text/plain", JSON.stringify({ email: "form@example.dk" })],
      ["application/x-www-form-urlencoded", "email=form%40example.dk"],
      ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nform@example.dk\r\n--x--\r\n'],
    ];
    for (const [type, body] of forms) {
      const response = await t.api.request("/api/identity/sign-in", { method: "POST", headers: { "content-type": type }, body });
      expect(response.status, type).toBe(415);
      expect(((await response.json()) as ErrorBody).error.code).toBe("content_type_refused");
    }
    expect((await t.services.identity.store.listMail(100)).length).toBe(before);
    // A request without a body needs no type.
    const { cookie } = await t.personWith([{ role: "citizen" }]);
    expect((await t.api.request("/api/identity/sign-out", { method: "POST", headers: { cookie } })).status).toBe(204);
  });

  it("may be a multipart form only for the import, and there only from our own site", async () => {
    const { cookie } = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const form = () => {
      const body = new FormData();
      body.append("files", new File(["id,name\r\n"], "services.csv", { type: "text/csv" }));
      return body;
    };
    const fromElsewhere = await t.api.request("/api/directory/centres/nord/import", { method: "POST", headers: { cookie, origin: "https://evil.example" }, body: form() });
    expect(fromElsewhere.status).toBe(403);
    expect(((await fromElsewhere.json()) as ErrorBody).error.code).toBe("origin_refused");
    // From the site, the import reads it (and finds no datapackage or tables it can use: not a body-type refusal).
    const fromSite = await t.api.request("/api/directory/centres/nord/import/preview", { method: "POST", headers: { cookie }, body: form() });
    expect(((await fromSite.json()) as ErrorBody).error.code).not.toBe("content_type_refused");
  });
});
