import type { CouncilKey } from "../council/texts.ts";
import type { DirectoryKey } from "../directory/texts.ts";
import type { MentorKey } from "../mentor/texts.ts";
import type { RemoveRoleKey } from "../identity/remove-role-texts.ts";
import type { PanelKey } from "../panel/texts.ts";

/**
 * Danish: the first language. Every text a person reads on the site lives here.
 * Write for someone who reads slowly: short sentences, one idea each, everyday words, "du".
 * test/readability.test.ts checks sentence length and LIX.
 * Placeholders look like {name} and are filled in by t().
 */
export const da = {
  "site.name": "Nærhed",
  "site.skip": "Gå til indholdet",
  "site.home": "Nærhed, gå til forsiden",
  "site.footer": "Nærhed er lavet af kommunens borgercentre.",
  "site.help": "Har du brug for hjælp? Spørg en medarbejder i dit borgercenter.",
  "site.privacy": "Privatliv og dine data",
  "nav.signIn": "Log ind",
  "nav.myPage": "Min side",

  "lang.label": "Sprog",
  "lang.da": "Dansk",
  "lang.en": "English",

  "home.title": "Velkommen til Nærhed",
  "home.lead": "Her kan du finde noget at lave. Du kan også være med til at bestemme.",
  "home.doors": "Vælg, hvad du vil",

  "offers.doorTitle": "Find tilbud",
  "offers.doorText": "Se, hvad du kan være med til.",
  "council.title": "Borgerrådet",
  "council.text": "Vær med til at bestemme i dit borgercenter.",
  "panel.title": "Borgerpanelet",
  "panel.text": "Sig din mening om nye idéer.",





  "notFound.title": "Vi kan ikke finde siden",
  "notFound.text": "Måske er adressen forkert. Eller også er siden flyttet.",
  "notFound.home": "Gå til forsiden",

  "home.signedOut": "Du er logget ud.",
  "home.deleted": "Vi har slettet dig fra Nærhed.",
  "home.thanks": "Tak, fordi du var med.",

  "signin.title": "Log ind",
  "signin.lead": "Du skal ikke huske en adgangskode. Vi sender en kode til din mail.",
  "signin.email": "Din mail",
  "signin.emailHint": "For eksempel navn@eksempel.dk",
  "signin.emailMissing": "Skriv din mail.",
  "signin.new": "Er du ny? Så skriv bare din mail. Vi laver en konto til dig.",
  "signin.send": "Send mig en kode",
  "signin.sending": "Vi sender koden …",
  "signin.required": "Du skal logge ind for at se siden.",
  "signin.expired": "Du er blevet logget ud. Log ind igen.",
  "signin.already": "Du er logget ind som {name}.",
  "signin.toMyPage": "Gå til Min side",
  "signin.wait": "Du kan prøve igen om {minutes} minutter.",

  "password.disclosure": "Personale: log ind med adgangskode",
  "password.intro": "Har du valgt en adgangskode? Så kan du bruge den her. Det er frivilligt.",
  "password.email": "Din arbejdsmail",
  "password.password": "Adgangskode",
  "password.missing": "Skriv din adgangskode.",
  "password.show": "Vis adgangskoden",
  "password.submit": "Log ind med adgangskode",

  "code.title": "Skriv koden fra mailen",
  "code.sentTo": "Vi har sendt en mail til {email}.",
  "code.sentToYou": "Vi har sendt en mail til dig.",
  "code.help": "I mailen står en kode med 6 tal. Du kan også trykke på linket i mailen.",
  "code.label": "Kode",
  "code.hint": "6 tal",
  "code.missing": "Skriv koden fra mailen.",
  "code.submit": "Log ind",
  "code.noMail": "Kan du ikke finde mailen? Se også i spam.",
  "code.again": "Send en ny kode",
  "code.checking": "Vi tjekker koden …",

  "link.title": "Log ind med link",
  "link.working": "Vi logger dig ind …",
  "link.failedTitle": "Linket virker ikke",
  "link.broken": "Der mangler noget i linket.",
  "link.again": "Bed om en ny kode",

  "access.checking": "Vi tjekker, om du er logget ind …",
  "access.deniedTitle": "Du har ikke adgang",
  "access.denied": "Du har ikke adgang til det her.",
  "access.help": "Tror du, det er en fejl? Spørg en medarbejder i dit borgercenter.",
  "access.home": "Gå til forsiden",

  "role.citizen": "Borger",
  "role.council_member": "Medlem af borgerrådet",
  "role.mentor": "Mentor",
  "role.staff": "Personale",
  "role.admin": "Administrator",
  "role.at": "{role}, {centre}",

  "me.title": "Min side",
  "me.hello": "Hej {name}.",
  "me.loading": "Vi henter dine oplysninger …",
  "me.error": "Vi kunne ikke hente dine oplysninger.",
  "me.about": "Om dig",
  "me.name": "Navn",
  "me.email": "Mail",
  "me.roles": "Roller",
  "me.language": "Sprog",
  "me.edit": "Ret navn og sprog",
  "me.nameLabel": "Dit navn",
  "me.nameMissing": "Skriv dit navn.",
  "me.languageHint": "Vi skriver til dig på dette sprog. Siden skifter også sprog.",
  "me.save": "Gem",
  "me.saved": "Vi har gemt det.",
  "me.signOutTitle": "Log ud",
  "me.signOut": "Log ud",
  "me.signOutEverywhere": "Log ud på alle enheder",
  "me.everywhereHint": "Brug det, hvis du har logget ind på en anden computer eller telefon.",
  "me.failed": "Det gik ikke.",
  "me.dataTitle": "Dine data",
  "me.dataText": "Du kan hente alt, vi har gemt om dig. Du får en fil.",
  "me.download": "Hent mine data",
  "me.privacy": "Læs om dine data",
  "me.deleteTitle": "Slet dig",
  "me.deleteText": "Du kan slette dig fra Nærhed. Så sletter vi dine data.",
  "me.delete": "Slet mig",
  "me.staffTitle": "For personale",
  "me.passwordText": "Du kan vælge en adgangskode. Det er frivilligt.",
  "me.password": "Adgangskode",
  "me.invite": "Inviter en person",
  "me.removeRole": "Fjern en rolle",
  "me.log": "Se loggen",

  "delete.title": "Slet dig fra Nærhed",
  "delete.lead": "Læs det her, før du sletter dig.",
  "delete.what": "Vi sletter:",
  "delete.name": "dit navn og din mail",
  "delete.roles": "dit sprog og dine roller",
  "delete.sessions": "alle steder, hvor du er logget ind",
  "delete.password": "din adgangskode, hvis du har en",
  "delete.final": "Du kan ikke fortryde det.",
  "delete.after": "Du bliver logget ud. Du kan godt logge ind igen senere. Så er du en ny bruger.",
  "delete.log": "Loggen husker stadig, hvad du har ændret som personale.",
  "delete.first": "Vil du gemme dine data først? Så hent dem, før du sletter dig.",
  "delete.confirm": "Ja, slet mig",
  "delete.cancel": "Nej, gå tilbage til Min side",
  "delete.failed": "Vi kunne ikke slette dig.",

  "newPassword.title": "Vælg en adgangskode",
  "newPassword.lead": "Det er frivilligt. Du kan altid logge ind med en kode på mail.",
  "newPassword.label": "Ny adgangskode",
  "newPassword.hint": "Mindst 12 tegn.",
  "newPassword.missing": "Skriv en adgangskode.",
  "newPassword.save": "Gem adgangskoden",
  "newPassword.saved": "Vi har gemt din adgangskode.",
  "newPassword.back": "Tilbage til Min side",

  "invite.title": "Inviter en person",
  "invite.lead": "Personen får en mail med et link. Så kan personen logge ind.",
  "invite.email": "Personens mail",
  "invite.name": "Personens navn",
  "invite.role": "Rolle",
  "invite.centre": "Borgercenter",
  "invite.submit": "Send invitation",
  "invite.done": "Vi har inviteret {name}.",
  "invite.as": "Rolle: {role}",
  "invite.mailSent": "Vi har sendt en mail til {email}.",
  "invite.emailMissing": "Skriv personens mail.",
  "invite.nameMissing": "Skriv personens navn.",
  "invite.roleMissing": "Vælg en rolle.",
  "invite.centreMissing": "Vælg et borgercenter.",

  "log.title": "Log over ændringer",
  "log.lead": "Her ser du, hvem der har ændret hvad. Det nyeste står øverst.",
  "log.month": "Uden filter ser du ændringer fra denne måned.",
  "log.filters": "Find ændringer",
  "log.person": "Person-id",
  "log.personHint": "Vis kun, hvad én person har ændret.",
  "log.item": "Emne",
  "log.itemHint": "Vis kun ændringer af én ting. For eksempel identity:person: og et id.",
  "log.search": "Vis",
  "log.clear": "Fjern filtre",
  "log.loading": "Vi henter loggen …",
  "log.shown": "Du ser {count} ændringer.",
  "log.shownAll": "Du ser alle {count} ændringer.",
  "log.empty": "Der er ingen ændringer.",
  "log.error": "Vi kunne ikke hente loggen.",
  "log.caption": "Ændringer",
  "log.when": "Tid",
  "log.who": "Hvem",
  "log.what": "Hvad",
  "log.itemColumn": "Emne",
  "log.summary": "Detaljer",
  "log.more": "Vis flere",
  "action.identity.invite": "Inviterede en person",
  "action.identity.grant.remove": "Fjernede en rolle",
  "action.identity.me.update": "Rettede sit navn eller sprog",
  "action.identity.password.set": "Valgte en adgangskode",

  "privacy.title": "Privatliv og dine data",
  "privacy.lead": "Her kan du læse, hvad vi gemmer om dig. Og hvorfor vi gør det.",
  "privacy.storeTitle": "Det gemmer vi",
  "privacy.email": "Din mail. Vi sender din kode til den.",
  "privacy.name": "Dit navn.",
  "privacy.language": "Dit sprog. Det er dansk eller engelsk.",
  "privacy.roles": "Dine roller. For eksempel om du er med i borgerrådet.",
  "privacy.sessions": "Hvor du er logget ind. Så skal du ikke logge ind hver gang.",
  "privacy.noPassword": "Som borger har du ingen adgangskode. Så vi gemmer ingen.",
  "privacy.staffPassword": "Personale kan vælge en adgangskode. Vi gemmer den, så ingen kan læse den.",
  "privacy.whyTitle": "Derfor gemmer vi det",
  "privacy.whyWho": "Vi skal vide, hvem du er, når du logger ind.",
  "privacy.whyWhat": "Vi skal vide, hvad du må på Nærhed.",
  "privacy.whyMail": "Vi skal kunne skrive til dig på dit sprog.",
  "privacy.howLongTitle": "Så længe gemmer vi det",
  "privacy.code": "En kode virker i 15 minutter. Så virker den ikke mere.",
  "privacy.session": "Bruger du ikke Nærhed i 14 dage? Så bliver du logget ud.",
  "privacy.untilDeleted": "Dit navn og din mail gemmer vi, til du sletter dig.",
  "privacy.whoTitle": "Dem, der kan se det",
  "privacy.whoYou": "Du kan selv se dine data. Hent dem på Min side.",
  "privacy.whoStaff": "Nogle ansatte i kommunen kan se dit navn og dine roller. De bruger det kun i deres arbejde.",
  "privacy.whoLog": "Er du personale? Så gemmer vi, hvad du ændrer. Det er kommunens log.",
  "privacy.rightsTitle": "Det har du ret til",
  "privacy.rightsDownload": "Du kan hente alle dine data.",
  "privacy.rightsDelete": "Du kan slette dig selv.",
  "privacy.rightsWhere": "Begge dele gør du på Min side.",
  "privacy.rightsContact": "Har du spørgsmål? Så kontakt kommunen. Du kan også spørge i dit borgercenter.",
  "privacy.myPage": "Gå til Min side",
  "privacy.signIn": "Log ind for at se dine data",

  // ── Staff: curating a centre's offers (web/src/directory/staff/) ──
  "staffOffers.myPage": "Ret jeres tilbud",

  "lix.easy": "LIX {lix} – let at læse. Målet er 30 eller under.",
  "lix.medium": "LIX {lix} – lidt svær at læse. Målet er 30 eller under.",
  "lix.hard": "LIX {lix} – svær at læse. Målet er 30 eller under.",
  "lix.empty": "Målet er LIX 30 eller under.",
  "lix.longOne": "En sætning er for lang. Del den op.",
  "lix.long": "{count} sætninger er for lange. Del dem op.",
  // ── end of staff offers ──

  // ── Suggestions: "Kender du et tilbud?" and the staff queue (web/src/directory/suggestions/) ──
  "queue.reload": "Hent listen igen",
  // ── end of suggestions ──

  // ── Search ("Søg i tilbud", /tilbud/soeg) ──
  // ── end of search ──

  // ── read aloud and print (src/directory/OfferTools.tsx) ──
  // ── end of read aloud and print ──

  "error.tryLater": "Prøv igen om lidt.",
  "error.retry": "Prøv igen",
  "error.offline": "Vi kan ikke få forbindelse. Tjek dit internet, og prøv igen.",
  "error.code": "Brug for hjælp? Sig denne kode: {id}",
  "error.summary": "Der er et problem",
  "error.prefix": "Fejl:",

  // ── mentor (the front-page door; the pages' texts are in src/mentor/i18n, loaded with them) ──
  "mentor.title": "Mentorordningen",
  "mentor.text": "Få en mentor, eller bliv selv mentor.",
  // ── end of mentor ──
} as const satisfies Record<string, string>;

/** Every key `t()` knows: the site-wide ones here, and each module's own (types only: no module text is bundled here). */
export type MessageKey = keyof typeof da | DirectoryKey | CouncilKey | PanelKey | MentorKey | RemoveRoleKey;

/** Every other language must have every Danish key, and no others. */
export type Dictionary = Record<keyof typeof da, string>;
