/**
 * The other way the platform reaches a person: a text message to their mobile (E.164, shared/phone.ts).
 * On AWS it is Amazon SNS (sns-sms.ts), with the sender id and the monthly spending limit set
 * at deploy; on one machine it lands in the same outbox as mail, shown at /dev/outbox.
 */
export type Sms = { to: string; text: string };

export type SmsSender = { send: (sms: Sms) => Promise<void> };

/** SNS's answers for a text it will never deliver (a number that is not one, opted out, over the spending limit). */
const SMS_REFUSED = new Set(["InvalidParameterException", "InvalidParameterValueException", "OptedOutException", "KMSDisabledException"]);

/** True when sending again would not help: the caller records it for staff instead of retrying. */
export const isSmsRefused = (error: unknown) => error instanceof Error && SMS_REFUSED.has(error.name);
