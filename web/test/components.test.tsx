import { fireEvent, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { Button } from "../src/components/Button.tsx";
import { ErrorSummary } from "../src/components/ErrorSummary.tsx";
import { FormField } from "../src/components/FormField.tsx";
import { Notice } from "../src/components/Notice.tsx";
import { LanguageProvider } from "../src/lib/language.tsx";

const inDanish = (props: { children: unknown }) => <LanguageProvider initial="da">{props.children as never}</LanguageProvider>;

describe("FormField", () => {
  it("links the label, the hint and the error to the input", () => {
    render(() => <FormField id="email" label="Din mail" hint="Vi sender en kode." error="Skriv din mail." />, {
      wrapper: inDanish,
    });
    const input = screen.getByLabelText("Din mail");
    expect(input).toHaveAttribute("id", "email");
    expect(input).toHaveAccessibleDescription("Vi sender en kode. Fejl: Skriv din mail.");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toBeInvalid();
  });

  it("is not marked invalid and has only the hint when there is no error", () => {
    render(() => <FormField id="name" label="Dit navn" hint="Dit fornavn er nok." />, { wrapper: inDanish });
    const input = screen.getByLabelText("Dit navn");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).toHaveAccessibleDescription("Dit fornavn er nok.");
    expect(screen.queryByText(/Fejl:/)).not.toBeInTheDocument();
  });

  it("has no description at all without hint and error, and reports what is typed", () => {
    const onInput = vi.fn();
    render(() => <FormField id="city" label="By" onInput={onInput} />, { wrapper: inDanish });
    const input = screen.getByLabelText("By");
    expect(input).not.toHaveAttribute("aria-describedby");
    fireEvent.input(input, { target: { value: "Aarhus" } });
    expect(onInput).toHaveBeenCalledWith("Aarhus");
  });

  it("adds and removes the error when it changes", () => {
    const [error, setError] = createSignal<string | undefined>();
    render(() => <FormField id="phone" label="Telefon" error={error()} />, { wrapper: inDanish });
    const input = screen.getByLabelText("Telefon");
    setError("Skriv 8 tal.");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Fejl: Skriv 8 tal.");
    setError(undefined);
    expect(input).not.toHaveAttribute("aria-invalid");
  });
});

describe("ErrorSummary", () => {
  const errors = [
    { field: "email", message: "Skriv din mail." },
    { field: "phone", message: "Skriv dit telefonnummer." },
  ];

  it("is announced, takes focus and lists every problem", () => {
    render(
      () => (
        <>
          <ErrorSummary errors={errors} />
          <FormField id="email" label="Mail" error="Skriv din mail." />
          <FormField id="phone" label="Telefon" error="Skriv dit telefonnummer." />
        </>
      ),
      { wrapper: inDanish },
    );
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Der er et problem");
    expect(document.activeElement).toBe(alert.parentElement);
    expect(screen.getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual(["#email", "#phone"]);
  });

  it("moves focus to the field when you choose an error", () => {
    render(
      () => (
        <>
          <ErrorSummary errors={errors} />
          <FormField id="email" label="Mail" error="Skriv din mail." />
          <FormField id="phone" label="Telefon" error="Skriv dit telefonnummer." />
        </>
      ),
      { wrapper: inDanish },
    );
    fireEvent.click(screen.getByRole("link", { name: "Skriv dit telefonnummer." }));
    expect(document.activeElement).toBe(screen.getByLabelText("Telefon"));
  });

  it("takes focus again when new errors come in", () => {
    const [list, setList] = createSignal(errors);
    render(
      () => (
        <>
          <ErrorSummary errors={list()} title="Ret dette" />
          <button type="button">Send</button>
        </>
      ),
      { wrapper: inDanish },
    );
    screen.getByRole("button", { name: "Send" }).focus();
    setList([{ field: "email", message: "Mailen mangler et @." }]);
    expect(document.activeElement).toBe(screen.getByRole("alert").parentElement);
    expect(screen.getByRole("heading", { name: "Ret dette" })).toBeInTheDocument();
  });
});

describe("Notice", () => {
  it("is a status message when polite and an alert when assertive", () => {
    render(() => (
      <>
        <Notice kind="success" title="Gemt" announce="polite">
          <p>Vi har gemt dit svar.</p>
        </Notice>
        <Notice kind="warning" announce="assertive">
          <p>Noget gik galt.</p>
        </Notice>
        <Notice>
          <p>Bare til info.</p>
        </Notice>
      </>
    ));
    expect(screen.getByRole("status")).toHaveTextContent("GemtVi har gemt dit svar.");
    expect(screen.getByRole("alert")).toHaveTextContent("Noget gik galt.");
    expect(screen.getByText("Bare til info.").parentElement).not.toHaveAttribute("role");
  });
});

describe("Button", () => {
  it("is a plain button that does not submit forms by accident", () => {
    const onClick = vi.fn();
    render(() => <Button onClick={onClick}>Gem</Button>);
    const button = screen.getByRole("button", { name: "Gem" });
    expect(button).toHaveAttribute("type", "button");
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it("ignores clicks while busy but keeps focus", () => {
    const onClick = vi.fn();
    render(() => (
      <Button onClick={onClick} busy>
        Vis flere
      </Button>
    ));
    const button = screen.getByRole("button", { name: "Vis flere" });
    button.focus();
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(document.activeElement).toBe(button);
  });
});
