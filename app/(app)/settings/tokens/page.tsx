import Link from "next/link";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { formatDateTime } from "@/lib/dates";
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
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          A token lets a script, a Jenkins job or an Airflow DAG call the{" "}
          <Link href="/api-docs" className="text-brand-700 underline">
            Roadbook API
          </Link>{" "}
          as you, with your role ({ROLE_LABELS[user.role]}). Only a fingerprint of each token is stored: copy it when it
          is shown.
        </p>
      </header>
      <CreateTokenForm />
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">
          No tokens yet. Create one for each tool, so you can revoke them one by one.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your API tokens</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Starts with
                </th>
                <th scope="col" className="px-3 py-2">
                  Created
                </th>
                <th scope="col" className="px-3 py-2">
                  Last used
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <tr key={token.id} className={token.revokedAt ? "text-slate-500" : undefined}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {token.name}
                  </th>
                  <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                  <td className="px-3 py-2">{formatDateTime(token.createdAt)}</td>
                  <td className="px-3 py-2">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
                  <td className="px-3 py-2 text-right">
                    {token.revokedAt ? (
                      <span>Revoked {formatDateTime(token.revokedAt)}</span>
                    ) : (
                      <RevokeTokenButton id={token.id} name={token.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
