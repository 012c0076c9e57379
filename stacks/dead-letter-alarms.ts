import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import type { IConstruct } from "constructs";

/**
 * Alarms on dead-letter queues, apart from Alarms.ts so that the stack that makes a queue (Api.ts)
 * need not import the Alarms stack, which reads it (`use(Api)`).
 */

/** How the Alarms stack makes an alarm: named per stage, mailed to the operations team. */
type MakeAlarm = (id: string, props: cloudwatch.AlarmProps) => cloudwatch.Alarm;

/** Per app: the Alarms stack's way to make an alarm once it exists, and the queues handed in before it did. */
const watchers = new WeakMap<IConstruct, { alarm?: MakeAlarm; waiting: { name: string; queue: IQueue }[] }>();
const watchersOf = (scope: IConstruct) => {
  const root = scope.node.root;
  let entry = watchers.get(root);
  if (!entry) watchers.set(root, (entry = { waiting: [] }));
  return entry;
};

function deadLetterAlarm(alarm: MakeAlarm, name: string, queue: IQueue) {
  alarm(`${name}-dead-letters`, {
    alarmDescription: `Der ligger beskeder i ${name}, som ikke kunne behandles; se dem og send dem igen. / Messages in ${name} could not be handled; look at them and send them again.`,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  });
}

/**
 * The hook for dead-letter queues (the event bus's, for one): the operations team is told as soon
 * as a message waits in `queue`. Works whether it is called before or after the Alarms stack is made.
 */
export function alarmWhenNotEmpty(queue: IQueue, name: string): void {
  const entry = watchersOf(queue);
  if (entry.alarm) deadLetterAlarm(entry.alarm, name, queue);
  else entry.waiting.push({ name, queue });
}

/** Called by the Alarms stack once: the queues that waited get their alarm now, later ones at once. */
export function watchDeadLetters(scope: IConstruct, alarm: MakeAlarm): void {
  const entry = watchersOf(scope);
  entry.alarm = alarm;
  for (const { name, queue } of entry.waiting.splice(0)) deadLetterAlarm(alarm, name, queue);
}
