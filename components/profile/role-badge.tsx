import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { UserRole } from "@/lib/permissions/roles";

/** "Pro de l'ESS · {organisation}" for pros; the role for staff; nothing for members. */
export function RoleBadge({ role, organisation }: { role: UserRole | (string & {}); organisation?: string | null }) {
  const t = useTranslations("roles");
  if (role === "pro") {
    return <Badge tone="teal">{organisation ? t("proWithOrg", { organisation }) : t("pro")}</Badge>;
  }
  if (role === "facilitator") return <Badge tone="brand">{t("facilitator")}</Badge>;
  if (role === "admin") return <Badge tone="brand">{t("admin")}</Badge>;
  return <Badge>{t("member")}</Badge>;
}
