import type { Language } from "../shared/language.ts";
import type { Mail } from "../shared/mailer.ts";

/** The mails identity sends, in the person's language. Short, and the code first. */

export function signInMail(language: Language, to: string, code: string, link: string): Mail {
  return language === "en"
    ? {
        to,
        subject: `Your code for Nærhed: ${code}`,
        text: `Your code is ${code}\n\nOr open this link to sign in:\n${link}\n\nThe code and the link work for 15 minutes. You can use them once.\nDid you not ask for this? Then you can delete this email.`,
      }
    : {
        to,
        subject: `Din kode til Nærhed: ${code}`,
        text: `Din kode er ${code}\n\nDu kan også åbne dette link for at logge ind:\n${link}\n\nKoden og linket virker i 15 minutter. Du kan bruge dem én gang.\nHar du ikke bedt om en kode? Så kan du slette mailen.`,
      };
}

export function invitationMail(language: Language, to: string, roleName: string, inviter: string, link: string): Mail {
  return language === "en"
    ? {
        to,
        subject: "You are invited to Nærhed",
        text: `${inviter} has invited you to Nærhed as ${roleName}.\n\nSign in here with your email:\n${link}\n\nYou do not need a password.`,
      }
    : {
        to,
        subject: "Du er inviteret til Nærhed",
        text: `${inviter} har inviteret dig til Nærhed som ${roleName}.\n\nLog ind her med din mail:\n${link}\n\nDu skal ikke have en adgangskode.`,
      };
}

export const roleNames: Record<Language, Record<string, string>> = {
  da: { citizen: "borger", council_member: "medlem af borgerrådet", mentor: "mentor", staff: "personale", admin: "administrator" },
  en: { citizen: "citizen", council_member: "member of the citizen council", mentor: "mentor", staff: "staff", admin: "administrator" },
};
