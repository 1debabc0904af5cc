import { LocalDate } from "@/components/ui/local-date";
import type { ApiTokenDto } from "@/server/auth/my-api-tokens";
import { RevokeTokenButton } from "./revoke-token-button";

const SCOPE_LABELS: Record<ApiTokenDto["scope"], string> = {
  "read-only": "Read only",
  "read-write": "Read and write",
  "deploy:check": "Deployment check only",
};

/** A list of API tokens, each revocable; `userId` when an admin manages someone else's. */
export function TokensTable({
  tokens,
  caption,
  userId,
  now,
}: {
  tokens: ApiTokenDto[];
  caption: string;
  userId?: string;
  now: number;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {["Name", "Starts with", "Scope", "Created", "Expires", "Last used"].map((label) => (
              <th key={label} scope="col" className="px-3 py-2">
                {label}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.map((token) => {
            const expired = Date.parse(token.expiresAt) <= now;
            return (
              <tr key={token.id} className={token.revokedAt || expired ? "text-slate-500" : undefined}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {token.name}
                </th>
                <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                <td className="px-3 py-2">{SCOPE_LABELS[token.scope]}</td>
                <td className="px-3 py-2">
                  <LocalDate value={token.createdAt} time />
                </td>
                <td className="px-3 py-2">
                  {expired ? "Expired " : ""}
                  <LocalDate value={token.expiresAt} time />
                </td>
                <td className="px-3 py-2">
                  {token.lastUsedAt ? <LocalDate value={token.lastUsedAt} time /> : "Never"}
                </td>
                <td className="px-3 py-2 text-right">
                  {token.revokedAt ? (
                    <span>
                      Revoked <LocalDate value={token.revokedAt} time />
                    </span>
                  ) : expired ? null : (
                    <RevokeTokenButton id={token.id} name={token.name} userId={userId} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
