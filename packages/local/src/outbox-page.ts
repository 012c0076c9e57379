import type { OutboxMail } from "@naerhed/core/identity/store";
import { escapeHtml as escape } from "@naerhed/core/shared/html";

/**
 * /dev/outbox: the mails the platform "sent" while running on one machine, newest first,
 * so a tester can open a sign-in link or read a code. Served only by the local server;
 * it is not part of any Lambda, so it is never deployed.
 */

const withLinks = (text: string) => escape(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export function outboxPage(mails: readonly OutboxMail[]): string {
  const items = mails
    .map(
      (mail) => `<article>
  <h2>${mail.channel === "sms" ? "SMS" : escape(mail.subject)}</h2>
  <p>${mail.channel === "sms" ? "SMS til" : "Til"}: <strong>${escape(mail.to)}</strong> · <time datetime="${escape(mail.sent_at)}">${escape(mail.sent_at)}</time></p>
  <pre>${withLinks(mail.text)}</pre>
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Udbakke (kun lokalt) – Nærhed</title>
<style>
body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 70ch; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
article { border: 2px solid #555; border-radius: 8px; padding: 0 1rem; margin: 1rem 0; }
pre { white-space: pre-wrap; font: inherit; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>Udbakke (kun lokalt)</h1>
<p>Her er de mails og SMS'er, Nærhed har sendt. Den nyeste står øverst. Siden findes kun, når Nærhed kører på én maskine.</p>
${items || "<p>Der er ingen mails endnu.</p>"}
</main>
</body>
</html>`;
}
