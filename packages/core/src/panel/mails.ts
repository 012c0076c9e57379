import type { Mail } from "../shared/mailer.ts";
import type { Language } from "../shared/language.ts";

/** The mails the panel sends, in the member's language: what it is, until when, and the link. */

const copenhagen = (iso: string, language: Language) =>
  new Date(iso).toLocaleString(language === "en" ? "en-GB" : "da-DK", { timeZone: "Europe/Copenhagen", dateStyle: "long", timeStyle: "short" });

export function consultationInvitationMail(language: Language, to: string, title: string, closesAt: string, link: string): Mail {
  return language === "en"
    ? { to, subject: `New questions from the citizen panel: ${title}`, text: `We would like to hear what you think.\n\n${title}\n\nAnswer here before ${copenhagen(closesAt, language)}:\n${link}\n\nYour answers are anonymous.` }
    : { to, subject: `Nye spørgsmål fra borgerpanelet: ${title}`, text: `Vi vil gerne høre, hvad du mener.\n\n${title}\n\nSvar her før ${copenhagen(closesAt, language)}:\n${link}\n\nDine svar er anonyme.` };
}

export function consultationReminderMail(language: Language, to: string, title: string, closesAt: string, link: string): Mail {
  return language === "en"
    ? { to, subject: `Reminder: ${title}`, text: `You can still answer.\n\n${title}\n\nIt closes ${copenhagen(closesAt, language)}:\n${link}\n\nYou get this reminder only once.` }
    : { to, subject: `Husk: ${title}`, text: `Du kan stadig nå at svare.\n\n${title}\n\nDet lukker ${copenhagen(closesAt, language)}:\n${link}\n\nDu får kun denne påmindelse én gang.` };
}
