/**
 * The one way the platform sends a message to a person. On AWS it is Amazon SES v2
 * (ses-mailer.ts); on one machine it is an outbox in DynamoDB shown at /dev/outbox.
 */
export type Mail = { to: string; subject: string; text: string };

export type Mailer = { send: (mail: Mail) => Promise<void> };
