import * as v from "valibot";

/** A centre's id as it appears in addresses (`/borgerraadet/nord`): lower-case letters, digits and dashes. */
export const CentreId = v.pipe(v.string("centre_invalid"), v.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "centre_invalid"));
export type CentreId = string;
