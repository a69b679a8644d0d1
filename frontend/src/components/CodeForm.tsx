// The 4-digit code entry: digits only, numeric keyboard, one large field and button.
import { useState } from "preact/hooks";
import { t } from "../i18n";

export function CodeForm({ onCode, submitLabel }: { onCode: (code: string) => void; submitLabel: string }) {
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      class="code-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (/^\d{4}$/.test(value)) onCode(value);
        else setInvalid(true);
      }}
    >
      <label for="code-input">{t("code.label")}</label>
      <input
        id="code-input"
        class="input code-input"
        name="code"
        inputMode="numeric"
        pattern="[0-9]{4}"
        maxLength={4}
        autoComplete="off"
        placeholder="1234"
        value={value}
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={invalid ? "code-error" : undefined}
        onInput={(e) => {
          const digits = (e.currentTarget as HTMLInputElement).value.replace(/\D/g, "").slice(0, 4);
          (e.currentTarget as HTMLInputElement).value = digits;
          setValue(digits);
          setInvalid(false);
        }}
      />
      {invalid ? (
        <span id="code-error" class="field-error" role="alert">
          {t("code.invalid")}
        </span>
      ) : null}
      <button type="submit" class="btn btn-big btn-block">
        {submitLabel}
      </button>
    </form>
  );
}
