import type { Offer } from "@naerhed/core/directory/offer";
import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { Button } from "../components/Button.tsx";
import { ageText, priceText } from "./format.ts";
import { centreName } from "../lib/site.ts";
import { CONTENT_LANGUAGE, type Language } from "../lib/language.tsx";
import { useTexts, type Translate } from "../lib/texts.ts";
import { directoryTexts, type DirectoryKey } from "./texts/index.ts";
import "./OfferTools.scss";

/**
 * "Læs op" and "Udskriv" on the public offer page (not in the staff preview).
 * Reading aloud uses the browser's own speech synthesis; without it, the button is not shown.
 */

const speechLang: Record<Language, string> = { da: "da-DK", en: "en-GB" };

/** Ends a text with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return "";
  return /[.!?…:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** One thing to say, in the language it is written in. */
export type Spoken = { text: string; lang: Language };

/**
 * The offer's main text as sentences to read aloud, in the page's order: name, description,
 * when, where, price, who it is for, how to join, accessibility. Each part starts with its heading.
 * Staff write offers in Danish (CONTENT_LANGUAGE): on an English page the headings and the words
 * the site makes ("Free", "From 18") are English, the offer's own words Danish, each read with a
 * voice for its language (WCAG 3.1.2). Next to each other, words in one language are one utterance.
 */
export function speechParts(offer: Offer, t: Translate<DirectoryKey>, lang: Language): Spoken[] {
  const section = (...pieces: [string | undefined, Language][]) => {
    const said: Spoken[] = [];
    for (const [text, language] of pieces) {
      if (!text?.trim()) continue;
      const last = said.at(-1);
      if (last?.lang === language) last.text = `${last.text} ${sentence(text)}`;
      else said.push({ text: sentence(text), lang: language });
    }
    return said;
  };
  const part = (heading: string, ...texts: [string | undefined, Language][]) =>
    texts.some(([text]) => text?.trim()) ? section([heading, lang], ...texts) : [];
  const location = offer.location;
  const address = location
    ? [location.name, location.address_1, `${location.postal_code} ${location.city}`].filter(Boolean).join(", ")
    : undefined;
  const own = CONTENT_LANGUAGE;
  return [
    section([offer.name, own]),
    section([offer.description, own]),
    part(t("directory.offer.when"), [offer.schedule_description, own]),
    part(t("directory.offer.where"), [address, own], [`${centreName(offer.centre_id, lang)}, ${offer.area}`, lang]),
    part(t("directory.offer.price"), offer.free || !offer.fees_description ? [priceText(offer, t), lang] : [offer.fees_description, own]),
    part(t("directory.offer.who"), [ageText(offer, t), lang], [offer.eligibility_description, own]),
    part(t("directory.offer.join"), [offer.application_process, own]),
    part(t("directory.offer.access"), [offer.accessibility_notes, own]),
  ].flat();
}

/** The browser can read aloud. */
export function canSpeak(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.speechSynthesis === "object" &&
    window.speechSynthesis !== null &&
    typeof window.SpeechSynthesisUtterance === "function"
  );
}

/** A voice for the language ("da-DK"), or one for the same language in another country ("da"). */
function pickVoice(synth: SpeechSynthesis, tag: string): SpeechSynthesisVoice | undefined {
  const voices = synth.getVoices?.() ?? [];
  const normal = (value: string) => value.replace("_", "-").toLowerCase();
  const base = tag.slice(0, 2).toLowerCase();
  return (
    voices.find((voice) => normal(voice.lang) === normal(tag)) ??
    voices.find((voice) => normal(voice.lang).split("-")[0] === base)
  );
}

function ReadAloud(props: { offer: Offer }) {
  const { t, lang } = useTexts(directoryTexts);
  const synth = window.speechSynthesis;
  const [speaking, setSpeaking] = createSignal(false);
  const [message, setMessage] = createSignal("");
  // Each reading gets a number: events from a reading that was stopped are ignored.
  let reading = 0;

  function stop(announce: boolean) {
    const wasSpeaking = speaking();
    reading += 1;
    setSpeaking(false);
    synth.cancel();
    if (announce && wasSpeaking) setMessage(t("directory.readAloud.stopped"));
  }

  function start() {
    synth.cancel();
    reading += 1;
    const current = reading;
    const parts = speechParts(props.offer, t, lang());
    setSpeaking(true);
    setMessage(t("directory.readAloud.started"));
    parts.forEach(({ text, lang: language }, index) => {
      const utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = speechLang[language];
      const voice = pickVoice(synth, speechLang[language]);
      if (voice) utterance.voice = voice;
      const last = index === parts.length - 1;
      utterance.onend = () => {
        if (current !== reading || !last) return;
        setSpeaking(false);
        setMessage(t("directory.readAloud.done"));
      };
      utterance.onerror = (event) => {
        if (current !== reading) return;
        // "interrupted"/"canceled" come from stopping; anything else ends the reading.
        if (event.error === "interrupted" || event.error === "canceled") return;
        reading += 1;
        setSpeaking(false);
        synth.cancel();
        setMessage(t("directory.readAloud.failed"));
      };
      synth.speak(utterance);
    });
  }

  // A new language means new texts: stop, and let the person start again.
  createEffect(on(lang, () => stop(false), { defer: true }));
  createEffect(on(() => props.offer, () => stop(false), { defer: true }));

  // Leaving the page (another route, or closing the tab) stops the reading.
  const onPageHide = () => stop(false);
  window.addEventListener("pagehide", onPageHide);
  onCleanup(() => {
    window.removeEventListener("pagehide", onPageHide);
    reading += 1;
    synth.cancel();
  });

  return (
    <>
      <Button
        class="offer-tools__button"
        onClick={() => (speaking() ? stop(true) : start())}
      >
        {speaking() ? t("directory.readAloud.stop") : t("directory.readAloud.start")}
      </Button>
      <p class="visually-hidden" role="status">
        {message()}
      </p>
    </>
  );
}

export function OfferTools(props: { offer: Offer }) {
  const { t } = useTexts(directoryTexts);
  return (
    <div class="offer-tools">
      <Show when={canSpeak()}>
        <ReadAloud offer={props.offer} />
      </Show>
      <Button variant="secondary" class="offer-tools__button" onClick={() => window.print()}>
        {t("directory.offer.print")}
      </Button>
    </div>
  );
}
