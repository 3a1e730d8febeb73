/** Who an account is and whether it may act: the vocabularies the schema, validation and UI share. */

export const userRoles = ["member", "pro", "facilitator", "admin"] as const;
export const userStatuses = ["pending", "active", "suspended"] as const;

export type UserRole = (typeof userRoles)[number];
export type UserStatus = (typeof userStatuses)[number];

/** Facilitators and admins read every CV and moderate: shorter sessions, two-factor sign-in required. */
export function isStaffRole(role: UserRole): boolean {
  return role === "facilitator" || role === "admin";
}
