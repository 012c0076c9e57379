/** A request for a mentor as the person fills it in: the API's fields, all as text or lists. */
export const emptyRequest = {
  asked_by: "",
  mentee_name: "",
  help_with: "",
  goals: ["", "", ""],
  interests: [] as string[],
  languages: [] as string[],
  centre_id: "",
  area: "",
  availability: [] as string[],
  wish_gender: "",
  wishes: "",
  contact_preference: "",
  contact: "",
};

export type RequestDraft = typeof emptyRequest;

/** The API's field names → the ids of the inputs on the page (for useFormErrors). */
export type RequestFieldIds = Record<string, string>;
