import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Card className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-extrabold">{title}</h1>
        {intro ? <p className="mt-1 text-muted">{intro}</p> : null}
      </div>
      {children}
      {footer ? <div className="border-t border-line pt-4 text-sm">{footer}</div> : null}
    </Card>
  );
}
