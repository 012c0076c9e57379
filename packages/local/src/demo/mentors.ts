import type { Mentor } from "@naerhed/core/mentor/mentor";
import type { Pair } from "@naerhed/core/mentor/pair";

/**
 * Demo data for a local run: three approved mentors in centre nord (Mona Mentor is the demo
 * account mentor@example.dk) and one request there, made by staff, waiting for a match.
 */

const screened = {
  interview_on: "2026-09-10",
  straffeattest_on: "2026-09-12",
  training_on: "2026-09-20",
  by: { person_id: "019ab000-0000-7000-8000-000000000004", display_name: "Peter Personale" },
  at: "2026-09-20T12:00:00.000Z",
};

const approved = (mentor: Omit<Mentor, "status" | "applied_at" | "approved_at" | "screening" | "active_pairs" | "centre_id" | "frequency">): Mentor => ({
  ...mentor,
  centre_id: "nord",
  frequency: "weekly",
  status: "approved",
  applied_at: "2026-09-01T09:00:00.000Z",
  approved_at: "2026-09-20T12:00:00.000Z",
  screening: screened,
  active_pairs: 0,
});

export const demoMentors: Mentor[] = [
  approved({
    id: "019ab000-0000-7000-8000-000000000003",
    display_name: "Mona Mentor",
    about: "Jeg er 58 år og har været pædagog. Jeg kan lide at fiske og gå ture.",
    interests: ["fishing", "nature", "cooking"],
    languages: ["da", "ar"],
    area: "Fredericia Øst",
    availability: ["tue-afternoon", "thu-afternoon"],
    can_help_with: "At tage bussen, handle ind og læse breve.",
    capacity: 2,
    gender: "woman",
    age_group: "50-66",
    contact: "mentor@example.dk",
  }),
  approved({
    id: "019ab000-0000-7000-8000-000000000101",
    display_name: "Hassan Hjælper",
    about: "Jeg er 34 år og arbejder med IT. Jeg spiller fodbold om søndagen.",
    interests: ["sport", "it", "games"],
    languages: ["da", "ar", "en"],
    area: "Midtbyen",
    availability: ["mon-evening", "sun-morning"],
    can_help_with: "Computer, telefon og at finde en sportsklub.",
    capacity: 1,
    gender: "man",
    age_group: "30-49",
    contact: "Telefon 20 00 00 01",
  }),
  approved({
    id: "019ab000-0000-7000-8000-000000000102",
    display_name: "Grete Gåtur",
    about: "Jeg er pensioneret og strikker meget. Jeg synger i kor.",
    interests: ["crafts", "music", "nature"],
    languages: ["da"],
    area: "Fredericia Øst",
    availability: ["wed-morning", "fri-morning"],
    can_help_with: "At komme ud og møde andre.",
    capacity: 1,
    gender: "woman",
    age_group: "67+",
    contact: "Telefon 20 00 00 02",
  }),
];

export const demoRequests: Pair[] = [
  {
    id: "019ab000-0000-7000-8000-000000000201",
    state: "requested",
    asked_by: "staff",
    mentee_name: "Yusuf",
    help_with: "Yusuf er ny i byen. Han vil gerne lære byen at kende og finde en fritidsaktivitet.",
    goals: [
      { id: "019ab000-0000-7000-8000-000000000211", text: "Jeg vil tage bussen alene til svømmehallen", progress: 0 },
      { id: "019ab000-0000-7000-8000-000000000212", text: "Jeg vil finde en klub, hvor jeg kan fiske", progress: 0 },
    ],
    interests: ["fishing", "nature"],
    languages: ["ar"],
    centre_id: "nord",
    area: "Fredericia Øst",
    availability: ["tue-afternoon"],
    contact_preference: "via_staff",
    created_at: "2026-11-02T10:00:00.000Z",
    requester_name: "Peter Personale",
    declined_mentor_ids: [],
    feedback: {},
  },
];
