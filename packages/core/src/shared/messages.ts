import { councilMessages } from "../council/messages.ts";
import { importMessages } from "../directory/import-messages.ts";
import { directoryMessages } from "../directory/messages.ts";
import { identityMessages } from "../identity/messages.ts";
import { mentorMessages } from "../mentor/messages.ts";
import { organisationMessages } from "../organisation/messages.ts";
import { panelMessages } from "../panel/messages.ts";
import { fillIn, type Language } from "./language.ts";

export { languageFrom, type Language } from "./language.ts";

/**
 * What the API says to people, in Danish and English. Plain language: what happened,
 * then what to do. Schema checks name these keys as their messages, so every field
 * problem has words a citizen understands. Each module keeps its own messages beside its
 * schemas (`<module>/messages.ts`); the ones here belong to no module: the HTTP edge,
 * paging, the audit log and fields every module has.
 */
const da = {
  invalid_value: "Værdien er ikke gyldig. Ret den og prøv igen.",
  invalid_input: "Noget i din forespørgsel er ikke gyldigt. Se hvad der skal rettes.",
  text_required: "Feltet må ikke være tomt.",
  text_too_long: "Teksten er for lang. Gør den kortere.",
  centre_invalid: "Vælg et af borgercentrene.",
  url_invalid: "Webadressen er ikke gyldig. Den skal starte med https://",
  date_invalid: "Datoen er ikke gyldig. Skriv den som år-måned-dag.",
  timestamp_invalid: "Tidspunktet er ikke gyldigt.",
  cursor_invalid: "Linket til næste side virker ikke. Start forfra på listen.",
  limit_invalid: "Antal skal være et helt tal fra 1 til 50.",
  route_not_found: "Adressen findes ikke.",
  unavailable: "Vi kan ikke hente data lige nu. Prøv igen om et øjeblik.",
  internal: "Noget gik galt hos os. Prøv igen. Sker det igen, så giv os fejlkoden.",
  sign_in_required: "Du skal logge ind for at gøre det.",
  session_expired: "Du er blevet logget ud. Log ind igen.",
  forbidden: "Du har ikke adgang til det her.",
  origin_refused: "Vi afviste det, fordi det ikke kom fra vores side. Gå til forsiden og prøv igen.",
  month_invalid: "Skriv måneden som år-måned, fx 2026-11.",
  item_invalid: "Skriv hvad du leder efter.",
  body_invalid: "Vi kunne ikke læse det, du sendte. Prøv igen.",
  body_too_large: "Det, du sendte, er for stort. Gør det kortere.",
  origin_unverified: "Vi afviste det, fordi det ikke kom gennem vores hjemmeside. Brug hjemmesidens adresse.",
  content_type_refused: "Vi kan ikke læse det, du sendte. Det skal sendes fra vores side. Prøv igen derfra.",
  text_control_characters: "Teksten har et usynligt tegn, som vi ikke kan gemme. Skriv teksten igen.",
  text_one_line: "Skriv teksten på én linje, uden usynlige tegn.",
  decline_reason_invalid: "Skriv hvorfor du siger nej. Højst 500 tegn.",
};

const en: Record<keyof typeof da, string> = {
  invalid_value: "This value is not valid. Correct it and try again.",
  invalid_input: "Something in your request is not valid. See what to correct.",
  text_required: "This field must not be empty.",
  text_too_long: "The text is too long. Make it shorter.",
  centre_invalid: "Choose one of the citizen centres.",
  url_invalid: "The web address is not valid. It must start with https://",
  date_invalid: "The date is not valid. Write it as year-month-day.",
  timestamp_invalid: "The time is not valid.",
  cursor_invalid: "The link to the next page does not work. Start the list again.",
  limit_invalid: "The number must be a whole number from 1 to 50.",
  route_not_found: "This address does not exist.",
  unavailable: "We cannot get the data right now. Try again in a moment.",
  internal: "Something went wrong on our side. Try again. If it happens again, give us the error code.",
  sign_in_required: "You need to sign in to do this.",
  session_expired: "You have been signed out. Sign in again.",
  forbidden: "You do not have access to this.",
  origin_refused: "We refused this because it did not come from our site. Go to the front page and try again.",
  month_invalid: "Write the month as year-month, for example 2026-11.",
  item_invalid: "Write what you are looking for.",
  body_invalid: "We could not read what you sent. Try again.",
  body_too_large: "What you sent is too large. Make it shorter.",
  origin_unverified: "We refused this because it did not come through our website. Use the website's address.",
  content_type_refused: "We cannot read what you sent. It must be sent from our site. Try again from there.",
  text_control_characters: "The text has an invisible character that we cannot store. Type the text again.",
  text_one_line: "Write the text on one line, without invisible characters.",
  decline_reason_invalid: "Write why you say no. At most 500 characters.",
};

const sharedMessages: Record<Language, Record<keyof typeof da, string>> = { da, en };

/** Every module's messages and the shared ones. A key belongs to one of them only (messages.test.ts). */
export const messageSources = { shared: sharedMessages, identity: identityMessages, directory: directoryMessages, import: importMessages, council: councilMessages, panel: panelMessages, mentor: mentorMessages, organisation: organisationMessages };

type KeysOf<Source> = Source extends Record<Language, Record<infer Key, string>> ? Key : never;
export type MessageKey = KeysOf<(typeof messageSources)[keyof typeof messageSources]>;

const inLanguage = (language: Language) =>
  Object.assign({}, ...Object.values(messageSources).map((source) => source[language])) as Record<MessageKey, string>;

export const messages: Record<Language, Record<MessageKey, string>> = { da: inLanguage("da"), en: inLanguage("en") };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages.da, key);
}

export function message(key: string, language: Language, values?: Record<string, string>): string {
  return fillIn(messages[language][isMessageKey(key) ? key : "invalid_value"], values);
}
