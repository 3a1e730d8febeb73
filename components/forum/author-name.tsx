import Link from "next/link";
import { RoleBadge } from "@/components/profile/role-badge";

type AuthorNameProps = {
  author: { id: string; name: string; role: string; organisation: string | null };
  linkProfile?: boolean;
};

/** A member's name with the badge of their role, the same everywhere. */
export function AuthorName({ author, linkProfile = true }: AuthorNameProps) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {linkProfile ? (
        <Link href={`/u/${author.id}`} className="font-semibold text-ink hover:underline">
          {author.name}
        </Link>
      ) : (
        <span className="font-semibold">{author.name}</span>
      )}
      {author.role !== "member" ? <RoleBadge role={author.role} organisation={author.organisation} /> : null}
    </span>
  );
}
