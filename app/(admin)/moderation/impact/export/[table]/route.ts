import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { toCsv } from "@/lib/impact/csv";
import { exportImpactCsv, impactTables, type ImpactTable } from "@/lib/impact/export";
import { impactFilterSchema } from "@/lib/validation/impact";

/** GET /moderation/impact/export/:table?cohort=&from=&to= — one dashboard table as CSV (facilitators and admins). */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { table } = await params;
  const filters = impactFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!impactTables.includes(table as ImpactTable)) return new Response("Not found", { status: 404 });
  if (!filters.success) return new Response("Bad request", { status: 400 });
  try {
    const csv = await exportImpactCsv(contextFor(user), table as ImpactTable, filters.data);
    return new Response(toCsv(csv.headers, csv.rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csv.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    // Not staff: the export does not exist for them.
    if (error instanceof AppError)
      return new Response(error.code, { status: error.code === "forbidden" ? 404 : error.status });
    throw error;
  }
}
