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
  /** The site's address: links in mails point here, and state-changing requests must come from it. */
  siteUrl: string;
  /** Sender for Amazon SES on AWS; unset locally, where mails go to the outbox at /dev/outbox. */
  mailFrom?: string;
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
};

export const DEFAULT_RECHECK_DAYS = 182;
export const DEFAULT_MENTOR_CERTIFICATE_VALID_DAYS = 730;
export const DEFAULT_MENTOR_CLOSURE_WEEKS = 20;

export const LOCAL_TABLE_PREFIX = "naerhed-";

export function tableName(spec: TableSpec, env: NodeJS.ProcessEnv, prefix = LOCAL_TABLE_PREFIX): string {
  return env[spec.envVar] ?? `${env.TABLE_PREFIX ?? prefix}${spec.id}`;
}

export function configFromEnv(specs: readonly TableSpec[], env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? "eu-north-1",
    tableNames: Object.fromEntries(specs.map((spec) => [spec.id, tableName(spec, env)])),
    siteUrl: (env.SITE_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    mailFrom: env.MAIL_FROM || undefined,
    eventBusName: env.EVENT_BUS_NAME || undefined,
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
