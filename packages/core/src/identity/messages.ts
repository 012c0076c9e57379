import type { Language } from "../shared/language.ts";

/**
 * Identity's messages: people, roles, sign-in, invitations and a person's own data across modules.
 * Plain language: what happened, then what to do. Every module's messages are gathered in shared/messages.ts.
 */
const da = {
  email_invalid: "E-mailadressen er ikke gyldig. Den skal se sådan ud: navn@eksempel.dk",
  mobile_invalid: "Mobilnummeret er ikke rigtigt. Skriv 8 tal, eller + og landekode.",
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
  person_being_erased: "Dine oplysninger bliver slettet. Du kan ikke logge ind imens.",
  export_not_ready: "Vi samler stadig dine data. Prøv igen om et minut.",
  display_name_invisible: "Navnet har et usynligt tegn. Skriv navnet igen.",
  password_too_many: "Du har prøvet mange gange. Vent lidt. Du kan også logge ind med en kode på mail.",
  code_too_many_wrong_here: "Der er tastet forkert kode mange gange herfra. Vent lidt, eller brug linket i mailen.",
  code_too_many_wrong_today: "Der er tastet forkert kode mange gange i dag. Brug linket i mailen i stedet.",
  grant_remove_not_allowed: "Du må ikke fjerne den rolle.",
  grant_not_held: "Personen har ikke den rolle. Se om mailen og rollen er rigtige.",
  grant_own_admin: "Du kan ikke fjerne din egen rolle som administrator. Bed en anden administrator om det.",
};

const en: Record<keyof typeof da, string> = {
  email_invalid: "The email address is not valid. It should look like this: name@example.dk",
  mobile_invalid: "The mobile number is not right. Write 8 digits, or + and the country code.",
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
  person_being_erased: "Your data is being deleted. You cannot sign in meanwhile.",
  export_not_ready: "We are still gathering your data. Try again in a minute.",
  display_name_invisible: "The name has an invisible character. Type the name again.",
  password_too_many: "You have tried many times. Wait a little. You can also sign in with a code by mail.",
  code_too_many_wrong_here: "A wrong code was typed many times from here. Wait a little, or use the link in the mail.",
  code_too_many_wrong_today: "A wrong code was typed many times today. Use the link in the mail instead.",
  grant_remove_not_allowed: "You may not remove that role.",
  grant_not_held: "The person does not have that role. Check that the email and the role are right.",
  grant_own_admin: "You cannot remove your own administrator role. Ask another administrator to do it.",
};

export const identityMessages: Record<Language, Record<keyof typeof da, string>> = { da, en };
