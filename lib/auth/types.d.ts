import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The account's session version when this session was issued. */
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
  }
}
