"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useSubmit } from "@/components/ui/use-submit";
import type { PasswordVerdict } from "@/lib/password-strength";
import { changePasswordAction } from "@/server/actions/profile";

const SCORE_LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"];

/** Signs in again through next-auth's credentials endpoint, as the login form does. */
async function signInAgain(email: string, password: string): Promise<boolean> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/settings/profile", json: "true" }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return response.ok && Boolean(body.url) && !new URL(body.url ?? "/", window.location.href).searchParams.has("error");
}

/**
 * Change one's password. A change ends every session of the user (the server bumps the session
 * version), this one too: the form signs in again with the new password at once, so only the
 * other browsers and devices are signed out. The input is kept on every error.
 */
export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const router = useRouter();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [revokeTokens, setRevokeTokens] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { pending, errors, message, setErrors, run } = useSubmit(
    async ({ revokedTokens: revoked }: { revokedTokens: number }) => {
      if (!(await signInAgain(email, newPassword).catch(() => false))) {
        window.location.assign("/login?callbackUrl=%2Fsettings%2Fprofile");
        return;
      }
      setCurrentPassword("");
      setNewPassword("");
      setConfirm("");
      setDone(
        `Password changed. Your other sessions are signed out; this one goes on.${revoked ? ` ${revoked === 1 ? "1 API token" : `${revoked} API tokens`} revoked.` : ""}`,
      );
      setRevokeTokens(false);
      router.refresh();
    },
    { refresh: false },
  );
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);

  // The strength meter: the same checker the server enforces, loaded only when needed.
  useEffect(() => {
    if (!newPassword) {
      setVerdict(null);
      return;
    }
    let live = true;
    import("@/lib/password-strength").then(({ checkPasswordStrength }) => {
      if (live) setVerdict(checkPasswordStrength(newPassword, { email, name }));
    });
    return () => {
      live = false;
    };
  }, [newPassword, email, name]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (newPassword !== confirm) {
      setErrors({ confirm: "The two new passwords differ." });
      return;
    }
    await run(() => changePasswordAction({ currentPassword, newPassword, revokeTokens }));
  }

  return (
    <form onSubmit={submit} className="max-w-lg space-y-3" aria-label="Change password" noValidate>
      <Field label="Current password" error={errors.currentPassword}>
        {(a) => (
          <TextInput
            {...a}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="New password"
        error={errors.newPassword}
        hint="At least 12 characters, not a common password, without your name or email. A few unrelated words work well."
      >
        {(a) => (
          <TextInput
            {...a}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
        )}
      </Field>
      {verdict && !errors.newPassword && (
        <p className="text-xs text-slate-600" aria-live="polite">
          Strength: {verdict.problem ? SCORE_LABELS[Math.min(verdict.score, 2)] : SCORE_LABELS[verdict.score]}
          {verdict.problem ? ` — ${verdict.problem}` : ""}
        </p>
      )}
      <Field label="New password again" error={errors.confirm}>
        {(a) => (
          <TextInput
            {...a}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={revokeTokens} onChange={(e) => setRevokeTokens(e.target.checked)} />
        Also revoke all my API tokens
      </label>
      {message && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm text-rose-700">
          {message}
        </p>
      )}
      {done && (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
