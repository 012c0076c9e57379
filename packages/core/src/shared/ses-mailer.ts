import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Mailer } from "./mailer.ts";

/** Sends through Amazon SES v2 from the one sender identity the stack allows. */
export function createSesMailer(from: string, region: string): Mailer {
  const ses = new SESv2Client({ region });
  return {
    async send(mail) {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [mail.to] },
          Content: { Simple: { Subject: { Data: mail.subject, Charset: "UTF-8" }, Body: { Text: { Data: mail.text, Charset: "UTF-8" } } } },
        }),
      );
    },
  };
}
