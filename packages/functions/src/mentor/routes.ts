import { Hono } from "hono";
import * as v from "valibot";
import { access } from "@naerhed/core/shared/access";
import { CentreId, requireCentre } from "@naerhed/core/shared/centres";
import { mentorTable } from "@naerhed/core/shared/tables";
import { mentorManifest } from "@naerhed/core/mentor/manifest";
import { parseInput } from "@naerhed/core/shared/validation";
import { MentorApplicationInput, MentorDetailsInput, MentorId, ScreeningInput } from "@naerhed/core/mentor/mentor";
import { applyAsMentor, centreMentors, editMentorDetails, expireCertificates, myMentorProfile, screenMentor, type MentorServices } from "@naerhed/core/mentor/mentors";
import { AnswerInput, CheckInInput, EndInput, FeedbackInput, FirstMeetingInput, GoalProgressInput, LogInput, PairId, ProposeInput, RequestInput } from "@naerhed/core/mentor/pair";
import {
  answerProposal,
  askForMentor,
  cancelRequest,
  centreOverview,
  endPair,
  getPair,
  giveFeedback,
  logMeeting,
  myPairs,
  planFirstMeeting,
  proposeMentor,
  recordCheckIn,
  suggestionsFor,
  updateGoal,
} from "@naerhed/core/mentor/pairs";
import { eraseMentorData, exportMentorData } from "@naerhed/core/mentor/personal-data";
import { createMentorStore } from "@naerhed/core/mentor/store";
import { actorOf, guard } from "../shared/auth.ts";
import { readJson, type AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";
import type { Services } from "../shared/services.ts";

const CentrePath = v.object({ centre: CentreId });
const CentreMentorPath = v.object({ centre: CentreId, id: MentorId });
const CentrePairPath = v.object({ centre: CentreId, id: PairId });
const PairPath = v.object({ id: PairId });
const GoalPath = v.object({ id: PairId, goal: v.pipe(v.string("mentor_goal_id_invalid"), v.uuid("mentor_goal_id_invalid")) });

/** Staff of the centre named in the path (or admins): screening, matching and following that centre's pairs. */
const centreStaff = access.roleForCentre("centre", "staff");

function mentorServices({ db, config, audit, now, centres, publish }: Services): MentorServices {
  return {
    store: createMentorStore(db, config.tableNames[mentorTable.id]!),
    audit,
    now,
    certificateValidDays: config.mentorCertificateValidDays,
    closureWeeks: config.mentorClosureWeeks,
    publish,
    centres,
  };
}

export const mentorModule: ApiModule = {
  manifest: mentorManifest,
  personalData: {
    export: (services, personId) => exportMentorData(mentorServices(services), personId),
    erase: (services, personId) => eraseMentorData(mentorServices(services), personId),
  },
  // Hourly: approved mentors whose certificate ran out go to recheck. Check-ins due and quiet pairs are worked out when staff look.
  jobs: { "mentor-certificates": (services) => expireCertificates(mentorServices(services)).then(() => undefined) },
  // A pair asked for, proposed or running keeps its centre open; the answer names none of the people.
  openAtCentre: async (services, centre) => {
    const { store } = mentorServices(services);
    const pairs = await Promise.all((["requested", "proposed", "active"] as const).map((state) => store.listPairs(centre, state)));
    return pairs.flat().map((pair) => ({ kind: "mentor_pair", id: pair.id }));
  },
  routes: mentorRoutes,
};

/** The mentor module's routes; their type is what the site's API client reads (web/src/lib/api.ts). */
export function mentorRoutes(services: Services) {
  const s = mentorServices(services);
  return (
    new Hono<AppEnv>()
      // Anyone signed in: apply as a mentor, ask for a mentor, see their own
      .get("/mentor/me", guard(access.signedIn), async (c) => {
        const actor = actorOf(c);
        const [mentor, pairs] = await Promise.all([myMentorProfile(s, actor), myPairs(s, actor)]);
        return c.json({ mentor, ...pairs });
      })
      .post("/mentor/applications", guard(access.signedIn), async (c) => {
        const input = parseInput(MentorApplicationInput, await readJson(c));
        await requireCentre(services.centres, input.centre_id, "centre_id");
        return c.json({ mentor: await applyAsMentor(s, actorOf(c), input) }, 201);
      })
      .post("/mentor/requests", guard(access.signedIn), async (c) => {
        const input = parseInput(RequestInput, await readJson(c));
        await requireCentre(services.centres, input.centre_id, "centre_id");
        return c.json({ pair: await askForMentor(s, actorOf(c), input, false) }, 201);
      })
      // One pair: its mentor, the person who asked, or staff of its centre (the use case checks; others get 404)
      .get("/mentor/pairs/:id", guard(access.owner), async (c) => c.json(await getPair(s, actorOf(c), parseInput(PairPath, c.req.param()).id)))
      .post("/mentor/pairs/:id/answer", guard(access.owner), async (c) => {
        const { id } = parseInput(PairPath, c.req.param());
        return c.json({ pair: await answerProposal(s, actorOf(c), id, parseInput(AnswerInput, await readJson(c)).answer) });
      })
      .post("/mentor/pairs/:id/log", guard(access.owner), async (c) => {
        const { id } = parseInput(PairPath, c.req.param());
        return c.json({ entry: await logMeeting(s, actorOf(c), id, parseInput(LogInput, await readJson(c))) }, 201);
      })
      .put("/mentor/pairs/:id/goals/:goal", guard(access.owner), async (c) => {
        const { id, goal } = parseInput(GoalPath, c.req.param());
        return c.json({ pair: await updateGoal(s, actorOf(c), id, goal, parseInput(GoalProgressInput, await readJson(c)).progress) });
      })
      .post("/mentor/pairs/:id/feedback", guard(access.owner), async (c) => {
        const { id } = parseInput(PairPath, c.req.param());
        return c.json({ pair: await giveFeedback(s, actorOf(c), id, parseInput(FeedbackInput, await readJson(c))) });
      })
      // Staff of the centre
      .get("/mentor/centres/:centre/mentors", guard(centreStaff), async (c) =>
        c.json(await centreMentors(s, parseInput(CentrePath, c.req.param()).centre)),
      )
      .post("/mentor/centres/:centre/mentors/:id/screening", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreMentorPath, c.req.param());
        return c.json({ mentor: await screenMentor(s, actorOf(c), centre, id, parseInput(ScreeningInput, await readJson(c))) });
      })
      // An approved mentor's details: only their own centre's staff (the path's centre must be the mentor's).
      .put("/mentor/centres/:centre/mentors/:id", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreMentorPath, c.req.param());
        return c.json({ mentor: await editMentorDetails(s, actorOf(c), centre, id, parseInput(MentorDetailsInput, await readJson(c))) });
      })
      .get("/mentor/centres/:centre/pairs", guard(centreStaff), async (c) =>
        c.json(await centreOverview(s, parseInput(CentrePath, c.req.param()).centre)),
      )
      .post("/mentor/centres/:centre/requests", guard(centreStaff), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        const input = parseInput(RequestInput, await readJson(c));
        return c.json({ pair: await askForMentor(s, actorOf(c), { ...input, centre_id: centre }, true) }, 201);
      })
      .get("/mentor/centres/:centre/pairs/:id/suggestions", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentrePairPath, c.req.param());
        return c.json({ items: await suggestionsFor(s, centre, id, c.get("language")) });
      })
      .post("/mentor/centres/:centre/pairs/:id/propose", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentrePairPath, c.req.param());
        return c.json({ pair: await proposeMentor(s, actorOf(c), centre, id, parseInput(ProposeInput, await readJson(c)).mentor_id) });
      })
      .post("/mentor/centres/:centre/pairs/:id/first-meeting", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentrePairPath, c.req.param());
        return c.json({ pair: await planFirstMeeting(s, actorOf(c), centre, id, parseInput(FirstMeetingInput, await readJson(c))) });
      })
      .post("/mentor/centres/:centre/pairs/:id/check-in", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentrePairPath, c.req.param());
        return c.json({ pair: await recordCheckIn(s, actorOf(c), centre, id, parseInput(CheckInInput, await readJson(c)).note) });
      })
      .post("/mentor/centres/:centre/pairs/:id/end", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentrePairPath, c.req.param());
        return c.json({ pair: await endPair(s, actorOf(c), centre, id, parseInput(EndInput, await readJson(c))) });
      })
      .post("/mentor/centres/:centre/pairs/:id/cancel", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentrePairPath, c.req.param());
        return c.json({ pair: await cancelRequest(s, actorOf(c), centre, id) });
      })
  );
}

export type MentorRoutes = ReturnType<typeof mentorRoutes>;
