// The auth mails live in lib/mail with the others; app/(auth)/actions.ts still imports them from here.
export { sendAccountExistsEmail, sendPasswordResetEmail, sendVerificationEmail } from "@/lib/mail/auth";
