import type { Meeting } from "./meeting.ts";
import type { Vote } from "./vote.ts";

/**
 * The texts of council mail to members who gave an address and chose "immediate" (those who
 * chose the weekly digest get digestText once a week instead). Danish first, English after,
 * because the council does not know each member's language. mailing.ts sends them, as a job
 * stored with the change to the vote: a failed mail never undoes the vote, and is tried again.
 */

const copenhagen = (iso: string) =>
  new Date(iso).toLocaleString("da-DK", { timeZone: "Europe/Copenhagen", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

const clock = (iso: string) => new Date(iso).toLocaleTimeString("da-DK", { timeZone: "Europe/Copenhagen", hour: "2-digit", minute: "2-digit" });

const outcomeText = { adopted: ["vedtaget", "adopted"], rejected: ["ikke vedtaget", "rejected"], no_quorum: ["ikke afgjort, for få stemte", "not decided, too few voted"] };

export type CouncilMail = "vote_opened" | "vote_closing" | "vote_result";

function compose(kind: CouncilMail, vote: Vote, link: string) {
  const when = copenhagen(vote.closes_at);
  const title = vote.proposal_title;
  if (kind === "vote_opened")
    return {
      subject: `Ny afstemning i borgerrådet: ${title}`,
      text: `Du kan stemme om: ${title}.\nDu kan stemme indtil ${when}.\nStem her: ${link}\n\nA new council vote is open: ${title}. You can vote until ${when}: ${link}`,
    };
  if (kind === "vote_closing")
    return {
      subject: `Husk at stemme: ${title}`,
      text: `Afstemningen om "${title}" slutter ${when}.\nDu har ikke stemt endnu. Stem her: ${link}\n\nThe vote on "${title}" closes ${when}. You have not voted yet: ${link}`,
    };
  const [da, en] = outcomeText[vote.result?.outcome ?? "no_quorum"];
  return {
    subject: `Resultat: ${title}`,
    text: `Afstemningen om "${title}" er slut. Forslaget er ${da}.\nSe resultatet her: ${link}\n\nThe vote on "${title}" has closed. The proposal is ${en}: ${link}`,
  };
}

/** A vote's mail of this kind, with the link members need (their votes page, or the decided proposal). */
export function voteMail(siteUrl: string, kind: CouncilMail, vote: Vote) {
  const path = kind === "vote_result" ? `/borgerraadet/${vote.centre_id}/forslag/${vote.proposal_id}` : "/borgerraadet/mine-afstemninger";
  return compose(kind, vote, `${siteUrl}${path}`);
}

/** The weekly digest: open votes with their closing time, and results of the past week. */
export function digestText(siteUrl: string, centre: string, open: readonly Vote[], decided: readonly Vote[]) {
  const lines = [
    "Det sker i borgerrådet / This week in the council",
    "",
    ...(open.length ? ["Du kan stemme om / You can vote on:", ...open.map((vote) => `- ${vote.proposal_title} (${copenhagen(vote.closes_at)})`), ""] : []),
    ...(decided.length
      ? ["Resultater / Results:", ...decided.map((vote) => `- ${vote.proposal_title}: ${outcomeText[vote.result?.outcome ?? "no_quorum"].join(" / ")}`), ""]
      : []),
    `${siteUrl}/borgerraadet/${centre}`,
  ];
  return { subject: "Ugens nyt fra borgerrådet / The council this week", text: lines.join("\n") };
}

export type MeetingMail = "meeting_changed" | "meeting_cancelled";

/**
 * A planned meeting was changed or called off: the what, when and where in the mail itself, so
 * nobody has to open the site to know whether to come. `before` is the meeting as it was.
 */
export function meetingMail(siteUrl: string, kind: MeetingMail, meeting: Meeting, before: Meeting) {
  const link = `${siteUrl}/borgerraadet/${meeting.centre_id}#moede-${meeting.id}`;
  const when = copenhagen(meeting.starts_at);
  if (kind === "meeting_cancelled") {
    const reason = meeting.cancelled?.reason;
    return {
      subject: `Mødet i borgerrådet er aflyst: ${when}`,
      text: [
        `Borgerrådets møde ${when} er aflyst.`,
        ...(reason ? [`Hvorfor: ${reason}`] : []),
        `Se borgerrådets side: ${link}`,
        "",
        `The council meeting on ${when} is cancelled.${reason ? ` Why: ${reason}` : ""} See the council page: ${link}`,
      ].join("\n"),
    };
  }
  const moved = before.starts_at !== meeting.starts_at ? [`Før var det: ${copenhagen(before.starts_at)}`] : [];
  return {
    subject: `Mødet i borgerrådet er ændret: ${when}`,
    text: [
      "Borgerrådets møde er ændret. Sådan er det nu:",
      `Hvornår: ${when} til ${clock(meeting.ends_at)}`,
      ...moved,
      `Hvor: ${meeting.place}`,
      `Adgang: ${meeting.accessibility}`,
      ...(meeting.agenda.length ? ["Dagsorden:", ...meeting.agenda.map((item, i) => `${i + 1}. ${item.title}`)] : []),
      `Se mødet her: ${link}`,
      "",
      `The council meeting has changed. When: ${when}. Where: ${meeting.place}. See the meeting: ${link}`,
    ].join("\n"),
  };
}
