/**
 * The one way the platform sends a message to a person. On AWS it is Amazon SES v2
 * (ses-mailer.ts); on one machine it is an outbox in DynamoDB shown at /dev/outbox.
 */
export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send: (mail: Mail) => Promise<void> };

/** SES's answers for a mail it will never take, however often it is sent (a malformed or refused address). */
const REFUSED_FOR_GOOD = new Set(["MessageRejected", "BadRequestException"]);

/**
 * Sends one mail of a long job. A mail refused for good is logged (without the address) and
 * skipped, so one bad address cannot stop everyone after it; anything else (throttling, an
 * outage) is thrown, for the job's part to be tried again. True when the mail went out.
 */
export async function sendInJob(mailer: Mailer, mail: Mail, about: { job: string; person: string }): Promise<boolean> {
  try {
    await mailer.send(mail);
    return true;
  } catch (error) {
    if (!(error instanceof Error) || !REFUSED_FOR_GOOD.has(error.name)) throw error;
    console.warn(JSON.stringify({ level: "warn", what: "mail_refused", ...about, error: error.name }));
    return false;
  }
}
