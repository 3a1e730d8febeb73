import "server-only";
// The lists live in lib/domain so db/schema can use them without importing lib code.
export {
  auditActions,
  auditTargetTypes,
  reportStatuses,
  requestStatuses,
  type AuditAction,
  type AuditTargetType,
  type ReportStatus,
  type RequestStatus,
} from "@/lib/domain/moderation";
