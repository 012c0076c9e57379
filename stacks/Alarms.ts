import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Operation } from "aws-cdk-lib/aws-dynamodb";
import * as sns from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { use, type StackContext } from "sst/constructs";
import { Api } from "./Api.ts";
import { alarmEmails } from "./config.ts";
import { Database, isProtectedStage } from "./Database.ts";
import { watchDeadLetters } from "./dead-letter-alarms.ts";

/**
 * What the municipality's operations team is told, by email through one SNS topic (address:
 * NAERHED_ALARM_EMAIL, stacks/config.ts). Each alarm mails once when it starts and once when it
 * is over; no data means nothing is wrong (a quiet night is not an alarm). README.md
 * ("Operations") lists them for the team.
 */

const FIVE_MINUTES = Duration.minutes(5);

/** Share of API answers that may be 5xx (503 "try again", 500) over 5 minutes before the team is told. */
export const API_5XX_PERCENT = 5;
/** Below this many requests in 5 minutes a share says little (one failed request of three at night). */
export const API_MIN_REQUESTS = 20;
/** DynamoDB requests throttled in 5 minutes: on-demand tables throttle only on sudden bursts, which the SDK retries. */
export const DYNAMO_THROTTLES = 10;
/**
 * SES puts an account under review at a 5 % bounce or 0.1 % complaint rate and may pause its
 * sending at 10 % / 0.5 % (sign-in codes then stop): the team hears of it before review.
 */
export const SES_BOUNCE_RATE = 0.04;
export const SES_COMPLAINT_RATE = 0.0008;

/**
 * The DynamoDB operations the modules use (their grants in each manifest; an infra test keeps
 * the two together). DynamoDB reports throttles and system errors per operation, and one alarm
 * may sum at most 10 metrics.
 */
export const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
] as const;

export function Alarms({ stack, app }: StackContext) {
  const { api, functions } = use(Api);
  const { tables } = use(Database);

  const topic = new sns.Topic(stack, "OperationsAlarms", { displayName: `Nærhed ${app.stage}: alarm`, enforceSSL: true });
  for (const address of alarmEmails(process.env, { required: isProtectedStage(app.stage) })) topic.addSubscription(new EmailSubscription(address));
  const notify = new SnsAction(topic);

  const alarm = (id: string, props: cloudwatch.AlarmProps) => {
    const made = new cloudwatch.Alarm(stack, id, {
      alarmName: app.logicalPrefixedName(id),
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
    });
    made.addAlarmAction(notify);
    made.addOkAction(notify);
    return made;
  };
  const atLeast = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;

  const httpApi = api.cdk.httpApi;
  alarm("api-5xx-rate", {
    alarmDescription: `Mere end ${API_5XX_PERCENT} % af svarene fra API'et er fejl (5xx). / More than ${API_5XX_PERCENT} % of the API's answers are errors (5xx).`,
    metric: new cloudwatch.MathExpression({
      expression: `IF(requests >= ${API_MIN_REQUESTS}, 100 * errors / requests, 0)`,
      usingMetrics: {
        errors: httpApi.metricServerError({ period: FIVE_MINUTES, statistic: "Sum" }),
        requests: httpApi.metricCount({ period: FIVE_MINUTES, statistic: "Sum" }),
      },
      period: FIVE_MINUTES,
      label: "5xx %",
    }),
    threshold: API_5XX_PERCENT,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  });

  for (const [module, fn] of Object.entries(functions)) {
    // Hono answers a failed request with a 500 itself: a Lambda error is a crash, a timeout or a failed scheduled job.
    alarm(`${module}-errors`, {
      alarmDescription: `Modulet ${module} fejlede (nedbrud, timeout eller et planlagt job). / The ${module} function failed (crash, timeout or a scheduled job).`,
      metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: atLeast,
    });
    alarm(`${module}-throttles`, {
      alarmDescription: `Modulet ${module} blev afvist af Lambda (for mange på én gang). / Lambda throttled the ${module} function.`,
      metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: atLeast,
    });
  }

  for (const [id, table] of Object.entries(tables)) {
    const operations = [...TABLE_OPERATIONS];
    alarm(`${id}-table-throttles`, {
      alarmDescription: `Tabellen ${id} afviste forespørgsler (throttling). / DynamoDB throttled requests to the ${id} table.`,
      metric: table.cdk.table.metricThrottledRequestsForOperations({ operations, period: FIVE_MINUTES }),
      threshold: DYNAMO_THROTTLES,
      evaluationPeriods: 1,
      comparisonOperator: atLeast,
    });
    alarm(`${id}-table-system-errors`, {
      alarmDescription: `DynamoDB havde interne fejl på tabellen ${id}. / DynamoDB had internal errors on the ${id} table.`,
      metric: table.cdk.table.metricSystemErrorsForOperations({ operations, period: FIVE_MINUTES }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: atLeast,
    });
  }

  const ses = (metricName: string) => new cloudwatch.Metric({ namespace: "AWS/SES", metricName, statistic: "Maximum", period: Duration.minutes(15) });
  alarm("mail-bounce-rate", {
    alarmDescription: `Mange mails kommer retur (over ${SES_BOUNCE_RATE * 100} %); ved 5 % sætter AWS kontoen under opsyn. / Many mails bounce; AWS reviews the account at 5 %.`,
    metric: ses("Reputation.BounceRate"),
    threshold: SES_BOUNCE_RATE,
    evaluationPeriods: 1,
    comparisonOperator: atLeast,
  });
  alarm("mail-complaint-rate", {
    alarmDescription: `Modtagere markerer mails som spam (over ${SES_COMPLAINT_RATE * 100} %); ved 0,1 % sætter AWS kontoen under opsyn. / Recipients mark mails as spam; AWS reviews the account at 0.1 %.`,
    metric: ses("Reputation.ComplaintRate"),
    threshold: SES_COMPLAINT_RATE,
    evaluationPeriods: 1,
    comparisonOperator: atLeast,
  });

  watchDeadLetters(stack, alarm);

  stack.addOutputs({ AlarmTopicArn: topic.topicArn });
  return { topic };
}
