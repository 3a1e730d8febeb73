// The lists live in lib/domain so db/schema can use them without importing lib code.
export { userRoles, userStatuses, type UserRole, type UserStatus } from "@/lib/domain/users";
