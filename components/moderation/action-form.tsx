"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionState } from "@/lib/action";
import { Alert } from "@/components/ui/alert";
import { useFormState } from "@/components/ui/form-state";
import { useToast } from "@/components/ui/toast";

type FormActionFn<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T> & object>;

type ActionFormProps<T> = {
  action: FormActionFn<T>;
  /** Announced when the action succeeds (already translated). */
  successMessage?: string | ((data: T) => string);
  /** The fields; gets helpers to show each field's errors and restore what was typed. */
  children: (form: {
    errorsFor: (field: string) => string[] | undefined;
    valueOf: (field: string) => string | undefined;
    isPending: boolean;
    data: T | null;
  }) => ReactNode;
  className?: string;
  ariaLabel?: string;
};

/**
 * A small form bound to a server action (`formAction` in lib/action.ts): per-field localized
 * errors, values kept after a refused submit, a toast on success.
 */
export function ActionForm<T>({ action, successMessage, children, className, ariaLabel }: ActionFormProps<T>) {
  const [state, formAction, isPending] = useActionState(
    action as (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>,
    null,
  );
  const { errorsFor, formError, valueOf } = useFormState(state);
  const toast = useToast();
  const announced = useRef<unknown>(null);
  useEffect(() => {
    if (state?.ok && announced.current !== state && successMessage) {
      announced.current = state;
      toast.show(typeof successMessage === "function" ? successMessage(state.data) : successMessage);
    }
  }, [state, successMessage, toast]);
  return (
    <form action={formAction} className={className} aria-label={ariaLabel} noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {children({ errorsFor, valueOf, isPending, data: state?.ok ? state.data : null })}
    </form>
  );
}
