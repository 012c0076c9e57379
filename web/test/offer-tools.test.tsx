import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { makeOffer, mockFetch, renderApp } from "./helpers.tsx";

/** "Læs op" and "Udskriv" on the public offer page (src/directory/OfferTools.tsx). */

class FakeUtterance {
  lang = "";
  voice: { lang: string; name: string } | null = null;
  onend: ((event: unknown) => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(public text: string) {}
}

type Voice = { lang: string; name: string };

/** A browser that can speak: window.speechSynthesis and SpeechSynthesisUtterance. */
function stubSpeech(voices: Voice[] = []) {
  const spoken: FakeUtterance[] = [];
  const synth = {
    speak: vi.fn((utterance: FakeUtterance) => void spoken.push(utterance)),
    // A real browser tells the utterances still in the queue that they were interrupted.
    cancel: vi.fn(() => {
      for (const utterance of spoken.splice(0)) utterance.onerror?.({ error: "interrupted" });
    }),
    getVoices: vi.fn(() => voices),
  };
  vi.stubGlobal("speechSynthesis", synth);
  vi.stubGlobal("SpeechSynthesisUtterance", FakeUtterance);
  return { synth, spoken, calls: () => synth.speak.mock.calls.map(([utterance]) => utterance) };
}

const offer = makeOffer({
  name: "Strikkecafé",
  description: "Vi strikker og snakker",
  category: "creative",
  schedule_description: "Hver onsdag kl. 14 til 16.",
  location: { name: "Kulturhuset", address_1: "Torvet 1", postal_code: "8000", city: "Aarhus C" },
  centre_id: "nord",
  area: "Nørrebro",
  free: false,
  fees_description: "20 kr. for kaffe.",
  minimum_age: 18,
  eligibility_description: "For voksne, der bor i kommunen.",
  application_process: "Du skal bare komme.",
  accessibility_notes: "Der er elevator.",
  phone: "+45 12 34 56 78",
});

async function openOffer(language: "da" | "en" = "da") {
  mockFetch({ body: offer });
  const result = renderApp(`/tilbud/${offer.id}`, { language });
  await screen.findByRole("heading", { level: 1, name: "Strikkecafé" });
  return result;
}

describe("reading an offer aloud", () => {
  it("has no read-aloud button when the browser cannot speak", async () => {
    expect("speechSynthesis" in window).toBe(false);
    await openOffer();
    expect(screen.queryByRole("button", { name: "Læs op" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Udskriv" })).toBeInTheDocument();
  });

  it("reads the main text in Danish, in the page's order, as sentences, with a Danish voice", async () => {
    const danish = { lang: "da-DK", name: "Sara" };
    const { calls } = stubSpeech([{ lang: "en-GB", name: "Kate" }, { lang: "da", name: "Any Danish" }, danish]);
    await openOffer();
    const button = screen.getByRole("button", { name: "Læs op" });
    fireEvent.click(button);

    const texts = calls().map((utterance) => utterance.text);
    expect(texts).toEqual([
      "Strikkecafé.",
      "Vi strikker og snakker.",
      "Hvornår. Hver onsdag kl. 14 til 16.",
      "Hvor. Kulturhuset, Torvet 1, 8000 Aarhus C. Borgercenter Nord, Nørrebro.",
      "Pris. 20 kr. for kaffe.",
      "Hvem kan være med. Fra 18 år. For voksne, der bor i kommunen.",
      "Sådan kommer du med. Du skal bare komme.",
      "Adgang og hjælp. Der er elevator.",
    ]);
    for (const utterance of calls()) {
      expect(utterance.lang).toBe("da-DK");
      expect(utterance.voice).toBe(danish);
    }
    expect(button).toHaveAccessibleName("Stop oplæsning");
    expect(screen.getByText("Vi læser tilbuddet op nu.")).toHaveAttribute("role", "status");
  });

  it("on an English page reads the headings in English and the offer's own Danish words with a Danish voice", async () => {
    const sara = { lang: "da-DK", name: "Sara" };
    const { calls } = stubSpeech([sara]);
    await openOffer("en");
    fireEvent.click(screen.getByRole("button", { name: "Read aloud" }));
    const said = calls().map((utterance) => [utterance.text, utterance.lang, utterance.voice?.name ?? null]);
    expect(said.slice(0, 4)).toEqual([
      ["Strikkecafé.", "da-DK", "Sara"],
      ["Vi strikker og snakker.", "da-DK", "Sara"],
      // No English voice here: the browser chooses one for the language.
      ["When.", "en-GB", null],
      ["Hver onsdag kl. 14 til 16.", "da-DK", "Sara"],
    ]);
    expect(said).toContainEqual(["Price.", "en-GB", null]);
    expect(said).toContainEqual(["20 kr. for kaffe.", "da-DK", "Sara"]);
    expect(screen.getByRole("button", { name: "Stop reading" })).toBeInTheDocument();
  });

  it("marks the offer's Danish words lang=da on an English page (WCAG 3.1.2), and not on a Danish one", async () => {
    stubSpeech();
    const english = await openOffer("en");
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("heading", { level: 1, name: "Strikkecafé" })).toHaveAttribute("lang", "da");
    expect(screen.getByText("Vi strikker og snakker")).toHaveAttribute("lang", "da");
    expect(screen.getByText("Hver onsdag kl. 14 til 16.")).toHaveAttribute("lang", "da");
    expect(screen.getByRole("heading", { level: 2, name: "When" })).not.toHaveAttribute("lang");
    english.unmount();
    await openOffer();
    expect(screen.getByRole("heading", { level: 1, name: "Strikkecafé" })).not.toHaveAttribute("lang");
  });

  it("stops when you press it again, and says so politely", async () => {
    const { synth, calls } = stubSpeech();
    await openOffer();
    const button = screen.getByRole("button", { name: "Læs op" });
    fireEvent.click(button);
    expect(button).toHaveAccessibleName("Stop oplæsning");
    // Stopped utterances report "interrupted": that must not look like a failure.
    const cancelsBefore = synth.cancel.mock.calls.length;
    fireEvent.click(button);
    expect(synth.cancel.mock.calls.length).toBe(cancelsBefore + 1);
    expect(button).toHaveAccessibleName("Læs op");
    expect(screen.getByText("Oplæsningen er stoppet.")).toHaveAttribute("role", "status");
    expect(calls().length).toBeGreaterThan(0);

    // It can start again.
    fireEvent.click(button);
    expect(button).toHaveAccessibleName("Stop oplæsning");
  });

  it("turns back to 'Læs op' when the last sentence has been read", async () => {
    const { calls } = stubSpeech();
    await openOffer();
    const button = screen.getByRole("button", { name: "Læs op" });
    fireEvent.click(button);
    const utterances = calls();
    utterances[0]!.onend?.({});
    expect(button).toHaveAccessibleName("Stop oplæsning");
    utterances.at(-1)!.onend?.({});
    expect(button).toHaveAccessibleName("Læs op");
    expect(screen.getByText("Nu er vi færdige med at læse op.")).toHaveAttribute("role", "status");
  });

  it("stops reading when you leave the page", async () => {
    const { synth } = stubSpeech();
    const { history } = await openOffer();
    fireEvent.click(screen.getByRole("button", { name: "Læs op" }));
    const cancelsBefore = synth.cancel.mock.calls.length;
    mockFetch({ body: { items: [offer], next_cursor: null } });
    fireEvent.click(screen.getByRole("link", { name: "Tilbage til alle tilbud" }));
    await waitFor(() => expect(history.get()).toBe("/tilbud"));
    await waitFor(() => expect(synth.cancel.mock.calls.length).toBeGreaterThan(cancelsBefore));
    expect(screen.queryByRole("button", { name: "Stop oplæsning" })).not.toBeInTheDocument();
  });

  it("stops reading when the page is taken away (unmounted)", async () => {
    const { synth } = stubSpeech();
    const { unmount } = await openOffer();
    fireEvent.click(screen.getByRole("button", { name: "Læs op" }));
    const cancelsBefore = synth.cancel.mock.calls.length;
    unmount();
    expect(synth.cancel.mock.calls.length).toBe(cancelsBefore + 1);
  });

  it("stops reading when the language changes", async () => {
    const { synth } = stubSpeech();
    await openOffer();
    fireEvent.click(screen.getByRole("button", { name: "Læs op" }));
    const cancelsBefore = synth.cancel.mock.calls.length;
    mockFetch({ body: offer });
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    await waitFor(() => expect(synth.cancel.mock.calls.length).toBeGreaterThan(cancelsBefore));
    expect(await screen.findByRole("button", { name: "Read aloud" })).toBeInTheDocument();
  });
});

describe("printing an offer", () => {
  it("opens the browser's print dialog", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    await openOffer();
    fireEvent.click(screen.getByRole("button", { name: "Udskriv" }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it("says Print in English", async () => {
    await openOffer("en");
    expect(screen.getByRole("button", { name: "Print" })).toBeInTheDocument();
  });
});
