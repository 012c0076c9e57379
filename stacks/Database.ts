import { RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { Table, type StackContext, type TableProps } from "sst/constructs";
import { manifests } from "../packages/core/src/manifests.ts";
import type { BucketSpec } from "../packages/core/src/shared/manifest.ts";
import { tables as tableSpecs, type KeyAttribute, type TableSpec } from "../packages/core/src/shared/tables.ts";

/** Data on `prod` must survive a `sst remove` and a mistaken replacement; other stages are disposable. */
export function isProtectedStage(stage: string): boolean {
  return stage === "prod";
}

/**
 * Turns one shared `TableSpec` into SST `Table` props, so keys, indexes and TTL are declared
 * only in `packages/core/src/shared/tables.ts` (DynamoDB Local is built from the same specs).
 */
export function tableProps(spec: TableSpec, stage: string): TableProps {
  const fields: NonNullable<TableProps["fields"]> = {};
  const addField = (key: KeyAttribute) => {
    const known = fields[key.name];
    if (known && known !== key.type) {
      throw new Error(`Table "${spec.id}": attribute "${key.name}" is both ${known} and ${key.type}`);
    }
    fields[key.name] = key.type;
  };
  const keys = [spec.partitionKey, spec.sortKey, ...spec.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  for (const key of keys) if (key) addField(key);

  const protect = isProtectedStage(stage);
  return {
    fields,
    primaryIndex: { partitionKey: spec.partitionKey.name, sortKey: spec.sortKey?.name },
    globalIndexes: Object.fromEntries(
      spec.globalIndexes.map((index) => [
        index.name,
        { partitionKey: index.partitionKey.name, sortKey: index.sortKey?.name },
      ]),
    ),
    timeToLiveAttribute: spec.ttlAttribute,
    // Billing stays SST's default, PAY_PER_REQUEST (asserted in infra-tests).
    cdk: {
      table: {
        // SST sets the deprecated `pointInTimeRecovery: true` itself; CDK rejects it next to the
        // newer specification, so it is unset here and recovery is switched on explicitly instead.
        pointInTimeRecovery: undefined,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: protect,
        removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  };
}

/** The buckets the manifests grant rights on (today the organisation's logo), each once. */
export const bucketSpecs = (): BucketSpec[] => [...new Map(manifests.flatMap((m) => m.buckets ?? []).map((grant) => [grant.bucket.id, grant.bucket])).values()];

/**
 * A private bucket for uploaded files: nobody reads it directly (the module's function serves the
 * files with their own headers), encrypted, HTTPS only, versioned so a mistaken delete can be
 * undone, and on prod kept through a `sst remove` like the tables.
 */
export function bucketProps(stage: string): s3.BucketProps {
  const protect = isProtectedStage(stage);
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  };
}

/** One SST `Table` per shared spec, keyed by the spec's `id`, and one bucket per bucket spec. */
export function Database({ stack, app }: StackContext) {
  const tables: Record<string, Table> = {};
  for (const spec of tableSpecs) {
    tables[spec.id] = new Table(stack, spec.id, tableProps(spec, app.stage));
  }
  const buckets: Record<string, s3.Bucket> = {};
  for (const spec of bucketSpecs()) {
    buckets[spec.id] = new s3.Bucket(stack, `${spec.id}-bucket`, bucketProps(app.stage));
  }
  return { tables, buckets };
}
