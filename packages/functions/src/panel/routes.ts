import { Hono } from "hono";
import * as v from "valibot";
import { access } from "@naerhed/core/shared/access";
import { CentreId, requireCentre, type CentreDirectory } from "@naerhed/core/shared/centres";
import { panelTable } from "@naerhed/core/shared/tables";
import { panelManifest } from "@naerhed/core/panel/manifest";
import { parseInput } from "@naerhed/core/shared/validation";
import { AnswerInput, ConsultationId, ConsultationInput, ExportFormat, JoinInput, SummaryInput, Target } from "@naerhed/core/panel/consultation";
import {
  countTarget,
  createConsultation,
  exportAnswers,
  getForCentre,
  getForMember,
  listForCentre,
  myConsultations,
  publishConsultation,
  publishedResult,
  publishedResults,
  publishResults,
  sendReminders,
  staffResults,
  submitAnswers,
  updateConsultation,
} from "@naerhed/core/panel/consultations";
import { erasePanelData, exportPanelData, getMembership, joinPanel, leavePanel } from "@naerhed/core/panel/membership";
import type { PanelServices } from "@naerhed/core/panel/services";
import { createPanelStore } from "@naerhed/core/panel/store";
import { actorOf, guard } from "../shared/auth.ts";
import { readJson, type AppEnv } from "../shared/http.ts";
import type { ApiModule } from "../shared/module.ts";
import type { Services } from "../shared/services.ts";

export const IdPath = v.object({ id: ConsultationId });
const CentrePath = v.object({ centre: CentreId });
const CentreIdPath = v.object({ centre: CentreId, id: ConsultationId });

/** A consultation as staff wrote it; a group asked by area names open centres only. */
async function consultationInput(centres: CentreDirectory, body: unknown) {
  const input = parseInput(ConsultationInput, body);
  if (input.target.kind === "segment") for (const area of input.target.areas) await requireCentre(centres, area, "target.areas");
  return input;
}

/** Staff of the centre that owns the consultation (or admins) build, publish, read results and export. */
const centreStaff = access.roleForCentre("centre", "staff");

function panelServices({ db, config, audit, now, identity }: Services): PanelServices {
  return { store: createPanelStore(db, config.tableNames[panelTable.id]!), audit, mailer: identity.mailer, now, siteUrl: config.siteUrl };
}

export const panelModule: ApiModule = {
  manifest: panelManifest,
  personalData: {
    export: (services, personId) => exportPanelData(panelServices(services), personId),
    erase: (services, personId) => erasePanelData(panelServices(services), personId),
  },
  jobs: { "panel-reminders": async (services) => void (await sendReminders(panelServices(services))) },
  // A published consultation keeps its centre open until it has closed.
  openAtCentre: async (services, centre) => {
    const now = services.now().toISOString();
    return (await panelServices(services).store.listConsultations())
      .filter((consultation) => consultation.centre_id === centre && consultation.status === "published" && consultation.closes_at > now)
      .map((consultation) => ({ kind: "consultation", id: consultation.id, title: consultation.title }));
  },
  routes: panelRoutes,
};

/** The panel module's routes; their type is what the site's API client reads (web/src/lib/api.ts). */
export function panelRoutes(services: Services) {
  const panel = panelServices(services);
  return (
    new Hono<AppEnv>()
      // Public: published results only (summary, counts, breakdowns with small groups hidden).
      .get("/panel/results", guard(access.public), async (c) => c.json({ items: await publishedResults(panel) }))
      .get("/panel/results/:id", guard(access.public), async (c) => c.json(await publishedResult(panel, parseInput(IdPath, c.req.param()).id)))
      // The signed-in person's own membership; every use case acts on the caller only.
      .get("/panel/membership", guard(access.signedIn), async (c) => c.json({ member: await getMembership(panel, actorOf(c)) }))
      .put("/panel/membership", guard(access.signedIn), async (c) => {
        const input = parseInput(JoinInput, await readJson(c));
        if (input.profile.area !== undefined) await requireCentre(services.centres, input.profile.area, "profile.area");
        return c.json({ member: await joinPanel(panel, actorOf(c), input) });
      })
      .delete("/panel/membership", guard(access.signedIn), async (c) => {
        await leavePanel(panel, actorOf(c).person_id);
        return c.json({ member: null });
      })
      // Members: only consultations they are invited to (the use case checks; others are "not found").
      .get("/panel/consultations", guard(access.owner), async (c) => c.json({ items: await myConsultations(panel, actorOf(c)) }))
      .get("/panel/consultations/:id", guard(access.owner), async (c) =>
        c.json({ consultation: await getForMember(panel, actorOf(c), parseInput(IdPath, c.req.param()).id) }),
      )
      .post("/panel/consultations/:id/answers", guard(access.owner), async (c) => {
        const { id } = parseInput(IdPath, c.req.param());
        await submitAnswers(panel, actorOf(c), id, parseInput(AnswerInput, await readJson(c)).answers);
        return c.json({ stored: true }, 201);
      })
      // Staff of the centre.
      .get("/panel/centres/:centre/consultations", guard(centreStaff), async (c) =>
        c.json({ items: await listForCentre(panel, parseInput(CentrePath, c.req.param()).centre) }),
      )
      .post("/panel/centres/:centre/consultations", guard(centreStaff), async (c) => {
        const { centre } = parseInput(CentrePath, c.req.param());
        const input = await consultationInput(services.centres, await readJson(c));
        return c.json({ consultation: await createConsultation(panel, actorOf(c), centre, input) }, 201);
      })
      .post("/panel/centres/:centre/target-count", guard(centreStaff), async (c) => {
        parseInput(CentrePath, c.req.param());
        return c.json({ members: await countTarget(panel, parseInput(v.object({ target: Target }), await readJson(c)).target) });
      })
      .get("/panel/centres/:centre/consultations/:id", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreIdPath, c.req.param());
        return c.json({ consultation: await getForCentre(panel, centre, id) });
      })
      .put("/panel/centres/:centre/consultations/:id", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreIdPath, c.req.param());
        const input = await consultationInput(services.centres, await readJson(c));
        return c.json({ consultation: await updateConsultation(panel, actorOf(c), centre, id, input) });
      })
      .post("/panel/centres/:centre/consultations/:id/publish", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreIdPath, c.req.param());
        return c.json({ consultation: await publishConsultation(panel, actorOf(c), centre, id) });
      })
      .get("/panel/centres/:centre/consultations/:id/results", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreIdPath, c.req.param());
        return c.json(await staffResults(panel, centre, id));
      })
      .post("/panel/centres/:centre/consultations/:id/results", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreIdPath, c.req.param());
        const { summary } = parseInput(SummaryInput, await readJson(c));
        return c.json({ consultation: await publishResults(panel, actorOf(c), centre, id, summary) });
      })
      .get("/panel/centres/:centre/consultations/:id/export", guard(centreStaff), async (c) => {
        const { centre, id } = parseInput(CentreIdPath, c.req.param());
        const { format } = parseInput(ExportFormat, c.req.query());
        const result = await exportAnswers(panel, actorOf(c), centre, id, format);
        if (result.csv !== undefined) {
          return c.body(result.csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="borgerpanel-${id}.csv"` });
        }
        c.header("content-disposition", `attachment; filename="borgerpanel-${id}.json"`);
        return c.json(result.json);
      })
  );
}

export type PanelRoutes = ReturnType<typeof panelRoutes>;
