import { z } from "zod";
import { visibleLine } from "./text";
import { isCommonPassword } from "@/lib/auth/common-passwords";

// Messages are i18n keys under "validation": forms translate them in the user's language.
export const emailSchema = z
  .string()
  .trim()
  .min(1, "validation.emailRequired")
  .max(254, "validation.emailTooLong")
  .pipe(z.email("validation.emailInvalid"));

export const newPasswordSchema = z
  .string()
  .min(10, "validation.passwordTooShort")
  .max(128, "validation.passwordTooLong")
  .refine((value) => !isCommonPassword(value), "validation.passwordTooCommon");

export const displayNameSchema = visibleLine("validation.nameInvisible").pipe(
  z
    .string()
    .min(2, "validation.nameTooShort")
    .max(60, "validation.nameTooLong")
    .refine((value) => !/[<>]/.test(value), "validation.nameInvalidChars"),
);

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "validation.passwordRequired").max(128, "validation.passwordTooLong"),
  /** The second factor, asked for once the password was right: 6 digits or a recovery code. */
  code: z.string().trim().max(20).optional(),
});

export const secondFactorCodeSchema = z.object({
  code: z.string().trim().min(6, "security.codeRequired").max(20, "security.wrongCode"),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().min(10).max(200),
  password: newPasswordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "validation.passwordRequired").max(128, "validation.passwordTooLong"),
  password: newPasswordSchema,
});
