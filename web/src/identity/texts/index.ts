import { da } from "./da.ts";
import { en } from "./en.ts";

/** Identity's texts (sign-in, My page, invitations, the audit log, privacy), Danish and English; a page reads them with `useTexts(identityTexts)`. */
export const identityTexts = { da, en };
export type { IdentityKey } from "./da.ts";
