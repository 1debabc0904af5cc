import Link from "next/link";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/lifecycle";
import { requireUser } from "@/server/auth/current-user";
import { listMyApiTokens } from "@/server/auth/my-api-tokens";

export const metadata = { title: "API tokens" };

/** The signed-in user's API tokens: create (shown once), see when each was last used, revoke. */
export default async function ApiTokensPage() {
  const user = await requireUser("/settings/tokens");
  const tokens = await listMyApiTokens(user);
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            A token lets a script, a Jenkins job or an Airflow DAG call the{" "}
            <Link href="/api-docs" className="text-brand-700 underline">
              Roadbook API
            </Link>{" "}
            as you, with your role ({ROLE_LABELS[user.role]}): read-only tokens may only read. Each token expires (90
            days unless you choose, at most a year). Only a fingerprint of each token is stored: copy it when it is
            shown.
          </>
        }
      />
      <CreateTokenForm />
      {tokens.length === 0 ? (
        <EmptyState>No tokens yet. Create one for each tool, so you can revoke them one by one.</EmptyState>
      ) : (
        <TokensTable tokens={tokens} caption="Your API tokens" now={Date.now()} />
      )}
    </div>
  );
}
