import { accessibilityFacts } from "@naerhed/core/directory/lists";
import { For, Match, Switch } from "solid-js";
import { Checkbox } from "../../components/Checkbox.tsx";
import { CheckboxGroup } from "../../components/CheckboxGroup.tsx";
import { FormField } from "../../components/FormField.tsx";
import { PageSection } from "../../components/PageSection.tsx";
import { RadioGroup } from "../../components/RadioGroup.tsx";
import { TextAreaField } from "../../components/TextAreaField.tsx";
import { useTexts } from "../../lib/texts.ts";
import { directoryTexts } from "../texts/index.ts";
import { fieldById, inputId, sections, type Field, type FieldValue, type WeeklyRow } from "./offer-fields.ts";
import { OrganizationPicker, type OrganizationChoice } from "./OrganizationPicker.tsx";
import { WeeklyTimes } from "./WeeklyTimes.tsx";

type Props = { values: Record<string, FieldValue>; errorAt: (id: string) => string | undefined; onChange: (id: string, value: FieldValue) => void };

/** The editor's sections, each with its fields, from the field table (offer-fields.ts). */
export function OfferFields(props: Props) {
  const { t } = useTexts(directoryTexts);
  return (
    <For each={sections}>
      {(section) => (
        <PageSection title={t(section.title)} id={section.id}>
          <For each={section.items}>
            {(item) =>
              typeof item === "string" ? (
                <FieldInput field={fieldById.get(item)!} {...props} />
              ) : (
                <>
                  <h3>{t(item.heading)}</h3>
                  <p class="form-hint field__hint">{t(item.hint)}</p>
                </>
              )
            }
          </For>
        </PageSection>
      )}
    </For>
  );
}

/** One field, with the input its kind calls for. */
function FieldInput(props: Props & { field: Field }) {
  const { t, lang } = useTexts(directoryTexts);
  const field = () => props.field;
  const id = () => field().id;
  const label = () => t(field().label);
  const hint = () => (field().hint ? t(field().hint!) : undefined);
  const error = () => props.errorAt(inputId(field()));
  const text = () => props.values[id()] as string;
  const change = (value: FieldValue) => props.onChange(id(), value);
  const input = field().input;
  return (
    <Switch>
      <Match when={input.kind === "text" && input}>
        {(kind) => (
          <FormField
            id={id()}
            type={kind().type}
            inputmode={kind().inputmode}
            autocomplete={kind().autocomplete}
            spellcheck={kind().exact ? false : undefined}
            autocapitalize={kind().exact ? "none" : undefined}
            label={label()}
            hint={hint()}
            value={text()}
            error={error()}
            onInput={change}
          />
        )}
      </Match>
      <Match when={input.kind === "age"}>
        <FormField id={id()} type="number" inputmode="numeric" label={label()} hint={hint()} value={text()} error={error()} onInput={change} />
      </Match>
      <Match when={input.kind === "long" && input}>
        {(long) => <TextAreaField lix id={id()} label={label()} hint={hint()} value={text()} error={error()} rows={long().rows} onInput={change} />}
      </Match>
      <Match when={input.kind === "choice" && input}>
        {(choice) => <RadioGroup name={id()} legend={label()} hint={hint()} options={choice().options(t, lang())} value={text()} error={error()} onChange={change} />}
      </Match>
      <Match when={input.kind === "yesNo"}>
        <RadioGroup
          name={id()}
          legend={label()}
          hint={hint()}
          options={[
            { value: "yes", label: t("directory.field.yes") },
            { value: "no", label: t("directory.field.no") },
          ]}
          value={text()}
          error={error()}
          onChange={change}
        />
      </Match>
      <Match when={input.kind === "facts"}>
        <CheckboxGroup
          name={id()}
          legend={label()}
          hint={hint()}
          error={error()}
          options={accessibilityFacts.map((fact) => ({ value: fact.id, label: fact.name[lang()] }))}
          values={props.values[id()] as string[]}
          onChange={change}
        />
      </Match>
      <Match when={input.kind === "check"}>
        <Checkbox id={id()} label={label()} checked={props.values[id()] as boolean} error={error()} onChange={change} />
      </Match>
      <Match when={input.kind === "weekly"}>
        <WeeklyTimes legend={label()} hint={hint()} times={props.values[id()] as WeeklyRow[]} errorAt={props.errorAt} onChange={change} />
      </Match>
      <Match when={input.kind === "organization"}>
        <OrganizationPicker id={id()} label={label()} hint={hint()} value={props.values[id()] as OrganizationChoice} error={error()} onChange={change} />
      </Match>
    </Switch>
  );
}
