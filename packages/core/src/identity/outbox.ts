import { v7 as uuidv7 } from "uuid";
import type { Mailer } from "../shared/mailer.ts";
import type { SmsSender } from "../shared/sms.ts";
import type { IdentityStore } from "./store.ts";

/** The local mailer: mails land in DynamoDB for a week and are shown at /dev/outbox. Never deployed. */
export function createOutboxMailer(store: IdentityStore, now: () => Date = () => new Date()): Mailer {
  return {
    async send(mail) {
      const sentAt = now();
      await store.putMail({ id: uuidv7(), ...mail, sent_at: sentAt.toISOString() }, Math.floor(sentAt.getTime() / 1000) + 7 * 24 * 3600);
    },
  };
}

/** The local SMS: text messages land in the same outbox, marked as SMS, so a tester reads a code sent to a mobile. Never deployed. */
export function createOutboxSms(store: IdentityStore, now: () => Date = () => new Date()): SmsSender {
  return {
    async send(sms) {
      const sentAt = now();
      await store.putMail({ id: uuidv7(), to: sms.to, subject: "SMS", text: sms.text, sent_at: sentAt.toISOString(), channel: "sms" }, Math.floor(sentAt.getTime() / 1000) + 7 * 24 * 3600);
    },
  };
}
