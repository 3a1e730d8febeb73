import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type SelectFieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated messages. */
  errors?: string[];
  options: readonly { value: string; label: string }[];
  /** First, empty option ("Choisir…" or "Tous les contrats"). */
  placeholder?: string;
} & Omit<ComponentProps<"select">, "id" | "children">;

/** A labelled <select> with hint and errors, styled like components/ui/field. */
export function SelectField({ id, label, hint, errors, options, placeholder, className, ...props }: SelectFieldProps) {
  const describedBy = errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-ink">
        {label}
      </label>
      <select
        id={id}
        name={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-ink focus-visible:outline-teal",
          errors?.length ? "border-danger" : "border-line",
          className,
        )}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <ul id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
