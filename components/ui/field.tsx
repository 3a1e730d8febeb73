import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const controlClasses =
  "w-full rounded-lg border bg-white px-3 py-2.5 text-base text-ink placeholder:text-muted/80 focus-visible:outline-teal";

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated messages. */
  errors?: string[];
  children?: never;
};

function FieldFrame({ id, label, hint, errors, control }: Omit<FieldProps, "children"> & { control: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-ink">
        {label}
      </label>
      {control}
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

function describedBy(id: string, hint: ReactNode, errors?: string[]) {
  if (errors?.length) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

export function TextField({
  id,
  label,
  hint,
  errors,
  className,
  ...props
}: FieldProps & Omit<ComponentProps<"input">, "id" | "children">) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={
        <input
          id={id}
          name={id}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
          className={cn(controlClasses, errors?.length ? "border-danger" : "border-line", className)}
          {...props}
        />
      }
    />
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  errors,
  className,
  ...props
}: FieldProps & Omit<ComponentProps<"textarea">, "id" | "children">) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={
        <textarea
          id={id}
          name={id}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
          className={cn(controlClasses, "min-h-28", errors?.length ? "border-danger" : "border-line", className)}
          {...props}
        />
      }
    />
  );
}

/** A labelled <select> on the same frame; the first, empty option is `placeholder` ("Choisir…"). */
export function SelectField({
  id,
  label,
  hint,
  errors,
  options,
  placeholder,
  className,
  ...props
}: FieldProps & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
} & Omit<ComponentProps<"select">, "id" | "children">) {
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={
        <select
          id={id}
          name={id}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
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
      }
    />
  );
}
