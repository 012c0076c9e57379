import { RemovalPolicy } from "aws-cdk-lib";
import { Table, type StackContext, type TableProps } from "sst/constructs";
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

/** One SST `Table` per shared spec, keyed by the spec's `id`. */
export function Database({ stack, app }: StackContext) {
  const tables: Record<string, Table> = {};
  for (const spec of tableSpecs) {
    tables[spec.id] = new Table(stack, spec.id, tableProps(spec, app.stage));
  }
  return { tables };
}
