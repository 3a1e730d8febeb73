/** Shared by the database schema, the validation schemas and the UI (pure: imports nothing). */

export const reportStatuses = ["open", "resolved", "dismissed"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const requestStatuses = ["pending", "approved", "refused"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const auditActions = [
  "post.hide",
  "post.unhide",
  "thread.lock",
  "thread.unlock",
  "thread.pin",
  "thread.unpin",
  "thread.move",
  "channel.update",
  "channel.archive",
  "channel.restore",
  "user.suspend",
  "user.unsuspend",
  "user.role",
  "pro.approve",
  "pro.refuse",
  "admission.approve",
  "admission.refuse",
  "invitation.create",
  "invitation.revoke",
  "report.dismiss",
  "settings.update",
  "user.erase",
  "data.export",
  "message_report.resolve",
  "message_report.dismiss",
  "buddy.pair",
  "buddy.end",
  "programme.import",
  "help.create",
  "help.update",
  "help.delete",
  "help.reorder",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditTargetTypes = [
  "post",
  "thread",
  "channel",
  "user",
  "pro_request",
  "invitation",
  "report",
  "settings",
  "message_report",
  "buddy_pair",
  "help_page",
] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];
