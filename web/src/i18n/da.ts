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

  "lang.label": "Sprog",
  "lang.da": "Dansk",
  "lang.en": "English",

  "home.title": "Velkommen til Nærhed",
  "home.lead": "Her kan du finde noget at lave. Du kan også være med til at bestemme.",
  "home.doors": "Vælg, hvad du vil",
  "soon.tag": "Kommer snart",

  "offers.doorTitle": "Find tilbud",
  "offers.doorText": "Se, hvad du kan være med til.",
  "council.title": "Borgerrådet",
  "council.text": "Vær med til at bestemme i dit borgercenter.",
  "panel.title": "Borgerpanelet",
  "panel.text": "Sig din mening om nye idéer.",
  "mentor.title": "Mentorordningen",
  "mentor.text": "Få en fast person, der kan hjælpe dig.",

  "soon.lead": "Denne del af Nærhed er ikke klar endnu.",
  "soon.later": "Vi arbejder på den. Kom tilbage en anden dag.",
  "soon.home": "Gå til forsiden",

  "offers.title": "Find tilbud",
  "offers.lead": "Her er tilbud fra kommunens borgercentre. Vælg et tilbud for at læse mere.",
  "offers.loading": "Henter tilbud …",
  "offers.shown": "Du ser {count} tilbud.",
  "offers.shownAll": "Du ser alle {count} tilbud.",
  "offers.more": "Vis flere",
  "offers.empty": "Der er ingen tilbud lige nu.",
  "offers.error": "Vi kunne ikke hente tilbud.",

  "fact.category": "Type",
  "fact.centre": "Sted",
  "fact.price": "Pris",
  "fact.age": "Alder",
  "price.free": "Gratis",
  "price.paid": "Det koster penge.",
  "age.all": "Alle aldre",
  "age.range": "{min} til {max} år",
  "age.from": "Fra {min} år",
  "age.to": "Op til {max} år",

  "offer.back": "Tilbage til alle tilbud",
  "offer.loading": "Henter tilbuddet …",
  "offer.error": "Vi kunne ikke hente tilbuddet.",
  "offer.when": "Hvornår",
  "offer.where": "Hvor",
  "offer.price": "Pris",
  "offer.who": "Hvem kan være med",
  "offer.join": "Sådan kommer du med",
  "offer.access": "Adgang og hjælp",
  "offer.contact": "Kontakt",
  "offer.phone": "Telefon",
  "offer.email": "Mail",
  "offer.web": "Hjemmeside",
  "offer.by": "Hvem står bag",
  "offer.checked": "Sidst tjekket {date}.",
  "offer.paused": "Tilbuddet holder pause lige nu.",
  "offer.stopped": "Tilbuddet er stoppet.",
  "offer.missingTitle": "Vi kan ikke finde tilbuddet",
  "offer.missingText": "Måske er tilbuddet slut. Eller også er linket forkert.",

  "notFound.title": "Vi kan ikke finde siden",
  "notFound.text": "Måske er adressen forkert. Eller også er siden flyttet.",
  "notFound.home": "Gå til forsiden",

  "error.tryLater": "Prøv igen om lidt.",
  "error.retry": "Prøv igen",
  "error.offline": "Vi kan ikke få forbindelse. Tjek dit internet, og prøv igen.",
  "error.code": "Brug for hjælp? Sig denne kode: {id}",
  "error.summary": "Der er et problem",
  "error.prefix": "Fejl:",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof da;

/** Every other language must have every Danish key, and no others. */
export type Dictionary = Record<MessageKey, string>;
