import { fillIn, type Language } from "../shared/language.ts";

/**
 * The import's messages: problems with a file, a row or a column. The site reads files too
 * (core directory/import-file.ts) and shows the same words.
 * Plain language: what happened, then what to do. Every module's messages are gathered in shared/messages.ts.
 */
const da = {
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
  import_confidential_address: "Adressen er hemmelig, så den står ikke i filen. Skriv adressen, og prøv igen.",
  import_times_invalid: "Tiderne skal stå sådan: tu 14:00-16:00. Skil flere tider ad med semikolon.",
  import_other_centre: "Tilbuddet hører til et andet borgercenter. Du kan kun importere til dit eget center.",
  import_offer_other_centre: "Et tilbud med samme id hører til et andet borgercenter. Slet id'et, så bliver det et nyt tilbud.",
  import_offer_archived: "Tilbuddet med dette id er arkiveret. Det kan ikke ændres ved import.",
  import_duplicate_id: "Det samme tilbud står i flere rækker. Slet de ekstra rækker.",
  import_has_errors: "Nogle rækker har fejl. Intet er gemt. Ret fejlene og prøv igen.",
  import_changed: "Nogle tilbud er ændret, siden du så forhåndsvisningen. Intet fra denne del er gemt. Se forhåndsvisningen igen.",
  import_too_many_rows: "Der er for mange tilbud i én sending. Send højst 100 ad gangen.",
  import_first_row_invalid: "Rækkens nummer skal være et helt tal fra 1.",
  import_plan_invalid: "Bekræft importen fra forhåndsvisningen.",
};

const en: Record<keyof typeof da, string> = {
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
  import_confidential_address: "The address is secret, so it is not in the file. Write the address and try again.",
  import_times_invalid: "Write the times like this: tu 14:00-16:00. Separate several times with semicolons.",
  import_other_centre: "The offer belongs to another citizen centre. You can only import into your own centre.",
  import_offer_other_centre: "An offer with the same id belongs to another citizen centre. Delete the id, and it becomes a new offer.",
  import_offer_archived: "The offer with this id is archived. An import cannot change it.",
  import_duplicate_id: "The same offer is in more than one row. Delete the extra rows.",
  import_has_errors: "Some rows have errors. Nothing was saved. Correct the errors and try again.",
  import_changed: "Some offers changed after you saw the preview. Nothing from this part was saved. Look at the preview again.",
  import_too_many_rows: "There are too many offers in one request. Send at most 100 at a time.",
  import_first_row_invalid: "The row number must be a whole number from 1.",
  import_plan_invalid: "Confirm the import from the preview.",
};

export const importMessages: Record<Language, Record<keyof typeof da, string>> = { da, en };

/** "Række 4, kolonnen postal_code: Postnummeret skal have 4 cifre.": where in the file a problem is, then the problem. */
export function rowProblemText(language: Language, row: number, column: string, problem: string): string {
  const template = importMessages[language][column ? "import_row_column_problem" : "import_row_problem"];
  return fillIn(template, { row: row.toLocaleString(language === "da" ? "da-DK" : "en-GB"), column, problem });
}
