import type { Offer } from "@naerhed/core/directory/offer";
import { Icon } from "../components/Icon.tsx";
import sport from "dkfds-assets/img/svg-icons/accessibility-new.svg?raw";
import creative from "dkfds-assets/img/svg-icons/palette.svg?raw";
import meetingPlace from "dkfds-assets/img/svg-icons/chat.svg?raw";
import selfHelp from "dkfds-assets/img/svg-icons/groups.svg?raw";
import volunteering from "dkfds-assets/img/svg-icons/how-to-reg.svg?raw";
import counselling from "dkfds-assets/img/svg-icons/support-agent.svg?raw";
import culture from "dkfds-assets/img/svg-icons/headset.svg?raw";
import nature from "dkfds-assets/img/svg-icons/map.svg?raw";

/** A picture per kind of offer (DKFDS's icons), so a list of results can be scanned without reading every word. */
export const categoryIcons: Record<Offer["category"], string> = {
  sport,
  creative,
  meeting_place: meetingPlace,
  self_help: selfHelp,
  volunteering,
  counselling,
  culture,
  nature,
};

export function CategoryIcon(props: { category: Offer["category"] }) {
  return <Icon svg={categoryIcons[props.category]} class="category-icon" />;
}
