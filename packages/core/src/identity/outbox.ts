import { v7 as uuidv7 } from "uuid";
import type { Mailer } from "../shared/mailer.ts";
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
