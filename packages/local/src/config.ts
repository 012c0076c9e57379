import { randomBytes } from "node:crypto";
import { allowedOriginsOf, DEFAULT_MENTOR_CERTIFICATE_VALID_DAYS, DEFAULT_MENTOR_CLOSURE_WEEKS, DEFAULT_RECHECK_DAYS, DEFAULT_SMS_MONTHLY_LIMIT, LOCAL_TABLE_PREFIX, type Config } from "@naerhed/core/shared/config";
import { tables } from "@naerhed/core/shared/tables";

/**
 * Configuration for a run against DynamoDB Local: its endpoint and every table under one prefix.
 * The site is `siteUrl` (links in mails point there). The origin secret is new for every run:
 * each module's function gets it (lambda-runner.ts) and only this run's gateway, playing
 * CloudFront (gateway.ts), sends it.
 */
export function localConfig(endpoint: string, tablePrefix = LOCAL_TABLE_PREFIX, siteUrl = "http://localhost:3000"): Config {
  return {
    siteUrl: siteUrl.replace(/\/$/, ""),
    allowedOrigins: allowedOriginsOf(siteUrl),
    originVerifySecret: randomBytes(32).toString("base64url"),
    directoryRecheckDays: DEFAULT_RECHECK_DAYS,
    mentorCertificateValidDays: DEFAULT_MENTOR_CERTIFICATE_VALID_DAYS,
    mentorClosureWeeks: DEFAULT_MENTOR_CLOSURE_WEEKS,
    smsMonthlyLimit: DEFAULT_SMS_MONTHLY_LIMIT,
    dynamoEndpoint: endpoint,
    region: "eu-north-1",
    tableNames: Object.fromEntries(tables.map((spec) => [spec.id, `${tablePrefix}${spec.id}`])),
  };
}
