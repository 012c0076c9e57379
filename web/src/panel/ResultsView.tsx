import { For, Show } from "solid-js";
import { PageSection } from "../components/PageSection.tsx";
import { answerLabel, groupName, type Question, type Results } from "./model.ts";
import "./panel.scss";
import { useTexts } from "../lib/texts.ts";
import { panelTexts } from "./texts/index.ts";
import { countText } from "./counts.ts";

const percent = (count: number, total: number) => (total === 0 ? 0 : Math.round((100 * count) / total));

/**
 * One counted question's answers three ways: an SVG bar per answer, the same numbers in a
 * table, and in a sentence per answer. Screen readers get the table and the sentences.
 */
export function ResultChart(props: { question: Question; counts: { key: string; count: number }[]; answered: number }) {
  const { t } = useTexts(panelTexts);
  const rows = () => props.counts.map((c) => ({ ...c, label: answerLabel(props.question, c.key, t), percent: percent(c.count, props.answered) }));
  const rowHeight = 36;
  const labelWidth = 220;
  const barWidth = 300;
  return (
    <>
      <svg
        class="chart"
        viewBox={`0 0 ${labelWidth + barWidth + 60} ${rows().length * rowHeight}`}
        role="img"
        aria-label={props.question.text}
      >
        <For each={rows()}>
          {(row, i) => (
            <g transform={`translate(0 ${i() * rowHeight})`}>
              <text class="chart__label" x="0" y={rowHeight / 2 + 5}>
                {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
              </text>
              <rect class="chart__bar" x={labelWidth} y="6" height={rowHeight - 12} width={Math.max(2, (barWidth * row.percent) / 100)} />
              <text class="chart__label" x={labelWidth + Math.max(2, (barWidth * row.percent) / 100) + 8} y={rowHeight / 2 + 5}>
                {row.count}
              </text>
            </g>
          )}
        </For>
      </svg>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">{props.question.text}</caption>
          <thead>
            <tr>
              <th scope="col">{t("panel.answer")}</th>
              <th scope="col">{t("panel.number")}</th>
              <th scope="col">{t("panel.percent")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  <td>{row.count}</td>
                  <td>{row.percent} %</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <ul class="bullets">
        <For each={rows()}>{(row) => <li>{t("panel.chartText", { label: row.label, count: row.count, percent: row.percent })}</li>}</For>
      </ul>
    </>
  );
}

/** Results of a consultation: every question, then the breakdowns with small groups hidden. */
export function ResultsView(props: { questions: Question[]; results: Results; idPrefix: string }) {
  const { t, lang } = useTexts(panelTexts);
  const questionOf = (id: string) => props.questions.find((q) => q.id === id)!;
  const counted = () => props.results.questions.filter((q) => q.counts);
  return (
    <>
      <p>{t("panel.respondents", { count: countText(props.results.respondents, t) })}</p>
      <For each={props.results.questions}>
        {(result, i) => (
          <PageSection id={`${props.idPrefix}-q${i() + 1}`} title={`${i() + 1}. ${result.text}`}>
            <Show when={typeof result.answered === "number"} fallback={<p>{t("panel.questionTooFew")}</p>}>
              <Show when={result.counts}>{(counts) => <ResultChart question={questionOf(result.id)} counts={counts()} answered={Number(result.answered)} />}</Show>
            </Show>
            <Show when={result.texts}>
              {(texts) => (
                <>
                  <h3>{t("panel.texts")}</h3>
                  <p class="small">{t("panel.textsMasked")}</p>
                  <Show when={texts().length > 0} fallback={<p>{t("panel.textsNone")}</p>}>
                    <ul class="bullets">
                      <For each={texts()}>{(text) => <li>{text}</li>}</For>
                    </ul>
                  </Show>
                </>
              )}
            </Show>
          </PageSection>
        )}
      </For>
      <PageSection id={`${props.idPrefix}-groups`} title={t("panel.breakdownTitle")}>
        <p>{t("panel.tooFewWhy")}</p>
        <For each={props.results.breakdowns}>
          {(breakdown) => (
            <>
              <h3>{t(`panel.dim.${breakdown.dimension}`)}</h3>
              <For each={counted()}>
                {(result) => (
                  <div class="table-wrap">
                    <table class="table">
                      <caption>{`${t(`panel.dim.${breakdown.dimension}`)}: ${result.text}`}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("panel.group")}</th>
                          <For each={result.counts}>{(c) => <th scope="col">{answerLabel(questionOf(result.id), c.key, t)}</th>}</For>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={breakdown.groups}>
                          {(group) => (
                            <tr>
                              <th scope="row">{groupName(breakdown.dimension, group.value, t, lang())}</th>
                              <Show when={!group.hidden} fallback={<td colSpan={result.counts!.length}>{t("panel.tooFew")}</td>}>
                                <Show when={group.questions?.[result.id]} fallback={<td colSpan={result.counts!.length}>{t("panel.tooFew")}</td>}>
                                  {(counts) => <For each={counts()}>{(c) => <td>{c.count}</td>}</For>}
                                </Show>
                              </Show>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                )}
              </For>
            </>
          )}
        </For>
      </PageSection>
    </>
  );
}
