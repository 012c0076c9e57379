import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditLine } from "../shared/audit.ts";
import { call, conditionFailed, queryAll, transactWrite, withoutKeys, writeAudited, type WriteItem } from "../shared/dynamo.ts";
import type { Choice, Comment, FollowUp, Member, Proposal, ProposalStatus } from "./council.ts";
import type { Meeting } from "./meeting.ts";
import type { Vote } from "./vote.ts";

/**
 * All DynamoDB access of the council module (table spec: `councilTable` in shared/tables.ts).
 *
 * Access patterns
 * 1. Everything public about one centre's council:
 *    members, proposals, votes, meetings          → Query pk=COUNCIL#<centre> (one partition, small by nature);
 *    its members only (who gets a mail)           → the same, sk begins_with MEMBER#
 * 2. One member / proposal / vote                 → GetItem pk=COUNCIL#<centre>, sk=MEMBER#<person> | PROPOSAL#<id> | VOTE#<id>
 * 3. The councils a person sits on
 *    ("Votes waiting for you")                    → Query gsi1 gsi1pk=PERSON#<person>
 * 4. Open votes of every centre, by closing time
 *    (the closing and reminder job)               → Query gsi1 gsi1pk=OPEN_VOTES, gsi1sk <= <time>
 * 5. A proposal's comments, oldest first          → Query pk=PROPOSAL#<id>, sk begins_with COMMENT#
 * 6. One member's ballot in a vote                → GetItem pk=BALLOT#<vote>, sk=VOTER#<voter key>
 * 7. Every ballot of a vote (tests, reminders)    → Query pk=BALLOT#<vote>, sk begins_with VOTER#
 * 8. Is this receipt in the count?                → GetItem pk=BALLOT#<vote>, sk=RECEIPT#<code>
 * 9. Cast or change a ballot                      → TransactWriteItems (see castBallot): the ballot,
 *    the receipt (first time only) and the vote's tally move together or not at all
 * 10. Close a vote                                → TransactWriteItems: vote closed with its result,
 *    condition still open and tally unchanged since read (seq), + proposal to decided
 * 11. A centre's meetings; one meeting            → Query pk=COUNCIL#<centre>, sk begins_with MEETING# | GetItem sk=MEETING#<id>
 * 12. Mail to members, in parts: the job items of shared/resumable-jobs.ts (pk JOB#vote:<vote>:<kind>,
 *     JOB#digest:<centre>:<week start>), stored in the transaction that opens, reminds or closes a vote;
 *     the digest's job is created once per centre and week (attribute_not_exists), which makes it weekly
 * 13. Record a vote taken at a meeting                → TransactWriteItems: the vote (closed, with its result and
 *    mode "meeting"), the proposal to decided (condition: still on the agenda, or still voting on the
 *    online vote read), that online vote cancelled as superseded (condition: open, seq 0: nobody has
 *    voted), the job that mails the result
 * 14. Edit or cancel a planned meeting                 → Put MEETING#<id>, condition updated_at unchanged since read,
 *    with the job that mails members (pk JOB#meeting:<id>:<kind>:<time in ms>)
 * 15. Votes cast with a supporter (bisidder), for the
 *     member only: the supporter's name and when,
 *     never the choice                            → Put inside pattern 9's transaction; Query pk=ASSIST#<person>,
 *                                                   sk begins_with VOTE#<vote>#; Delete on erasure (docs/supported-voting.md)
 * A change by staff or the chair takes its audit line (`AuditLine`) into the same transaction (shared/dynamo.ts `writeAudited`).
 *
 * Keys
 * - Centre partition `COUNCIL#<centre>`: members (`MEMBER#<person id>`, also in gsi1 under
 *   `PERSON#<person id>`), proposals (`PROPOSAL#<id>`), votes (`VOTE#<id>`), meetings (`MEETING#<id>`).
 * - An open vote also carries gsi1pk `OPEN_VOTES`, gsi1sk `<closes_at>#<id>`: a sparse index
 *   the closing job reads; closing removes both, so a closed vote is never found there again.
 * - The vote item holds the tally (`t_for`, `t_against`, `t_abstain`), `ballots`, the frozen
 *   `eligible` person ids and `seq` (+1 per cast or change; closing checks it).
 * - Ballots live in their own partition `BALLOT#<vote id>`, away from the public centre
 *   partition: `VOTER#<voter key>` (see vote.ts for what the key is, docs/secret-ballots.md for what it reveals) and
 *   `RECEIPT#<code>` (only says "a ballot with this receipt is counted").
 * - Comments: pk `PROPOSAL#<id>`, sk `COMMENT#<iso time>#<id>`.
 */

export const OPEN_VOTES = "OPEN_VOTES";
const centrePk = (centre: string) => `COUNCIL#${centre}`;
const memberKey = (centre: string, personId: string) => ({ pk: centrePk(centre), sk: `MEMBER#${personId}` });
const proposalKey = (centre: string, id: string) => ({ pk: centrePk(centre), sk: `PROPOSAL#${id}` });
const voteKey = (centre: string, id: string) => ({ pk: centrePk(centre), sk: `VOTE#${id}` });
const ballotKey = (voteId: string, voterKey: string) => ({ pk: `BALLOT#${voteId}`, sk: `VOTER#${voterKey}` });
const receiptKey = (voteId: string, code: string) => ({ pk: `BALLOT#${voteId}`, sk: `RECEIPT#${code}` });
const assistKey = (personId: string, voteId: string, at: string) => ({ pk: `ASSIST#${personId}`, sk: `VOTE#${voteId}#${at}` });

/** A ballot cast with a supporter beside the member: who and when, in the member's own partition, apart from the ballot. */
export type Assistance = { vote_id: string; proposal_title: string; supporter: string; at: string };

/** A stored ballot: the choice, the receipt, the last request that changed it; open ballots also say whose it is. */
export type StoredBallot = {
  choice: Choice;
  receipt: string;
  /** The last request that wrote this ballot, and every earlier one (a late retry must not undo a later change). */
  request_key: string;
  request_keys: string[];
  person_id?: string;
  display_name?: string;
  changed_at?: string;
};

function toVote(item: Record<string, unknown>): Vote {
  const { t_for, t_against, t_abstain, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return { ...rest, tally: { for: Number(t_for), against: Number(t_against), abstain: Number(t_abstain) } } as Vote;
}

/** Why a transaction was cancelled, per item in the order they were sent. */
function cancellationCodes(error: unknown): string[] | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code ?? "None");
}

export function createCouncilStore(db: DynamoDBDocumentClient, tableName: string) {
  const TableName = tableName;
  const get = async (Key: Record<string, string>) => (await call(() => db.send(new GetCommand({ TableName, Key })))).Item;
  /** The person's votes with a supporter (pattern 13): in one vote, or all of them (export, erasure). */
  async function assistanceOf(personId: string, voteId?: string): Promise<Assistance[]> {
    const items = await queryAll(db, {
      TableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :sk)",
      ExpressionAttributeValues: { ":pk": `ASSIST#${personId}`, ":sk": voteId ? `VOTE#${voteId}#` : "VOTE#" },
    });
    return items.map((item) => withoutKeys<Assistance>(item));
  }
  /** One kind of a centre's items (pattern 1, narrowed by the sort key's prefix). */
  async function ofCentre<T>(centre: string, prefix: "MEETING#" | "MEMBER#"): Promise<T[]> {
    const items = await queryAll(db, {
      TableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :p)",
      ExpressionAttributeValues: { ":pk": centrePk(centre), ":p": prefix },
    });
    return items.map((item) => withoutKeys<T>(item));
  }

  return {
    /** Pattern 1: the whole centre partition, sorted into kinds. */
    async centre(centre: string) {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": centrePk(centre) },
      });
      const of = (prefix: string) => items.filter((item) => String(item.sk).startsWith(prefix));
      return {
        members: of("MEMBER#").map((item) => withoutKeys<Member>(item)),
        proposals: of("PROPOSAL#").map((item) => withoutKeys<Proposal>(item)),
        votes: of("VOTE#").map(toVote),
        meetings: of("MEETING#").map((item) => withoutKeys<Meeting>(item)),
      };
    },

    /**
     * Stores a meeting; with `readAt` (the updated_at it was read with), only if nobody changed it
     * since (false if someone did), together with `mailing`, the job that tells members (pattern 14).
     */
    async putMeeting(meeting: Meeting, line?: AuditLine, readAt?: string, mailing?: WriteItem): Promise<boolean> {
      const Item = { pk: centrePk(meeting.centre_id), sk: `MEETING#${meeting.id}`, ...meeting };
      const condition = readAt ? { ConditionExpression: "updated_at = :read", ExpressionAttributeValues: { ":read": readAt } } : {};
      try {
        await writeAudited(db, [{ Put: { TableName, Item, ...condition } }, ...(mailing ? [mailing] : [])], line);
        return true;
      } catch (error) {
        if (readAt && conditionFailed(error)) return false;
        throw error;
      }
    },

    async getMeeting(centre: string, id: string): Promise<Meeting | undefined> {
      const item = await get({ pk: centrePk(centre), sk: `MEETING#${id}` });
      return item && withoutKeys<Meeting>(item);
    },

    meetings: (centre: string) => ofCentre<Meeting>(centre, "MEETING#"),

    /** Staff's changes come with their audit line; a member's own mail choice has none. */
    async putMember(member: Member, line?: AuditLine) {
      const Item = { ...memberKey(member.centre_id, member.person_id), gsi1pk: `PERSON#${member.person_id}`, gsi1sk: centrePk(member.centre_id), ...member };
      await writeAudited(db, [{ Put: { TableName, Item } }], line);
    },

    async getMember(centre: string, personId: string): Promise<Member | undefined> {
      const item = await get(memberKey(centre, personId));
      return item && withoutKeys<Member>(item);
    },

    /** Pattern 1, members only. */
    members: (centre: string) => ofCentre<Member>(centre, "MEMBER#"),

    /** Pattern 3. */
    async membershipsOf(personId: string): Promise<Member[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk",
        ExpressionAttributeValues: { ":pk": `PERSON#${personId}` },
      });
      return items.map((item) => withoutKeys<Member>(item));
    },

    async putProposal(proposal: Proposal) {
      await call(() => db.send(new PutCommand({ TableName, Item: { ...proposalKey(proposal.centre_id, proposal.id), ...proposal } })));
    },

    async getProposal(centre: string, id: string): Promise<Proposal | undefined> {
      const item = await get(proposalKey(centre, id));
      return item && withoutKeys<Proposal>(item);
    },

    /** Moves a proposal on only from the status it was read in; false when someone else moved it first. */
    async moveProposal(proposal: Proposal, from: ProposalStatus, changes: Partial<Proposal>, line?: AuditLine): Promise<boolean> {
      const next = { ...proposal, ...changes };
      try {
        const put = {
          TableName,
          Item: { ...proposalKey(proposal.centre_id, proposal.id), ...next },
          ConditionExpression: "#status = :from",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":from": from },
        };
        await writeAudited(db, [{ Put: put }], line);
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },

    async addFollowUp(centre: string, id: string, entry: FollowUp, line?: AuditLine): Promise<boolean> {
      try {
        const update = {
          TableName,
          Key: proposalKey(centre, id),
          UpdateExpression: "SET follow_up = list_append(follow_up, :entry), #status = :follow, updated_at = :at",
          ConditionExpression: "outcome = :adopted",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":entry": [entry], ":follow": "follow_up", ":at": entry.at, ":adopted": "adopted" },
        };
        await writeAudited(db, [{ Update: update }], line);
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },

    async addComment(proposalId: string, comment: Comment) {
      await call(() =>
        db.send(new PutCommand({ TableName, Item: { pk: `PROPOSAL#${proposalId}`, sk: `COMMENT#${comment.at}#${comment.id}`, ...comment } })),
      );
    },

    async comments(proposalId: string): Promise<Comment[]> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :c)",
        ExpressionAttributeValues: { ":pk": `PROPOSAL#${proposalId}`, ":c": "COMMENT#" },
      });
      return items.map((item) => withoutKeys<Comment>(item));
    },

    /**
     * Opens a vote and moves its proposal to voting, together with the job that mails members
     * (none for demo data); false when the proposal was no longer on the agenda.
     */
    async openVote(vote: Vote & { salt: string }, proposal: Proposal, line?: AuditLine, mailing?: WriteItem): Promise<boolean> {
      const { tally, ...rest } = vote;
      try {
        await writeAudited(
          db,
          [
            {
              Put: {
                TableName,
                Item: {
                  ...voteKey(vote.centre_id, vote.id),
                  gsi1pk: OPEN_VOTES,
                  gsi1sk: `${vote.closes_at}#${vote.id}`,
                  ...rest,
                  t_for: tally.for,
                  t_against: tally.against,
                  t_abstain: tally.abstain,
                },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
            {
              Update: {
                TableName,
                Key: proposalKey(proposal.centre_id, proposal.id),
                UpdateExpression: "SET #status = :voting, vote_id = :vote, updated_at = :at",
                ConditionExpression: "#status = :agenda",
                ExpressionAttributeNames: { "#status": "status" },
                ExpressionAttributeValues: { ":voting": "voting", ":vote": vote.id, ":at": vote.opened_at, ":agenda": "on_agenda" },
              },
            },
            ...(mailing ? [mailing] : []),
          ],
          line,
        );
        return true;
      } catch (error) {
        if (cancellationCodes(error)) return false;
        throw error;
      }
    },

    /** The vote with its secret salt, for the use cases only; never sent to a client. */
    async getVote(centre: string, id: string): Promise<(Vote & { salt: string }) | undefined> {
      const item = await get(voteKey(centre, id));
      return item && (toVote(item) as Vote & { salt: string });
    },

    /** Pattern 4: open votes whose closing time is at or before `until`. */
    async openVotesUntil(until: string): Promise<Vote[]> {
      const items = await queryAll(db, {
        TableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk AND gsi1sk <= :until",
        ExpressionAttributeValues: { ":pk": OPEN_VOTES, ":until": `${until}#~` },
      });
      return items.map(toVote);
    },

    async getBallot(voteId: string, voterKey: string): Promise<StoredBallot | undefined> {
      const item = await get(ballotKey(voteId, voterKey));
      return item && withoutKeys<StoredBallot>(item);
    },

    async ballots(voteId: string): Promise<(StoredBallot & { voter_key: string })[]> {
      const items = await queryAll(db, {
        TableName,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :v)",
        ExpressionAttributeValues: { ":pk": `BALLOT#${voteId}`, ":v": "VOTER#" },
      });
      return items.map((item) => ({ ...withoutKeys<StoredBallot>(item), voter_key: String(item.sk).slice("VOTER#".length) }));
    },

    assistanceOf,

    async deleteAssistance(personId: string): Promise<void> {
      for (const assistance of await assistanceOf(personId)) {
        await call(() => db.send(new DeleteCommand({ TableName, Key: assistKey(personId, assistance.vote_id, assistance.at) })));
      }
    },

    async hasReceipt(voteId: string, code: string): Promise<boolean> {
      return (await get(receiptKey(voteId, code))) !== undefined;
    },

    /**
     * Pattern 9. One transaction: the ballot (new: must not exist; changed: must still hold
     * the choice it was read with), the receipt on a first ballot, and the vote's tally, on
     * condition the vote is open, not past its closing time and the person is eligible.
     * "closed": the vote refused (closed, cancelled or past its time); "raced": another request
     * for this ballot came first, or two transactions collided; read again and retry.
     */
    async castBallot(args: {
      vote: Pick<Vote, "id" | "centre_id">;
      personId: string;
      voterKey: string;
      now: string;
      previous: StoredBallot | undefined;
      next: StoredBallot;
      assistance?: Assistance;
      line?: AuditLine;
    }): Promise<"cast" | "closed" | "raced"> {
      const { vote, personId, voterKey, now, previous, next, assistance, line } = args;
      const ballot = ballotKey(vote.id, voterKey);
      const tallyChange: { UpdateExpression: string; names: Record<string, string> } = previous
        ? { UpdateExpression: "ADD #new :one, #old :minus, seq :one", names: { "#new": `t_${next.choice}`, "#old": `t_${previous.choice}` } }
        : { UpdateExpression: "ADD #new :one, ballots :one, seq :one", names: { "#new": `t_${next.choice}` } };
      const voteUpdate = {
        Update: {
          TableName,
          Key: voteKey(vote.centre_id, vote.id),
          UpdateExpression: tallyChange.UpdateExpression,
          ConditionExpression: "#state = :open AND closes_at > :now AND contains(eligible, :person)",
          ExpressionAttributeNames: { "#state": "state", ...tallyChange.names },
          ExpressionAttributeValues: { ":open": "open", ":now": now, ":person": personId, ":one": 1, ...(previous ? { ":minus": -1 } : {}) },
        },
      };
      const ballotWrite = previous
        ? {
            Put: {
              TableName,
              Item: { ...ballot, ...next },
              ConditionExpression: "choice = :old AND request_key = :oldKey",
              ExpressionAttributeValues: { ":old": previous.choice, ":oldKey": previous.request_key },
            },
          }
        : { Put: { TableName, Item: { ...ballot, ...next }, ConditionExpression: "attribute_not_exists(pk)" } };
      const receipt = previous ? [] : [{ Put: { TableName, Item: receiptKey(vote.id, next.receipt), ConditionExpression: "attribute_not_exists(pk)" } }];
      const assisted = assistance ? [{ Put: { TableName, Item: { ...assistKey(personId, vote.id, assistance.at), ...assistance } } }] : [];
      try {
        await call(() => db.send(new TransactWriteCommand({ TransactItems: [voteUpdate, ballotWrite, ...receipt, ...assisted, ...(line ? [line] : [])] })));
        return "cast";
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        return codes[0] === "ConditionalCheckFailed" ? "closed" : "raced";
      }
    },

    /**
     * Pattern 10: ends an open vote, closed with its result or cancelled (its proposal was
     * withdrawn), and moves the proposal on in the same transaction (with the job that mails the
     * result, `mailing`). False when the vote changed since it was read (a ballot came in, or
     * someone else ended it first).
     */
    async endVote(
      vote: Vote,
      ending: { state: "closed"; result: NonNullable<Vote["result"]> } | { state: "cancelled" },
      at: string,
      proposal: Partial<Proposal>,
      line?: AuditLine,
      mailing?: WriteItem,
    ) {
      const proposalSets = Object.keys(proposal).map((field) => `#p_${field} = :p_${field}`);
      try {
        await writeAudited(
          db,
          [
            {
              Update: {
                TableName,
                Key: voteKey(vote.centre_id, vote.id),
                UpdateExpression: `SET #state = :ending, closed_at = :at${ending.state === "closed" ? ", #result = :result" : ""} REMOVE gsi1pk, gsi1sk`,
                ConditionExpression: "#state = :open AND seq = :seq",
                ExpressionAttributeNames: { "#state": "state", ...(ending.state === "closed" ? { "#result": "result" } : {}) },
                ExpressionAttributeValues: {
                  ":ending": ending.state,
                  ":at": at,
                  ":open": "open",
                  ":seq": vote.seq,
                  ...(ending.state === "closed" ? { ":result": ending.result } : {}),
                },
              },
            },
            {
              Update: {
                TableName,
                Key: proposalKey(vote.centre_id, vote.proposal_id),
                UpdateExpression: `SET ${proposalSets.join(", ")}`,
                ExpressionAttributeNames: Object.fromEntries(Object.keys(proposal).map((field) => [`#p_${field}`, field])),
                ExpressionAttributeValues: Object.fromEntries(Object.entries(proposal).map(([field, value]) => [`:p_${field}`, value])),
              },
            },
            ...(mailing ? [mailing] : []),
          ],
          line,
        );
        return true;
      } catch (error) {
        if (cancellationCodes(error)) return false;
        throw error;
      }
    },

    /**
     * Pattern 13: stores a vote taken at a meeting as decided, in one transaction with its
     * proposal and, if the proposal had an online vote nobody had voted in, that vote cancelled as
     * superseded. False when the proposal or that online vote changed since they were read.
     */
    async recordMeetingVote(vote: Vote & { salt: string }, superseded: Vote | undefined, line: AuditLine, mailing: WriteItem): Promise<boolean> {
      const { tally, ...rest } = vote;
      const proposal = {
        Update: {
          TableName,
          Key: proposalKey(vote.centre_id, vote.proposal_id),
          UpdateExpression: "SET #status = :decided, outcome = :outcome, vote_id = :vote, updated_at = :at",
          ConditionExpression: superseded ? "#status = :voting AND vote_id = :old" : "#status = :agenda",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":decided": "decided",
            ":outcome": vote.result!.outcome,
            ":vote": vote.id,
            ":at": vote.closed_at,
            ...(superseded ? { ":voting": "voting", ":old": superseded.id } : { ":agenda": "on_agenda" }),
          },
        },
      };
      const online = superseded && {
        Update: {
          TableName,
          Key: voteKey(superseded.centre_id, superseded.id),
          UpdateExpression: "SET #state = :cancelled, closed_at = :at, superseded_by = :vote REMOVE gsi1pk, gsi1sk",
          ConditionExpression: "#state = :open AND seq = :none",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":cancelled": "cancelled", ":at": vote.closed_at, ":vote": vote.id, ":open": "open", ":none": 0 },
        },
      };
      const put = {
        Put: {
          TableName,
          Item: { ...voteKey(vote.centre_id, vote.id), ...rest, t_for: tally.for, t_against: tally.against, t_abstain: tally.abstain },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      };
      try {
        await writeAudited(db, [put, proposal, ...(online ? [online] : []), mailing], line);
        return true;
      } catch (error) {
        if (cancellationCodes(error)) return false;
        throw error;
      }
    },

    /** Marks that the "closes in 24 hours" reminder started, with its job (`mailing`); false when another run marked it first. */
    async markReminded(vote: Vote, mailing: WriteItem): Promise<boolean> {
      try {
        const mark = {
          TableName,
          Key: voteKey(vote.centre_id, vote.id),
          UpdateExpression: "SET reminded = :yes",
          ConditionExpression: "attribute_not_exists(reminded) AND #state = :open",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":yes": true, ":open": "open" },
        };
        await transactWrite(db, { TransactItems: [{ Update: mark }, mailing] });
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },
  };
}

export type CouncilStore = ReturnType<typeof createCouncilStore>;
