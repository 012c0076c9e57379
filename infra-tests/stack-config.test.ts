import { describe, expect, test } from "vitest";
import { alarmEmails, DEFAULT_MAIL_FROM, deployConfig, moduleSettings, senderIdentities } from "../stacks/config.ts";
import { SITE_ROUTING_FUNCTION } from "../stacks/Web.ts";

describe("deploy-time settings (stacks/config.ts)", () => {
  test("without a sender: the placeholder sender", () => {
    expect(DEFAULT_MAIL_FROM).toBe("noreply@example.dk");
    expect(deployConfig({ NAERHED_MAIL_FROM: " ", NAERHED_SITE_URL: "https://naerhed.example.dk" })).toEqual({ mailFrom: "noreply@example.dk", smsSenderId: "Naerhed", siteUrl: "https://naerhed.example.dk" });
  });

  // Without it every link in a mail pointed at http://localhost:3000 on a deployed stage.
  test("without the site's address a deploy stops with a sentence that says what to set; only removing a stage does without", () => {
    for (const env of [{}, { NAERHED_SITE_URL: " " }]) {
      expect(() => deployConfig(env, "test", "deploy")).toThrow(
        "NAERHED_SITE_URL is not set. Set it to the site's https address before you deploy, for example: NAERHED_SITE_URL=https://naerhed.kommune.dk npx sst deploy --stage test",
      );
      expect(() => deployConfig(env, "test", "dev")).toThrow(/NAERHED_SITE_URL is not set/);
    }
    expect(deployConfig({}, "test", "remove")).toEqual({ mailFrom: "noreply@example.dk", smsSenderId: "Naerhed" });
  });

  test("takes the sender and the site's origin from the environment", () => {
    expect(deployConfig({ NAERHED_MAIL_FROM: "post@kommune.example.dk", NAERHED_SITE_URL: "https://naerhed.example.dk/" })).toEqual({
      mailFrom: "post@kommune.example.dk",
      smsSenderId: "Naerhed",
      siteUrl: "https://naerhed.example.dk",
    });
  });

  test("takes the SMS sender id from the environment, and refuses one SNS would not show", () => {
    const site = { NAERHED_SITE_URL: "https://naerhed.example.dk" };
    expect(deployConfig({ ...site, NAERHED_SMS_SENDER_ID: "Aarhus" }).smsSenderId).toBe("Aarhus");
    for (const senderId of ["AB", "Borgercenter1", "12345", "Nær hed", "Nærhed"]) {
      expect(() => deployConfig({ ...site, NAERHED_SMS_SENDER_ID: senderId }), senderId).toThrow(/NAERHED_SMS_SENDER_ID/);
    }
  });

  test.each(["Nærhed <post@kommune.dk>", "post", "post@", "post@kommune", "a b@kommune.dk", "a,b@kommune.dk"])(
    "refuses the sender %j",
    (mailFrom) => {
      expect(() => deployConfig({ NAERHED_MAIL_FROM: mailFrom, NAERHED_SITE_URL: "https://naerhed.example.dk" })).toThrow(/NAERHED_MAIL_FROM/);
    },
  );

  test.each(["naerhed.example.dk", "http://naerhed.example.dk", "https://naerhed.example.dk/app", "https://naerhed.example.dk/?x=1"])(
    "refuses the site URL %j",
    (siteUrl) => {
      expect(() => deployConfig({ NAERHED_SITE_URL: siteUrl })).toThrow(/NAERHED_SITE_URL/);
    },
  );

  test("module settings: whole numbers above 0 from the environment, nothing when unset", () => {
    expect(moduleSettings({})).toEqual({});
    expect(moduleSettings({ DIRECTORY_RECHECK_DAYS: " 90 ", MENTOR_CLOSURE_WEEKS: "26", OTHER: "1" })).toEqual({
      DIRECTORY_RECHECK_DAYS: "90",
      MENTOR_CLOSURE_WEEKS: "26",
    });
    for (const bad of ["0", "-5", "half a year", "1.5"]) expect(() => moduleSettings({ MENTOR_CERTIFICATE_VALID_DAYS: bad })).toThrow(/MENTOR_CERTIFICATE_VALID_DAYS/);
  });

  test("alarms go to NAERHED_ALARM_EMAIL: one address or several; required where the stage says so (prod)", () => {
    expect(alarmEmails({}, { required: false })).toEqual([]);
    expect(alarmEmails({ NAERHED_ALARM_EMAIL: " drift@kommune.dk " }, { required: true })).toEqual(["drift@kommune.dk"]);
    expect(alarmEmails({ NAERHED_ALARM_EMAIL: "drift@kommune.dk, vagt@kommune.dk,drift@kommune.dk" }, { required: true })).toEqual(["drift@kommune.dk", "vagt@kommune.dk"]);
    expect(() => alarmEmails({}, { required: true })).toThrow(/NAERHED_ALARM_EMAIL must be set/);
    expect(() => alarmEmails({ NAERHED_ALARM_EMAIL: " " }, { required: true })).toThrow(/NAERHED_ALARM_EMAIL must be set/);
    for (const bad of ["drift", "Drift <drift@kommune.dk>", "drift@kommune.dk;vagt@kommune.dk", "drift@kommune.dk,"]) {
      expect(() => alarmEmails({ NAERHED_ALARM_EMAIL: bad }, { required: false }), bad).toThrow(/NAERHED_ALARM_EMAIL/);
    }
  });

  test("the sender may be verified in SES as its address or as its domain", () => {
    expect(senderIdentities("noreply@example.dk")).toEqual(["noreply@example.dk", "example.dk"]);
    expect(() => senderIdentities("example.dk")).toThrow();
  });
});

describe("the site's CloudFront routing function", () => {
  // Runs the exact code CloudFront gets (cloudfront-js-2.0 runs this plain JavaScript as well).
  const handler = new Function(`${SITE_ROUTING_FUNCTION}; return handler;`)() as (event: {
    request: { uri: string };
  }) => { uri: string };
  const route = (uri: string) => handler({ request: { uri } }).uri;

  test.each(["/", "/offers", "/offers/0195f1c2-0000-7000-8000-000000000000", "/da/tilbud/", "/sign-in"])("app route %s gets index.html", (uri) => {
    expect(route(uri)).toBe("/index.html");
  });

  test.each(["/index.html", "/assets/index-BK_KkfKv.js", "/assets/index-CkKySR-z.css", "/robots.txt", "/favicon.svg", "/.well-known/security.txt"])(
    "file %s is served as it is",
    (uri) => {
      expect(route(uri)).toBe(uri);
    },
  );
});
