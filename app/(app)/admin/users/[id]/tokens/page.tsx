import Link from "next/link";
import { notFound } from "next/navigation";
import { TokensTable } from "@/components/tokens/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth/current-user";
import { listUserApiTokens } from "@/server/auth/user-api-tokens";
import { DomainError } from "@/server/errors";

export const metadata = { title: "A user's API tokens" };

/** ADMIN: one user's API tokens, each revocable (e.g. when a laptop is lost or a person leaves). */
export default async function UserTokensPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("/admin/users");
  if (!can(user, "api-token:manage-any")) notFound();
  const { id } = await params;
  const found = await listUserApiTokens(user, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { user: owner, items: tokens } = found;
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumb={
          <Link href="/admin/users" className="text-brand-700 underline">
            Users
          </Link>
        }
        title={`API tokens of ${owner.name}`}
        description={`${owner.email}. Revoking a token refuses the next request made with it. Tokens are created by their user, signed in.`}
      />
      {tokens.length === 0 ? (
        <EmptyState>This user has no API tokens.</EmptyState>
      ) : (
        <TokensTable tokens={tokens} caption={`API tokens of ${owner.name}`} userId={id} now={Date.now()} />
      )}
    </div>
  );
}
