import type { Comment, Member, Proposal } from "@naerhed/core/council/council";
import type { Meeting } from "@naerhed/core/council/meeting";
import type { PublicVote } from "@naerhed/core/council/vote";
import type { Language } from "../i18n/index.tsx";
import type { SessionPerson } from "../identity/session.tsx";

/** What the council's public routes answer (packages/functions/src/council/routes.ts). */
export type PublicMember = Pick<Member, "person_id" | "display_name" | "role" | "kind" | "term_from" | "term_to">;
export type OpenBallot = { display_name: string; choice: "for" | "against" | "abstain" };
export type ShownProposal = Proposal & { vote: PublicVote | null; open_ballots: OpenBallot[] };
export type Overview = {
  centre_id: string;
  viewer: { can_manage: boolean; in_council: boolean; member: boolean } | null;
  members: PublicMember[];
  past_members: PublicMember[];
  proposals: ShownProposal[];
  upcoming_meetings: Meeting[];
  past_meetings: Meeting[];
};
export type ProposalDetail = { proposal: Proposal; comments: Comment[]; vote: PublicVote | null; open_ballots: OpenBallot[] };
export type Membership = { centre_id: string; role: string; notify: "immediate" | "digest" | "none"; email?: string };
export type WaitingVote = { centre_id: string; vote: PublicVote; ballot: { choice: OpenBallot["choice"]; receipt: string } | null };

/** A moment as people say it in Copenhagen: "torsdag 26. november kl. 16.00" / "Thursday 26 November 16:00". */
export function formatMoment(iso: string, lang: Language): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/Copenhagen" }).format(date);
  const time = new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen" }).format(date);
  return lang === "da" ? `${day.replace(/^(\S+) den /, "$1 ")} kl. ${time}` : `${day} ${time}`;
}

/** The time of day only: "16.00" / "16:00". */
export function formatClock(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen" }).format(new Date(iso));
}

/** The UTC moment of a date and time on a Copenhagen wall clock (the vote form asks for those). */
export function copenhagenToIso(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const wall = new Date(guess.toLocaleString("en-US", { timeZone: "Europe/Copenhagen" }));
  const utc = new Date(guess.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(guess.getTime() - (wall.getTime() - utc.getTime())).toISOString();
}

/** Today's date in Copenhagen, as council terms and meeting days are written (YYYY-MM-DD). */
export const copenhagenToday = (now: Date = new Date()) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(now);

/** Staff of the centre (and admins) manage the member list; the API checks again. */
export const isCentreStaff = (person: SessionPerson | null | undefined, centre: string) =>
  !!person?.grants.some((grant) => grant.role === "admin" || (grant.role === "staff" && grant.centre_id === centre));
