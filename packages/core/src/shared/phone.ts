import * as v from "valibot";

/**
 * A mobile number, stored in E.164 ("+4512345678") so SMS can be sent to it. People type Danish
 * numbers as 8 digits, with spaces, or with 0045/+45; those become +45. A foreign number must
 * start with + and its country code. Shared by identity (the person) and the notices (SMS).
 */
export const MobileNumber = v.pipe(
  v.string("mobile_invalid"),
  v.transform((typed) => typed.replace(/[\s\-().]/g, "").replace(/^00/, "+")),
  v.transform((digits) => (/^\d{8}$/.test(digits) ? `+45${digits}` : digits)),
  v.regex(/^\+[1-9]\d{7,14}$/, "mobile_invalid"),
  v.check((number) => !number.startsWith("+45") || number.length === 11, "mobile_invalid"),
);
export type MobileNumber = v.InferOutput<typeof MobileNumber>;
