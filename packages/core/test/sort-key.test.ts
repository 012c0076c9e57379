import { describe, expect, it } from "vitest";
import { danishSortKey } from "../src/directory/store.ts";

describe("danishSortKey", () => {
  it("orders names as a Danish reader expects: z before æ before ø before å, ignoring case", () => {
    const names = ["Åben café", "øvehold", "Zumba", "æblehaven", "Aftenbadning", "Aarhus-turen", "bueskydning"];
    const sorted = [...names].sort((a, b) => (danishSortKey(a) < danishSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(["Aftenbadning", "bueskydning", "Zumba", "æblehaven", "øvehold", "Åben café", "Aarhus-turen"]);
  });
});
