import { LocalDate } from "@/components/ui/local-date";
import { Cell, ColumnHeader, DataTable, RowHeader } from "@/components/ui/table";
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
    <DataTable
      caption={caption}
      head={
        <>
          {["Name", "Starts with", "Scope", "Created", "Expires", "Last used"].map((label) => (
            <ColumnHeader key={label}>{label}</ColumnHeader>
          ))}
          <ColumnHeader>
            <span className="sr-only">Actions</span>
          </ColumnHeader>
        </>
      }
    >
      {tokens.map((token) => {
        const expired = Date.parse(token.expiresAt) <= now;
        return (
          <tr key={token.id} className={token.revokedAt || expired ? "text-slate-500" : undefined}>
            <RowHeader>{token.name}</RowHeader>
            <Cell className="font-mono">{token.prefix}…</Cell>
            <Cell>{SCOPE_LABELS[token.scope]}</Cell>
            <Cell>
              <LocalDate value={token.createdAt} time />
            </Cell>
            <Cell>
              {expired ? "Expired " : ""}
              <LocalDate value={token.expiresAt} time />
            </Cell>
            <Cell>{token.lastUsedAt ? <LocalDate value={token.lastUsedAt} time /> : "Never"}</Cell>
            <Cell className="text-right">
              {token.revokedAt ? (
                <span>
                  Revoked <LocalDate value={token.revokedAt} time />
                </span>
              ) : expired ? null : (
                <RevokeTokenButton id={token.id} name={token.name} userId={userId} />
              )}
            </Cell>
          </tr>
        );
      })}
    </DataTable>
  );
}
