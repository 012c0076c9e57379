import { GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as v from "valibot";
import type { Centre } from "../organisation/centre.ts";
import type { SiteOrganisation } from "../organisation/site-organisation.ts";
import { call, queryAll } from "./dynamo.ts";
import { InvalidInputError, NotFoundError, type FieldProblem } from "./errors.ts";
import type { Language } from "./language.ts";
import { CentreId } from "./centre-id.ts";
import { parseInput } from "./validation.ts";

/**
 * The centres and the site organisation as every module reads them: data an administrator
 * manages (organisation module), not a list in the code. A module's function keeps what it read
 * for a short while (`maxAgeSeconds`), so a new or renamed centre reaches every module without a
 * deploy; an id it has not seen makes it read again at once, so a centre made a moment ago is
 * usable straight away (a made-up id costs one Query, as any request does; reads at the same
 * moment share one). A closed centre is known for a little while
 * longer in the other modules (up to `maxAgeSeconds`); the organisation module forgets at once.
 * Rights: `organisationReadGrant` (shared/manifest.ts), the two partitions below and nothing else.
 */

/** Partition of every centre (sort key `CENTRE#<id>`) and of the site organisation (sort key `ORGANISATION`). */
export const CENTRES_PARTITION = "CENTRES";
export const SITE_PARTITION = "SITE";
export const centreKey = (id: string) => ({ pk: CENTRES_PARTITION, sk: `CENTRE#${id}` });
export const siteKey = { pk: SITE_PARTITION, sk: "ORGANISATION" } as const;

// The id's schema lives on its own, so schemas that name a centre (identity, organisation) need not import this reader.
export { CentreId } from "./centre-id.ts";

/** How long a module keeps the centres it read. */
export const CENTRES_MAX_AGE_SECONDS = 60;

export type CentreDirectory = ReturnType<typeof createCentreDirectory>;

export function createCentreDirectory(db: DynamoDBDocumentClient, tableName: string, now: () => Date, maxAgeSeconds = CENTRES_MAX_AGE_SECONDS) {
  type Snapshot = { centres: Centre[]; site: SiteOrganisation | undefined; readAt: number };
  let current: Snapshot | undefined;
  let reading: Promise<Snapshot> | undefined;

  function read(): Promise<Snapshot> {
    reading ??= (async () => {
      try {
        const readAt = now().getTime();
        const [items, site] = await Promise.all([
          queryAll(db, { TableName: tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": CENTRES_PARTITION } }),
          call(() => db.send(new GetCommand({ TableName: tableName, Key: siteKey }))),
        ]);
        const centres = items.map(toCentre).sort((a, b) => a.name.da.localeCompare(b.name.da, "da"));
        current = { centres, site: site.Item ? toSite(site.Item) : undefined, readAt };
        return current;
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  }

  async function snapshot(): Promise<Snapshot> {
    if (current && now().getTime() - current.readAt < maxAgeSeconds * 1000) return current;
    return read();
  }

  return {
    /** Every centre, closed ones too (their history stays readable), in Danish name order. */
    all: async (): Promise<Centre[]> => (await snapshot()).centres,
    /** The centres people may choose: open ones. */
    open: async (): Promise<Centre[]> => (await snapshot()).centres.filter((centre) => centre.status === "open"),
    /** One centre; an id not seen yet is looked up again, in case it was made a moment ago. */
    async find(id: string): Promise<Centre | undefined> {
      let found = (await snapshot()).centres.find((centre) => centre.id === id);
      if (!found) {
        found = (await read()).centres.find((centre) => centre.id === id);
      }
      return found;
    },
    /** The site organisation, once the first administrator has set it up. */
    site: async (): Promise<SiteOrganisation | undefined> => (await snapshot()).site,
    /** After a change in this function: the next read goes to the table. */
    forget: () => {
      current = undefined;
    },
  };
}

function toCentre(item: Record<string, unknown>): Centre {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...centre } = item;
  return centre as Centre;
}

function toSite(item: Record<string, unknown>): SiteOrganisation {
  const { pk: _pk, sk: _sk, ...site } = item;
  return site as SiteOrganisation;
}

async function centreProblem(directory: CentreDirectory, id: string, open: boolean): Promise<FieldProblem["message"] | undefined> {
  const centre = await directory.find(id);
  if (!centre) return "centre_unknown";
  if (open && centre.status !== "open") return "centre_closed";
  return undefined;
}

/**
 * A centre someone chose in a form: it must be stored (`centre_unknown`) and, for anything new,
 * open (`centre_closed`); the problem is reported at `field`.
 */
export async function requireCentre(directory: CentreDirectory, id: string, field: string, { open = true } = {}): Promise<Centre> {
  const problem = await centreProblem(directory, id, open);
  if (problem) throw new InvalidInputError([{ field, message: problem }]);
  return (await directory.find(id))!;
}

/**
 * Input with a top-level centre field (`centre_id`, a search's `centre`): the schema's problems
 * and the stored-centre check in one answer, so a person sees every wrong field at once.
 */
export async function parseWithCentre<const Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  directory: CentreDirectory,
  { field, open = true }: { field: string; open?: boolean },
): Promise<v.InferOutput<Schema>> {
  const value = (input as Record<string, unknown> | null | undefined)?.[field];
  // A value that is no centre id at all is the schema's to report.
  const problem = typeof value === "string" && v.is(CentreId, value) ? await centreProblem(directory, value, open) : undefined;
  const extra: FieldProblem[] = problem ? [{ field, message: problem }] : [];
  try {
    const parsed = parseInput(schema, input);
    if (extra.length > 0) throw new InvalidInputError(extra);
    return parsed;
  } catch (error) {
    if (error instanceof InvalidInputError && extra.length > 0 && !error.problems.some((p) => p.field === field)) {
      throw new InvalidInputError([...error.problems, ...extra]);
    }
    throw error;
  }
}

/** A centre named in an address: 404 when there is none. */
export async function centreInPath(directory: CentreDirectory, id: string): Promise<Centre> {
  const centre = await directory.find(id);
  if (!centre) throw new NotFoundError("centre_not_found");
  return centre;
}

/** A centre's name in the reader's language (English falls back to Danish); an unknown id as it is. */
export function centreNameIn(centres: readonly Pick<Centre, "id" | "name">[], id: string, language: Language): string {
  const centre = centres.find((candidate) => candidate.id === id);
  return centre ? (centre.name[language] ?? centre.name.da) : id;
}
