import type { Hit } from "./rate-limit.ts";

/**
 * The other way the platform reaches a person: a text message to their mobile (E.164, shared/phone.ts).
 * On AWS it is Amazon SNS (sns-sms.ts), with the sender id and the monthly spending limit set
 * at deploy; on one machine it lands in the same outbox as mail, shown at /dev/outbox.
 */
export type Sms = { to: string; text: string };

export type SmsSender = { send: (sms: Sms) => Promise<void> };

/** SNS's answers for a text it will never deliver (a number that is not one, opted out, over the spending limit). */
const SMS_REFUSED = new Set(["MonthlySmsLimitReached", "InvalidParameterException", "InvalidParameterValueException", "OptedOutException", "KMSDisabledException"]);

/** True when sending again would not help: the caller records it for staff instead of retrying. */
export const isSmsRefused = (error: unknown) => error instanceof Error && SMS_REFUSED.has(error.name);

/** Past the month's limit nothing more is sent: recorded as undelivered, like a number SNS refuses. */
export class MonthlySmsLimitReached extends Error {
  override name = "MonthlySmsLimitReached";
}

/**
 * The spending limit as a deploy setting (SMS_MONTHLY_LIMIT): every text counts on one counter per
 * calendar month (UTC) in identity's table, and past `max` none goes out. The same locally and on AWS.
 */
export function withMonthlyLimit(sender: SmsSender, hit: Hit, now: () => Date, max: number): SmsSender {
  return {
    async send(sms) {
      const at = now();
      const start = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1) / 1000;
      const end = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1) / 1000;
      if ((await hit("sms-month", "all", start, end)) > max) throw new MonthlySmsLimitReached(`More than ${max} text messages this month`);
      await sender.send(sms);
    },
  };
}
