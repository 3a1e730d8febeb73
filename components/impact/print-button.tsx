"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (the report's layout is made for one printed page). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
