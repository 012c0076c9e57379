/**
 * What the API says to people, in Danish and English. Plain language: what happened,
 * then what to do. Schema checks name these keys as their messages, so every field
 * problem has words a citizen understands.
 */

export type Language = "da" | "en";

const da = {
  invalid_value: "Værdien er ikke gyldig. Ret den og prøv igen.",
  invalid_input: "Noget i din forespørgsel er ikke gyldigt. Se hvad der skal rettes.",
  text_required: "Feltet må ikke være tomt.",
  text_too_long: "Teksten er for lang. Gør den kortere.",
  offer_id_invalid: "Linket til tilbuddet er ikke rigtigt. Gå tilbage til listen og vælg tilbuddet igen.",
  offer_not_found: "Vi kan ikke finde tilbuddet. Måske er det slettet. Gå tilbage til listen.",
  offer_status_invalid: "Status skal være aktiv, inaktiv, lukket eller midlertidigt lukket.",
  publication_invalid: "Tilstand skal være kladde, udgivet eller arkiveret.",
  centre_invalid: "Vælg et af borgercentrene.",
  category_invalid: "Vælg en af kategorierne.",
  age_invalid: "Alder skal være et helt tal fra 0 til 120.",
  age_range_invalid: "Højeste alder skal være større end laveste alder.",
  postal_code_invalid: "Postnummeret skal have 4 cifre.",
  url_invalid: "Webadressen er ikke gyldig. Den skal starte med https://",
  email_invalid: "E-mailadressen er ikke gyldig. Den skal se sådan ud: navn@eksempel.dk",
  phone_invalid: "Telefonnummeret er ikke gyldigt. Skriv 8 cifre.",
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
  role_invalid: "Vælg en af rollerne.",
  grant_centre_invalid: "Vælg et borgercenter til rollen. Borger og administrator har ikke et borgercenter.",
  display_name_invalid: "Skriv dit navn. Det må højst have 80 tegn.",
  language_invalid: "Vælg dansk eller engelsk.",
  person_id_invalid: "Linket til personen er ikke rigtigt.",
  person_not_found: "Vi kan ikke finde personen.",
  code_invalid: "Koden skal have 6 tal.",
  code_wrong: "Koden er forkert. Se i din mail og prøv igen.",
  code_expired: "Koden er for gammel. Bed om en ny kode.",
  code_used: "Koden er brugt. Bed om en ny kode.",
  code_too_many_tries: "Du har prøvet for mange gange. Bed om en ny kode.",
  challenge_invalid: "Linket virker ikke. Bed om en ny kode.",
  sign_in_too_many: "Du har bedt om mange koder. Vent lidt, og prøv så igen.",
  password_invalid: "Adgangskoden skal have mindst 12 tegn.",
  password_wrong: "Mailen eller adgangskoden er forkert.",
  password_not_allowed: "Kun personale kan bruge en adgangskode.",
  invite_not_allowed: "Du må ikke invitere til den rolle.",
  month_invalid: "Skriv måneden som år-måned, fx 2026-11.",
  item_invalid: "Skriv hvad du leder efter.",
  body_invalid: "Vi kunne ikke læse det, du sendte. Prøv igen.",
  body_too_large: "Det, du sendte, er for stort. Gør det kortere.",
  offer_conflict: "En anden har ændret tilbuddet, mens du skrev. Se hvad der er ændret, og gem igen.",
  offer_incomplete: "Tilbuddet mangler noget, før det kan udgives. Se hvad der mangler.",
  offer_archived: "Tilbuddet er arkiveret. Det kan ikke ændres.",
  version_invalid: "Siden er for gammel. Hent tilbuddet igen.",
  free_required: "Skriv om tilbuddet er gratis.",
  // Suggestions from citizens ("Kender du et tilbud?").
  suggestion_name_invalid: "Skriv hvad tilbuddet hedder. Det må højst have 120 tegn.",
  suggestion_description_invalid: "Fortæl kort om tilbuddet. Du må højst skrive 1000 tegn.",
  suggestion_where_invalid: "Skriv hvor tilbuddet er, eller hvem man kan spørge. Højst 500 tegn.",
  suggestion_contact_name_invalid: "Dit navn må højst have 80 tegn.",
  suggestion_id_invalid: "Linket til forslaget er ikke rigtigt. Gå tilbage til listen.",
  suggestion_not_found: "Vi kan ikke finde forslaget. Gå tilbage til listen.",
  suggestion_handled: "En anden har allerede svaret på forslaget. Se listen igen.",
  suggestion_too_many: "Du har sendt mange forslag. Vent lidt, og prøv så igen.",
  decline_reason_invalid: "Skriv hvorfor du siger nej. Højst 500 tegn.",
  // Search ("Søg i tilbud").
  search_text_invalid: "Du kan skrive højst 100 tegn i søgefeltet. Skriv færre ord.",
  search_age_invalid: "Skriv din alder som et helt tal, fx 34. Tallet skal være fra 0 til 120.",
  search_free_invalid: "Vælg om du kun vil se gratis tilbud.",
  // Open data (HSDS 3.0, /api/hsds): read by other systems' developers, still plain words.
  hsds_page_invalid: "Sidetallet skal være et helt tal fra 1 og op.",
  hsds_per_page_invalid: "Antal pr. side skal være et helt tal fra 1 til 200.",
  hsds_search_invalid: "Søgeteksten må højst have 200 tegn.",
  hsds_taxonomy_term_id_invalid: "Kategoriens id er ikke gyldigt. Find id'erne på /api/hsds/taxonomy_terms.",
  hsds_taxonomy_id_invalid: "Id'et på listen over kategorier er ikke gyldigt. Find det på /api/hsds/taxonomies.",
  hsds_organization_id_invalid: "Organisationens id er ikke gyldigt. Find id'erne på /api/hsds/organizations.",
  hsds_modified_after_invalid: "Tidspunktet er ikke gyldigt. Skriv det som 2026-11-01 eller 2026-11-01T08:00:00Z.",
  hsds_postcode_invalid: "Postnummeret skal have 4 cifre.",
  hsds_proximity_invalid: "Afstanden skal være et tal i meter fra 1 til 100000.",
  hsds_id_invalid: "Id'et i adressen er ikke gyldigt. Det skal være et UUID.",
  hsds_service_not_found: "Vi kan ikke finde tilbuddet. Måske er det ikke udgivet mere.",
  hsds_organization_not_found: "Vi kan ikke finde organisationen. Måske har den ingen udgivne tilbud mere.",
  hsds_taxonomy_not_found: "Vi kan ikke finde listen over kategorier. Find den på /api/hsds/taxonomies.",
  hsds_taxonomy_term_not_found: "Vi kan ikke finde kategorien. Find kategorierne på /api/hsds/taxonomy_terms.",
  // ── directory import ──
  import_row_problem: "Række {row}: {problem}",
  import_row_column_problem: "Række {row}, kolonnen {column}: {problem}",
  import_format_invalid: "Filen skal være CSV eller JSON. Brug en fil fra eksporten.",
  import_file_empty: "Filen har ingen tilbud. Vælg en anden fil.",
  import_csv_invalid: "Vi kan ikke læse filen som CSV. Et citationstegn står forkert. Gem filen som CSV igen.",
  import_json_invalid: "Vi kan ikke læse filen som HSDS JSON. Brug en fil fra eksporten.",
  import_header_missing: "Filen mangler overskriften name. Den første række skal have kolonnernes navne.",
  import_row_columns: "Rækken har ikke lige så mange kolonner som overskriften.",
  import_service_invalid: "Det her er ikke et tilbud i HSDS JSON.",
  import_id_invalid: "Id'et er ikke gyldigt. Slet det, så bliver tilbuddet nyt.",
  import_free_invalid: "Skriv ja eller nej.",
  import_other_centre: "Tilbuddet hører til et andet borgercenter. Du kan kun importere til dit eget center.",
  import_offer_other_centre: "Et tilbud med samme id hører til et andet borgercenter. Slet id'et, så bliver det et nyt tilbud.",
  import_offer_archived: "Tilbuddet med dette id er arkiveret. Det kan ikke ændres ved import.",
  import_duplicate_id: "Det samme tilbud står i flere rækker. Slet de ekstra rækker.",
  import_has_errors: "Nogle rækker har fejl. Intet er gemt. Ret fejlene og prøv igen.",
  import_changed: "Nogle tilbud er ændret, siden du så forhåndsvisningen. Intet fra denne del er gemt. Se forhåndsvisningen igen.",
  import_too_many_rows: "Der er for mange tilbud i én sending. Send højst 100 ad gangen.",
  import_first_row_invalid: "Rækkens nummer skal være et helt tal fra 1.",
  import_plan_invalid: "Bekræft importen fra forhåndsvisningen.",
  // ── end of directory import ──
} as const;

export type MessageKey = keyof typeof da;

const en: Record<MessageKey, string> = {
  invalid_value: "This value is not valid. Correct it and try again.",
  invalid_input: "Something in your request is not valid. See what to correct.",
  text_required: "This field must not be empty.",
  text_too_long: "The text is too long. Make it shorter.",
  offer_id_invalid: "The link to this offer is not right. Go back to the list and choose the offer again.",
  offer_not_found: "We cannot find this offer. It may have been removed. Go back to the list.",
  offer_status_invalid: "Status must be active, inactive, defunct or temporarily closed.",
  publication_invalid: "State must be draft, published or archived.",
  centre_invalid: "Choose one of the citizen centres.",
  category_invalid: "Choose one of the categories.",
  age_invalid: "Age must be a whole number from 0 to 120.",
  age_range_invalid: "The highest age must be more than the lowest age.",
  postal_code_invalid: "The postcode must have 4 digits.",
  url_invalid: "The web address is not valid. It must start with https://",
  email_invalid: "The email address is not valid. It should look like this: name@example.dk",
  phone_invalid: "The phone number is not valid. Write 8 digits.",
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
  role_invalid: "Choose one of the roles.",
  grant_centre_invalid: "Choose a citizen centre for this role. Citizen and administrator have no centre.",
  display_name_invalid: "Write your name. It can have at most 80 characters.",
  language_invalid: "Choose Danish or English.",
  person_id_invalid: "The link to this person is not right.",
  person_not_found: "We cannot find this person.",
  code_invalid: "The code must have 6 digits.",
  code_wrong: "The code is wrong. Look in your email and try again.",
  code_expired: "The code is too old. Ask for a new code.",
  code_used: "The code has been used. Ask for a new code.",
  code_too_many_tries: "You have tried too many times. Ask for a new code.",
  challenge_invalid: "The link does not work. Ask for a new code.",
  sign_in_too_many: "You have asked for many codes. Wait a little, then try again.",
  password_invalid: "The password must have at least 12 characters.",
  password_wrong: "The email or password is wrong.",
  password_not_allowed: "Only staff can use a password.",
  invite_not_allowed: "You may not invite people to this role.",
  month_invalid: "Write the month as year-month, for example 2026-11.",
  item_invalid: "Write what you are looking for.",
  body_invalid: "We could not read what you sent. Try again.",
  body_too_large: "What you sent is too large. Make it shorter.",
  offer_conflict: "Someone else changed this offer while you were writing. See what changed, and save again.",
  offer_incomplete: "The offer is missing something before it can be published. See what is missing.",
  offer_archived: "The offer is archived. It cannot be changed.",
  version_invalid: "This page is out of date. Load the offer again.",
  free_required: "Say whether the offer is free.",
  // Suggestions from citizens ("Do you know an offer?").
  suggestion_name_invalid: "Write what the offer is called. It can have at most 120 characters.",
  suggestion_description_invalid: "Tell us briefly about the offer. You can write at most 1000 characters.",
  suggestion_where_invalid: "Write where the offer is, or who to ask. At most 500 characters.",
  suggestion_contact_name_invalid: "Your name can have at most 80 characters.",
  suggestion_id_invalid: "The link to this suggestion is not right. Go back to the list.",
  suggestion_not_found: "We cannot find this suggestion. Go back to the list.",
  suggestion_handled: "Someone else has already answered this suggestion. Look at the list again.",
  suggestion_too_many: "You have sent many suggestions. Wait a little, then try again.",
  decline_reason_invalid: "Write why you say no. At most 500 characters.",
  // Search ("Search offers").
  search_text_invalid: "You can write at most 100 characters in the search box. Write fewer words.",
  search_age_invalid: "Write your age as a whole number, for example 34. It must be from 0 to 120.",
  search_free_invalid: "Choose whether you only want to see free offers.",
  // Open data (HSDS 3.0, /api/hsds).
  hsds_page_invalid: "The page number must be a whole number from 1 up.",
  hsds_per_page_invalid: "The number per page must be a whole number from 1 to 200.",
  hsds_search_invalid: "The search text can have at most 200 characters.",
  hsds_taxonomy_term_id_invalid: "The category id is not valid. Find the ids at /api/hsds/taxonomy_terms.",
  hsds_taxonomy_id_invalid: "The id of the category list is not valid. Find it at /api/hsds/taxonomies.",
  hsds_organization_id_invalid: "The organisation id is not valid. Find the ids at /api/hsds/organizations.",
  hsds_modified_after_invalid: "The time is not valid. Write it as 2026-11-01 or 2026-11-01T08:00:00Z.",
  hsds_postcode_invalid: "The postcode must have 4 digits.",
  hsds_proximity_invalid: "The distance must be a number of metres from 1 to 100000.",
  hsds_id_invalid: "The id in the address is not valid. It must be a UUID.",
  hsds_service_not_found: "We cannot find this offer. It may not be published any more.",
  hsds_organization_not_found: "We cannot find this organisation. It may have no published offers any more.",
  hsds_taxonomy_not_found: "We cannot find this category list. Find it at /api/hsds/taxonomies.",
  hsds_taxonomy_term_not_found: "We cannot find this category. Find the categories at /api/hsds/taxonomy_terms.",
  // ── directory import ──
  import_row_problem: "Row {row}: {problem}",
  import_row_column_problem: "Row {row}, column {column}: {problem}",
  import_format_invalid: "The file must be CSV or JSON. Use a file from the export.",
  import_file_empty: "The file has no offers. Choose another file.",
  import_csv_invalid: "We cannot read the file as CSV. A quotation mark is in the wrong place. Save the file as CSV again.",
  import_json_invalid: "We cannot read the file as HSDS JSON. Use a file from the export.",
  import_header_missing: "The file has no column called name. The first row must hold the column names.",
  import_row_columns: "The row does not have as many columns as the header.",
  import_service_invalid: "This is not an offer in HSDS JSON.",
  import_id_invalid: "The id is not valid. Delete it, and the offer becomes a new one.",
  import_free_invalid: "Write yes or no (ja or nej).",
  import_other_centre: "The offer belongs to another citizen centre. You can only import into your own centre.",
  import_offer_other_centre: "An offer with the same id belongs to another citizen centre. Delete the id, and it becomes a new offer.",
  import_offer_archived: "The offer with this id is archived. An import cannot change it.",
  import_duplicate_id: "The same offer is in more than one row. Delete the extra rows.",
  import_has_errors: "Some rows have errors. Nothing was saved. Correct the errors and try again.",
  import_changed: "Some offers changed after you saw the preview. Nothing from this part was saved. Look at the preview again.",
  import_too_many_rows: "There are too many offers in one request. Send at most 100 at a time.",
  import_first_row_invalid: "The row number must be a whole number from 1.",
  import_plan_invalid: "Confirm the import from the preview.",
  // ── end of directory import ──
};

export const messages: Record<Language, Record<MessageKey, string>> = { da, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(da, key);
}

export function message(key: string, language: Language): string {
  return messages[language][isMessageKey(key) ? key : "invalid_value"];
}

/** Picks Danish or English from an Accept-Language header; Danish unless English is preferred. */
export function languageFrom(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return "da";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && (entry.primary === "da" || entry.primary === "en"))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.primary === "en" ? "en" : "da";
}
