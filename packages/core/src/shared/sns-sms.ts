import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { SmsSender } from "./sms.ts";

/**
 * Sends a transactional text through Amazon SNS. The sender id (up to 11 letters and digits) is
 * what the phone shows as the sender where the country allows it (Denmark does); the monthly
 * spending limit is the account's, set by the stack at deploy (stacks/Api.ts).
 */
export function createSnsSms(senderId: string, region: string): SmsSender {
  const sns = new SNSClient({ region });
  return {
    async send(sms) {
      await sns.send(
        new PublishCommand({
          PhoneNumber: sms.to,
          Message: sms.text,
          MessageAttributes: {
            "AWS.SNS.SMS.SenderID": { DataType: "String", StringValue: senderId },
            // Codes and notices are transactional: SNS routes them for delivery, not for price.
            "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
          },
        }),
      );
    },
  };
}
