import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { makePerson, mockFetch, renderApp } from "./helpers.tsx";

/** Staff and the people they look after (issue 16): what the list tells them about each person. */

const staff = makePerson({ display_name: "Sara Staff", grants: [{ role: "staff", centre_id: "nord" }] });
const person = (id: string, name: string, smsUndeliveredAt: string | null) => ({
  id,
  display_name: name,
  has_email: false,
  has_mobile: true,
  has_card: true,
  sms_undelivered_at: smsUndeliveredAt,
  consent: { how: "in_person", by_id: "019ab000-0000-7000-8000-000000000001", by_name: "Sara Staff", at: "2026-11-20T10:00:00.000Z" },
});

describe("people staff look after", () => {
  it("warn staff only about the person whose SMS could not be sent", async () => {
    mockFetch({
      body: {
        items: [
          person("019ab000-0000-7000-8000-0000000000a1", "Ane Andersen", "2026-11-22T09:00:00.000Z"),
          person("019ab000-0000-7000-8000-0000000000a2", "Bo Berg", null),
        ],
      },
    });
    renderApp("/personale/personer", { person: staff });
    const ane = (await screen.findByRole("heading", { name: "Ane Andersen" })).closest("li")!;
    expect(within(ane).getByText("Vi kunne ikke sende en SMS til Ane Andersen. Tjek nummeret sammen med Ane Andersen.")).toBeInTheDocument();
    const bo = screen.getByRole("heading", { name: "Bo Berg" }).closest("li")!;
    expect(within(bo).queryByText(/SMS/)).toBeNull();
  });
});
