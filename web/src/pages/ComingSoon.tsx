import { A } from "@solidjs/router";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n, type MessageKey } from "../i18n/index.tsx";

/** The modules that are not built yet. Each gets a plain page that says so. */
export const comingSoon = [
  { path: "/borgerpanelet", title: "panel.title", text: "panel.text" },
  { path: "/mentorordningen", title: "mentor.title", text: "mentor.text" },
] as const satisfies readonly { path: string; title: MessageKey; text: MessageKey }[];

export type ComingSoonModule = (typeof comingSoon)[number];

export function ComingSoon(props: { module: ComingSoonModule }) {
  const { t } = useI18n();
  usePageTitle(() => t(props.module.title));
  return (
    <>
      <PageHeading title={t(props.module.title)} lead={t(props.module.text)} />
      <Notice title={t("soon.tag")}>
        <p>{t("soon.lead")}</p>
        <p>{t("soon.later")}</p>
      </Notice>
      <p>
        <A href="/" class="big-link">
          {t("soon.home")}
        </A>
      </p>
    </>
  );
}
