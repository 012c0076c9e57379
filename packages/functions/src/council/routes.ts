import { Hono } from "hono";
import * as v from "valibot";
import { CastInput, CommentInput, DeclineInput, FollowUpInput, MemberInput, NotifyInput, OpenVoteInput, ProposalId, ProposalInput, VoteId } from "@naerhed/core/council/council";
import { sendWeeklyDigest } from "@naerhed/core/council/digest";
import { councilJobs } from "@naerhed/core/council/mailing";
import { CancelMeetingInput, MeetingId, MeetingInput, MeetingVoteInput, MinutesInput } from "@naerhed/core/council/meeting";
import { recordMeetingVote } from "@naerhed/core/council/meeting-votes";
import { cancelMeeting, editMeeting, meetingsCalendar, planMeeting, readMeeting, writeMinutes } from "@naerhed/core/council/meetings";
import { myMemberships, putMember, setNotify } from "@naerhed/core/council/members";
import { councilOverview } from "@naerhed/core/council/overview";
import { exportCouncilData, eraseCouncilData } from "@naerhed/core/council/personal-data";
import {
  acceptProposal,
  addFollowUp,
  commentOn,
  createProposal,
  declineProposal,
  inbox,
  proposalPage,
  submitProposal,
  withdrawProposal,
} from "@naerhed/core/council/proposals";
import type { CouncilServices } from "@naerhed/core/council/services";
import { createCouncilStore } from "@naerhed/core/council/store";
import { Receipt } from "@naerhed/core/council/vote";
import { castBallot, checkReceipt, closeVoteNow, myBallot, openVote, runVoteJob, votesFor, waitingVoteCount } from "@naerhed/core/council/voting";
import { access } from "@naerhed/core/shared/access";
import { councilManifest } from "@naerhed/core/council/manifest";
import { CentreId } from "@naerhed/core/shared/centres";
import { councilTable } from "@naerhed/core/shared/tables";
import { parseInput } from "@naerhed/core/shared/validation";
import { actorOf, guard } from "../shared/auth.ts";
import { readJson, type AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";
import type { Services } from "../shared/services.ts";

export const CentrePath = v.object({ centre: CentreId });
export const ProposalPath = v.object({ centre: CentreId, id: ProposalId });
const VotePath = v.object({ centre: CentreId, id: VoteId });
export const MeetingPath = v.object({ centre: CentreId, id: MeetingId });
export const ReceiptPath = v.object({ centre: CentreId, id: VoteId, receipt: Receipt });

/**
 * Who may do what in the council:
 * - anyone reads the council page, proposals once on the agenda, results, and checks a receipt;
 * - any signed-in person proposes (a citizen's proposal goes to the inbox), and withdraws their own;
 * - members vote (the use case checks they were eligible when the vote opened);
 * - members and managers read the inbox and comment;
 * - managers — staff of the centre, admins, and the chair or deputy chair (checked in the use
 *   case, since chairing is council data, not an identity role) — put proposals on the agenda,
 *   open and close votes, write follow-up, change or cancel a planned meeting;
 * - the secretary writes minutes too, and the chair, deputy chair or secretary (not staff as
 *   such) write down a vote taken at a meeting (checked in the use cases);
 * - staff of the centre manage the member list.
 */
const inCouncil = access.roleForCentre("centre", "council_member", "staff");
const centreStaff = access.roleForCentre("centre", "staff");

export function councilServices(services: Services): CouncilServices {
  const tableName = services.config.tableNames[councilTable.id]!;
  const council = { store: createCouncilStore(services.db, tableName), audit: services.audit, mailer: services.identity.mailer, publish: services.publish, now: services.now, siteUrl: services.config.siteUrl, centres: services.centres };
  return { ...council, jobs: councilJobs(council, services.db, tableName, (part) => services.publish("council.job-part", part)) };
}

export const councilModule: ApiModule = {
  manifest: councilManifest,
  personalData: {
    export: (services, personId) => exportCouncilData(councilServices(services), personId),
    erase: (services, personId) => eraseCouncilData(councilServices(services), personId),
  },
  jobs: {
    "close-votes": (services) => runVoteJob(councilServices(services)),
    // Hourly, and the first run in a week sends that week's digest (digest.ts): a missed hour is caught up.
    "weekly-digest": (services) => sendWeeklyDigest(councilServices(services)),
    "resume-jobs": async (services) => void (await councilServices(services).jobs.resume()),
  },
  // An open vote keeps a centre open until it closes.
  openAtCentre: async (services, centre) =>
    (await councilServices(services).store.centre(centre)).votes
      .filter((vote) => vote.state === "open")
      .map((vote) => ({ kind: "vote", id: vote.id, title: vote.proposal_title })),
  // Mail to members goes out in parts, each a `council.job-part` event the council sends itself.
  on: { "council.job-part": (services, part) => councilServices(services).jobs.runPart(part) },
  routes: councilRoutes,
};

/** The council's routes; their type is what the site's API client reads (web/src/lib/api.ts). */
export function councilRoutes(services: Services) {
  const council = councilServices(services);
  return (
    new Hono<AppEnv>()
      .get("/council/centres/:centre", guard(access.public), async (c) =>
        c.json(await councilOverview(council, parseInput(CentrePath, c.req.param()).centre, c.get("actor"))),
      )
      .get("/council/centres/:centre/proposals/:id", guard(access.public), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        return c.json(await proposalPage(council, c.get("actor"), centre, id));
      })
      .get("/council/centres/:centre/votes/:id/receipts/:receipt", guard(access.public), async (c) => {
        const { centre, id, receipt } = parseInput(ReceiptPath, c.req.param());
        return c.json(await checkReceipt(council, centre, id, receipt));
      })
      // Meetings: public, with an iCalendar feed of the upcoming ones.
      .get("/council/centres/:centre/meetings.ics", guard(access.public), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        c.header("content-type", "text/calendar; charset=utf-8");
        c.header("content-disposition", `inline; filename="borgerraad-${centre}.ics"`);
        return c.body(await meetingsCalendar(council, centre));
      })
      .get("/council/centres/:centre/meetings/:id", guard(access.public), async (c) => {
        const { centre, id } = parseInput(MeetingPath, c.req.param());
        return c.json({ meeting: await readMeeting(council, c.get("actor"), centre, id) });
      })
      .post("/council/centres/:centre/meetings", guard(inCouncil), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        return c.json({ meeting: await planMeeting(council, actorOf(c), centre, parseInput(MeetingInput, await readJson(c))) }, 201);
      })
      .put("/council/centres/:centre/meetings/:id/minutes", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(MeetingPath, c.req.param());
        return c.json({ meeting: await writeMinutes(council, actorOf(c), centre, id, parseInput(MinutesInput, await readJson(c))) });
      })
      .put("/council/centres/:centre/meetings/:id", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(MeetingPath, c.req.param());
        return c.json({ meeting: await editMeeting(council, actorOf(c), centre, id, parseInput(MeetingInput, await readJson(c))) });
      })
      .post("/council/centres/:centre/meetings/:id/cancel", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(MeetingPath, c.req.param());
        return c.json({ meeting: await cancelMeeting(council, actorOf(c), centre, id, parseInput(CancelMeetingInput, await readJson(c))) });
      })
      // Proposals from anyone signed in.
      .post("/council/centres/:centre/proposals", guard(access.signedIn), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        return c.json({ proposal: await createProposal(council, actorOf(c), centre, parseInput(ProposalInput, await readJson(c))) }, 201);
      })
      .post("/council/centres/:centre/proposals/:id/submit", guard(access.signedIn), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        return c.json({ proposal: await submitProposal(council, actorOf(c), centre, id) });
      })
      .post("/council/centres/:centre/proposals/:id/withdraw", guard(access.signedIn), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        return c.json({ proposal: await withdrawProposal(council, actorOf(c), centre, id) });
      })
      // Voting members.
      .get("/council/my-votes", guard(access.signedIn), async (c) =>
        c.json({ items: await votesFor(council, actorOf(c)), memberships: await myMemberships(council, actorOf(c)) }),
      )
      // "Du har 1 afstemning" on the front page and My page: a count, so the pages need not load every vote.
      .get("/council/my-votes/count", guard(access.signedIn), async (c) => c.json({ waiting: await waitingVoteCount(council, actorOf(c)) }))
      .put("/council/centres/:centre/my-notifications", guard(access.signedIn), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        const member = await setNotify(council, actorOf(c), centre, parseInput(NotifyInput, await readJson(c)));
        return c.json({ notify: member.notify, email: member.email });
      })
      .get("/council/centres/:centre/votes/:id/ballot", guard(access.signedIn), async (c) => {
        const { centre, id } = parseInput(VotePath, c.req.param());
        return c.json(await myBallot(council, actorOf(c), centre, id));
      })
      .put("/council/centres/:centre/votes/:id/ballot", guard(access.signedIn), async (c) => {
        const { centre, id } = parseInput(VotePath, c.req.param());
        return c.json({ ballot: await castBallot(council, actorOf(c), centre, id, parseInput(CastInput, await readJson(c))) });
      })
      // Members and managers.
      .get("/council/centres/:centre/inbox", guard(inCouncil), async (c) =>
        c.json(await inbox(council, actorOf(c), parseInput(CentrePath, c.req.param()).centre)),
      )
      .post("/council/centres/:centre/proposals/:id/comments", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        const { text } = parseInput(CommentInput, await readJson(c));
        return c.json({ comment: await commentOn(council, actorOf(c), centre, id, text) }, 201);
      })
      // Managers: staff, admins, the chair.
      .post("/council/centres/:centre/proposals/:id/accept", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        return c.json({ proposal: await acceptProposal(council, actorOf(c), centre, id) });
      })
      .post("/council/centres/:centre/proposals/:id/decline", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        const { reason } = parseInput(DeclineInput, await readJson(c));
        return c.json({ proposal: await declineProposal(council, actorOf(c), centre, id, reason) });
      })
      .post("/council/centres/:centre/proposals/:id/vote", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        return c.json({ vote: await openVote(council, actorOf(c), centre, id, parseInput(OpenVoteInput, await readJson(c))) }, 201);
      })
      .post("/council/centres/:centre/proposals/:id/meeting-vote", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        return c.json({ vote: await recordMeetingVote(council, actorOf(c), centre, id, parseInput(MeetingVoteInput, await readJson(c))) }, 201);
      })
      .post("/council/centres/:centre/proposals/:id/follow-up", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(ProposalPath, c.req.param());
        return c.json({ proposal: await addFollowUp(council, actorOf(c), centre, id, parseInput(FollowUpInput, await readJson(c))) });
      })
      .post("/council/centres/:centre/votes/:id/close", guard(inCouncil), async (c) => {
        const { centre, id } = parseInput(VotePath, c.req.param());
        return c.json({ vote: await closeVoteNow(council, actorOf(c), centre, id) });
      })
      // Staff: the member list, with mail addresses.
      .get("/council/centres/:centre/members", guard(centreStaff), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        return c.json({ items: (await council.store.centre(centre)).members });
      })
      .put("/council/centres/:centre/members", guard(centreStaff), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        return c.json({ member: await putMember(council, actorOf(c), centre, parseInput(MemberInput, await readJson(c))) });
      })
  );
}

export type CouncilRoutes = ReturnType<typeof councilRoutes>;
