"use client";
import { KeyRound, LogOut, Monitor, Moon, Sun, User } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { THEME_LABELS, THEMES, type Theme } from "@/lib/theme";
import { ACCOUNT_BUTTON_CLASS, AccountButtonFace } from "./account-button-face";
import { applyTheme, currentTheme } from "./apply-theme";

const THEME_ICONS = { system: Monitor, light: Sun, dark: Moon } as const;

const ITEM =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none select-none data-[highlighted]:bg-slate-100";

/**
 * The signed-in user's menu: who they are and their role, profile, tokens, theme, sign out.
 * Loaded after the page (see account-menu.tsx).
 */
export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const [current, setCurrent] = useState<Theme>(currentTheme);

  function chooseTheme(value: string) {
    const next = value as Theme;
    setCurrent(next);
    applyTheme(next);
  }

  return (
    // Read again on opening: the command palette may have switched the theme meanwhile.
    <DropdownMenu.Root onOpenChange={(open) => open && setCurrent(currentTheme())}>
      <DropdownMenu.Trigger className={ACCOUNT_BUTTON_CLASS}>
        <AccountButtonFace name={name} roleLabel={roleLabel} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-slate-200 bg-surface p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-500">
            Signed in as <span className="font-medium text-slate-800">{name}</span> ({roleLabel})
          </DropdownMenu.Label>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/settings/profile">
              <User aria-hidden size={16} /> Profile
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/settings/tokens">
              <KeyRound aria-hidden size={16} /> API tokens
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Label className="px-2 py-1 text-xs text-slate-500">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={current} onValueChange={chooseTheme}>
            {THEMES.map((value) => {
              const Icon = THEME_ICONS[value];
              return (
                <DropdownMenu.RadioItem key={value} value={value} className={ITEM}>
                  <Icon aria-hidden size={16} /> {THEME_LABELS[value]}
                  <DropdownMenu.ItemIndicator className="ml-auto text-brand-700">✓</DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              );
            })}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item className={ITEM} onSelect={() => signOut({ callbackUrl: "/login" })}>
            <LogOut aria-hidden size={16} /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
