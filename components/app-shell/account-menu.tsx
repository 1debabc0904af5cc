"use client";
import { useDeferred } from "../ui/use-deferred";
import { ACCOUNT_BUTTON_CLASS, AccountButtonFace } from "./account-button-face";

/**
 * The account menu in the top bar. Its menu code (Radix) loads just after the page, so the
 * route's first-load JavaScript stays small; until then the same button stands in its place.
 */
export function AccountMenu(props: { name: string; roleLabel: string }) {
  const loaded = useDeferred(() => import("./user-menu"));
  if (loaded) return <loaded.UserMenu {...props} />;
  return (
    <button type="button" className={ACCOUNT_BUTTON_CLASS} aria-haspopup="menu" aria-expanded={false}>
      <AccountButtonFace name={props.name} roleLabel={props.roleLabel} />
    </button>
  );
}
