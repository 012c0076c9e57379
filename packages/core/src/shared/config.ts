import type { TableSpec } from "./tables.ts";

/**
 * Configuration is read from the environment here and nowhere else, so the app code
 * never knows whether it runs on one machine or on AWS.
 */
export type Config = {
  /** Set locally (DynamoDB Local); unset on AWS, where the SDK finds DynamoDB itself. */
  dynamoEndpoint?: string;
  region: string;
  /** Physical table name for each logical table id. */
  tableNames: Record<string, string>;
  /** The site's address: every link in a mail points here, never at what a request says about itself. */
  siteUrl: string;
  /** The origins a state-changing request may come from (the site's own, and locally its 127.0.0.1 twin). */
  allowedOrigins: readonly string[];
  /**
   * The value CloudFront puts in `x-naerhed-origin-verify` on every /api request (locally the
   * server plays CloudFront with a random one): a request without it did not come through our
   * CloudFront, so its `CloudFront-Viewer-Address` is the client's own invention.
   */
  originVerifySecret: string;
  /** Sender for Amazon SES on AWS; unset locally, where mails go to the outbox at /dev/outbox. */
  mailFrom?: string;
  /** The sender id text messages show (Amazon SNS on AWS); unset locally, where they go to the outbox at /dev/outbox. */
  smsSenderId?: string;
  /** At most this many text messages a month, all people together (shared/sms.ts). */
  smsMonthlyLimit: number;
  /** A published offer not checked for this many days goes on staff's "needs checking" list. */
  directoryRecheckDays: number;
  /** Search: how long a process keeps its in-memory index of published offers before it reloads it (directory/search.ts). */
  directorySearchMaxAgeSeconds?: number;
  /** Search: how many recent searches each index remembers (directory/search.ts); 0 turns that off, as the benchmark does for first-time numbers. */
  directorySearchResultCacheSize?: number;
  /** Mentor: how many days a criminal record certificate counts before the mentor is rechecked. */
  mentorCertificateValidDays: number;
  /** Mentor: weeks from the start of a pair to its planned closure. */
  mentorClosureWeeks: number;
  /** The stage's EventBridge bus (AWS); unset locally, where the runner hands each module the in-process bus. */
  eventBusName?: string;
  /** The stage's private S3 bucket for uploaded files (AWS, modules with a bucket grant); unset locally, where the runner gives a folder. */
  filesBucket?: string;
};

export const DEFAULT_RECHECK_DAYS = 182;
export const DEFAULT_SMS_MONTHLY_LIMIT = 1000;
export const DEFAULT_MENTOR_CERTIFICATE_VALID_DAYS = 730;
export const DEFAULT_MENTOR_CLOSURE_WEEKS = 20;

export const LOCAL_TABLE_PREFIX = "naerhed-";

/** The header CloudFront adds to every request it sends to the API (stacks/Web.ts), and what the API checks. */
export const ORIGIN_VERIFY_HEADER = "x-naerhed-origin-verify";

/** The viewer's "ip:port", which CloudFront writes itself: the only client address the API believes. */
export const VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

/**
 * The viewer's headers CloudFront passes on to the API: exactly those the API reads, and the
 * viewer's address. It is the allow-list of the /api/* origin request policy (stacks/Web.ts) and
 * what the local gateway lets through (packages/local/src/gateway.ts), so both runs see the same.
 * Cookies and query strings go as they are; Host stays the API's own.
 */
export const API_FORWARDED_HEADERS = ["accept", "accept-language", "content-type", "origin", "sec-fetch-site", "x-request-id", VIEWER_ADDRESS_HEADER] as const;

/** The settings a deployed function cannot run without: it refuses to start rather than guess. */
function required(env: NodeJS.ProcessEnv, name: string, why: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is not set: ${why}. The stacks set it on every module's function (stacks/Api.ts).`);
  return value;
}

/**
 * The origins a state-changing request may come from: the site's own. A site on `localhost` (a
 * local run) also answers as 127.0.0.1, which is the same machine to a browser.
 */
export function allowedOriginsOf(siteUrl: string): string[] {
  const site = new URL(siteUrl);
  return site.hostname === "localhost" ? [site.origin, `${site.protocol}//127.0.0.1${site.port ? `:${site.port}` : ""}`] : [site.origin];
}

export function tableName(spec: TableSpec, env: NodeJS.ProcessEnv, prefix = LOCAL_TABLE_PREFIX): string {
  return env[spec.envVar] ?? `${env.TABLE_PREFIX ?? prefix}${spec.id}`;
}

export function configFromEnv(specs: readonly TableSpec[], env: NodeJS.ProcessEnv = process.env): Config {
  const siteUrl = required(env, "SITE_URL", "links in mails would point nowhere").replace(/\/$/, "");
  return {
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? "eu-north-1",
    tableNames: Object.fromEntries(specs.map((spec) => [spec.id, tableName(spec, env)])),
    siteUrl,
    allowedOrigins: allowedOriginsOf(siteUrl),
    originVerifySecret: required(env, "ORIGIN_VERIFY_SECRET", "without it the API cannot tell requests through CloudFront from others"),
    mailFrom: env.MAIL_FROM || undefined,
    smsSenderId: env.SMS_SENDER_ID || undefined,
    smsMonthlyLimit: Number(env.SMS_MONTHLY_LIMIT) || DEFAULT_SMS_MONTHLY_LIMIT,
    eventBusName: env.EVENT_BUS_NAME || undefined,
    filesBucket: env.FILES_BUCKET || undefined,
    directoryRecheckDays: Number(env.DIRECTORY_RECHECK_DAYS) || DEFAULT_RECHECK_DAYS,
    mentorCertificateValidDays: Number(env.MENTOR_CERTIFICATE_VALID_DAYS) || DEFAULT_MENTOR_CERTIFICATE_VALID_DAYS,
    mentorClosureWeeks: Number(env.MENTOR_CLOSURE_WEEKS) || DEFAULT_MENTOR_CLOSURE_WEEKS,
    ...(Number(env.DIRECTORY_SEARCH_MAX_AGE_SECONDS) >= 0 && env.DIRECTORY_SEARCH_MAX_AGE_SECONDS
      ? { directorySearchMaxAgeSeconds: Number(env.DIRECTORY_SEARCH_MAX_AGE_SECONDS) }
      : {}),
    ...(Number(env.DIRECTORY_SEARCH_RESULT_CACHE_SIZE) >= 0 && env.DIRECTORY_SEARCH_RESULT_CACHE_SIZE
      ? { directorySearchResultCacheSize: Number(env.DIRECTORY_SEARCH_RESULT_CACHE_SIZE) }
      : {}),
  };
}
