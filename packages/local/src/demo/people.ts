import type { Person } from "@naerhed/core/identity/person";

/**
 * One demo account per role, for trying the platform on one machine (listed in the README).
 * Sign in with the email; the code arrives in the local outbox at /dev/outbox.
 */
export const demoPeople: Person[] = [
  {
    id: "019ab000-0000-7000-8000-000000000001",
    email: "borger@example.dk",
    display_name: "Bente Borger",
    language: "da",
    grants: [{ role: "citizen" }],
    created_at: "2026-09-01T08:00:00.000Z",
  },
  {
    id: "019ab000-0000-7000-8000-000000000002",
    email: "raadsmedlem@example.dk",
    display_name: "Rasmus Rådsmedlem",
    language: "da",
    grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }],
    created_at: "2026-09-01T08:00:00.000Z",
  },
  {
    id: "019ab000-0000-7000-8000-000000000003",
    email: "mentor@example.dk",
    display_name: "Mona Mentor",
    language: "da",
    grants: [{ role: "citizen" }, { role: "mentor", centre_id: "nord" }],
    created_at: "2026-09-01T08:00:00.000Z",
  },
  {
    id: "019ab000-0000-7000-8000-000000000004",
    email: "personale@example.dk",
    display_name: "Peter Personale",
    language: "da",
    grants: [{ role: "staff", centre_id: "nord" }],
    created_at: "2026-09-01T08:00:00.000Z",
  },
  {
    id: "019ab000-0000-7000-8000-000000000005",
    email: "admin@example.dk",
    display_name: "Anna Admin",
    language: "en",
    grants: [{ role: "admin" }],
    created_at: "2026-09-01T08:00:00.000Z",
  },
  {
    // Chairs the demo citizen council at Borgercenter Nord (council/demo-council.ts).
    id: "019ab000-0000-7000-8000-000000000006",
    email: "formand@example.dk",
    display_name: "Frida Formand",
    language: "da",
    grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }],
    created_at: "2026-09-01T08:00:00.000Z",
  },
];
