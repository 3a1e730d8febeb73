import Link from "next/link";
import { useTranslations } from "next-intl";
import { RoleBadge } from "@/components/profile/role-badge";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";

export type ProCardData = {
  id: string;
  name: string;
  headline: string | null;
  organisation: string | null;
  expertise: string[];
};

/** One verified pro in the directory, with the way to ask them a question. */
export function ProCard({
  pro,
  askChannel,
  contact = null,
}: {
  pro: ProCardData;
  askChannel: string | null;
  /** Whether the viewer may write to this pro privately, and the pro's availability note. */
  contact?: { canWrite: boolean; availabilityNote: string } | null;
}) {
  const t = useTranslations("pros");
  const tMessages = useTranslations("messages");
  return (
    <article
      aria-labelledby={`pro-${pro.id}`}
      className="flex h-full flex-col gap-3 rounded-2xl border border-line bg-white p-4"
    >
      <div className="flex items-start gap-3">
        <Avatar name={pro.name} seed={pro.id} />
        <div className="min-w-0">
          <h2 id={`pro-${pro.id}`} className="text-lg font-bold leading-snug break-words">
            <Link href={`/u/${pro.id}`} className="text-ink hover:underline">
              {pro.name}
            </Link>
          </h2>
          <RoleBadge role="pro" organisation={pro.organisation} />
        </div>
      </div>
      {pro.headline ? <p className="text-muted">{pro.headline}</p> : null}
      {pro.expertise.length > 0 ? (
        <ul aria-label={t("expertise")} className="flex flex-wrap gap-1.5">
          {pro.expertise.map((field) => (
            <li key={field}>
              <Badge tone="teal">{field}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {contact?.canWrite && contact.availabilityNote ? (
        <p className="text-sm text-muted">
          {tMessages("availability", { name: pro.name, note: contact.availabilityNote })}
        </p>
      ) : null}
      <div className="mt-auto flex flex-wrap gap-2">
        {askChannel ? (
          <ButtonLink
            href={`/c/${askChannel}/new?ask=${pro.id}`}
            variant="secondary"
            size="sm"
            className="whitespace-normal text-left"
          >
            {t("ask", { name: pro.name })}
          </ButtonLink>
        ) : null}
        {contact?.canWrite ? (
          <ButtonLink
            href={`/messages/new?to=${pro.id}`}
            variant="secondary"
            size="sm"
            className="whitespace-normal text-left"
          >
            {tMessages("writeTo", { name: pro.name })}
          </ButtonLink>
        ) : null}
      </div>
    </article>
  );
}
