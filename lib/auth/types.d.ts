import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The account's session version when this session was issued. */
    sessionVersion: number;
    /** The `user_sessions` row this cookie belongs to (revoked at sign-out). */
    sessionId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    sid?: string;
  }
}
