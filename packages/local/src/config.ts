import { randomBytes } from "node:crypto";
import { DEFAULT_MENTOR_CERTIFICATE_VALID_DAYS, DEFAULT_MENTOR_CLOSURE_WEEKS, DEFAULT_RECHECK_DAYS, LOCAL_TABLE_PREFIX, type Config } from "@naerhed/core/shared/config";
import { tables } from "@naerhed/core/shared/tables";

/**
 * Configuration for a run against DynamoDB Local: its endpoint and every table under one prefix.
 * The site is `siteUrl` (links in mails point there); a browser may also reach it as 127.0.0.1.
 * The origin secret is new for every run: only this process's own CloudFront stand-in
 * (cloudfront.ts) knows it.
 */
export function localConfig(endpoint: string, tablePrefix = LOCAL_TABLE_PREFIX, siteUrl = "http://localhost:3000"): Config {
  const site = new URL(siteUrl);
  const loopback = site.hostname === "localhost" ? `${site.protocol}//127.0.0.1${site.port ? `:${site.port}` : ""}` : undefined;
  return {
    siteUrl: siteUrl.replace(/\/$/, ""),
    allowedOrigins: loopback ? [site.origin, loopback] : [site.origin],
    originVerifySecret: randomBytes(32).toString("base64url"),
    directoryRecheckDays: DEFAULT_RECHECK_DAYS,
    mentorCertificateValidDays: DEFAULT_MENTOR_CERTIFICATE_VALID_DAYS,
    mentorClosureWeeks: DEFAULT_MENTOR_CLOSURE_WEEKS,
    dynamoEndpoint: endpoint,
    region: "eu-north-1",
    tableNames: Object.fromEntries(tables.map((spec) => [spec.id, `${tablePrefix}${spec.id}`])),
  };
}
