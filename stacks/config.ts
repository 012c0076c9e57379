import { MODULE_SETTINGS, type ModuleSetting } from "../packages/core/src/shared/manifest.ts";

/**
 * Settings read from the environment of whoever runs `sst deploy`, in one place.
 *
 * - `NAERHED_MAIL_FROM`: the sender address for Amazon SES. The address or its domain must be a
 *   verified SES identity in the stage's region. Default: `noreply@example.dk` (a placeholder:
 *   sign-in mails fail until a real, verified sender is set).
 * - `NAERHED_SITE_URL`: the site's public https address (its own domain, or the CloudFront
 *   domain of the stage). Required to deploy: every link in a mail points there, and the API
 *   takes changes only from that origin. Only `sst remove` does without it.
 * - Module settings (`moduleSettings`): the same names the app reads (packages/core/src/shared/config.ts),
 *   e.g. `DIRECTORY_RECHECK_DAYS=90`; each goes to the functions of the modules that list it in
 *   their manifests (packages/core/src/<module>/manifest.ts). Unset: the app's default.
 * - `NAERHED_SMS_SENDER_ID`: the name text messages show as their sender (3–11 letters and digits,
 *   at least one letter; Denmark shows it). Default: `Naerhed`.
 * - `SMS_MONTHLY_LIMIT` (a module setting, below): at most this many text messages a month (codes
 *   and notices together); past it identity sends none and records it for staff, so a runaway
 *   cannot run up the bill. Default: 1000. (SNS has its own account-wide spending limit in
 *   dollars, which AWS raises on request; keep it above what this number costs.)
 * - `NAERHED_ALARM_EMAIL`: the operations team's address (or several, separated by commas) that
 *   gets the alarms by email (`alarmEmails`, stacks/Alarms.ts). Required on prod; other stages
 *   may leave it unset and get the alarms without anyone subscribed.
 */

export const DEFAULT_MAIL_FROM = "noreply@example.dk";
export const DEFAULT_SMS_SENDER_ID = "Naerhed";

export type DeployConfig = {
  /** A plain email address, given to the identity function as MAIL_FROM. */
  mailFrom: string;
  /** The name text messages show as their sender, given to the function that sends SMS (identity) as SMS_SENDER_ID. */
  smsSenderId: string;
  /** The site's origin (scheme, host, port), given to every function as SITE_URL; unset only when removing a stage. */
  siteUrl?: string;
};

/** What `sst` is doing with the stage: SST's `app.mode`. */
export type StageMode = "deploy" | "dev" | "remove";

const ADDRESS = /^[^\s@<>()",;:\\[\]]+@([A-Za-z0-9-]+\.)+[A-Za-z0-9-]{2,}$/;

export function deployConfig(env: NodeJS.ProcessEnv = process.env, stage = "prod", mode: StageMode = "deploy"): DeployConfig {
  const mailFrom = env.NAERHED_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  if (!ADDRESS.test(mailFrom)) {
    throw new Error(`NAERHED_MAIL_FROM must be a plain email address such as ${DEFAULT_MAIL_FROM}, got "${mailFrom}"`);
  }

  const smsSenderId = env.NAERHED_SMS_SENDER_ID?.trim() || DEFAULT_SMS_SENDER_ID;
  // What SNS takes as a sender id: 3 to 11 letters and digits, not digits only.
  if (!/^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/.test(smsSenderId)) {
    throw new Error(`NAERHED_SMS_SENDER_ID must be 3 to 11 letters and digits with at least one letter, such as ${DEFAULT_SMS_SENDER_ID}, got "${smsSenderId}"`);
  }

  const rawSiteUrl = env.NAERHED_SITE_URL?.trim();
  if (!rawSiteUrl && mode === "remove") return { mailFrom, smsSenderId };
  if (!rawSiteUrl) {
    throw new Error(
      `NAERHED_SITE_URL is not set. Set it to the site's https address before you deploy, for example: ` +
        `NAERHED_SITE_URL=https://naerhed.kommune.dk npx sst deploy --stage ${stage} ` +
        `(every link in a mail points there, and the API takes changes only from it).`,
    );
  }
  let url: URL;
  try {
    url = new URL(rawSiteUrl);
  } catch {
    throw new Error(`NAERHED_SITE_URL must be an absolute https URL such as https://naerhed.example.dk, got "${rawSiteUrl}"`);
  }
  if (url.protocol !== "https:" || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new Error(`NAERHED_SITE_URL must be the site's https origin without a path, such as https://naerhed.example.dk, got "${rawSiteUrl}"`);
  }
  return { mailFrom, smsSenderId, siteUrl: url.origin };
}

/**
 * The SES identities that may send as `mailFrom`: the address itself and its domain, because
 * SES authorizes against whichever of the two is verified.
 */
export function senderIdentities(mailFrom: string): [address: string, domain: string] {
  const at = mailFrom.lastIndexOf("@");
  if (at <= 0) throw new Error(`Not an email address: "${mailFrom}"`);
  return [mailFrom, mailFrom.slice(at + 1)];
}

/** The settings a municipality may change per stage, each a whole number of days or weeks (declared with the manifests). */
export { MODULE_SETTINGS, type ModuleSetting } from "../packages/core/src/shared/manifest.ts";

export function moduleSettings(env: NodeJS.ProcessEnv = process.env): Partial<Record<ModuleSetting, string>> {
  const settings: Partial<Record<ModuleSetting, string>> = {};
  for (const name of MODULE_SETTINGS) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (!/^[1-9]\d{0,4}$/.test(value)) throw new Error(`${name} must be a whole number above 0, got "${value}"`);
    settings[name] = value;
  }
  return settings;
}

/**
 * The operations team's addresses for alarms, from `NAERHED_ALARM_EMAIL` (comma-separated).
 * `required`: the stage must name someone (prod: an alarm nobody reads helps nobody).
 */
export function alarmEmails(env: NodeJS.ProcessEnv = process.env, { required }: { required: boolean }): string[] {
  const raw = env.NAERHED_ALARM_EMAIL?.trim() ?? "";
  const addresses = raw ? raw.split(",").map((address) => address.trim()) : [];
  if (required && addresses.length === 0) {
    throw new Error("NAERHED_ALARM_EMAIL must be set on this stage: the operations team's email address for alarms, such as drift@kommune.dk");
  }
  for (const address of addresses) {
    if (!ADDRESS.test(address)) throw new Error(`NAERHED_ALARM_EMAIL must be email addresses separated by commas, such as drift@kommune.dk, got "${address}"`);
  }
  return [...new Set(addresses)];
}
