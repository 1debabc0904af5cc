import { headers } from "next/headers";
import { DelegationForm } from "@/components/delegations/delegation-form";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { SignOutEverywhereForm } from "@/components/profile/sign-out-everywhere-form";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/lifecycle";
import { pickLocale } from "@/lib/locale";
import { requireUser } from "@/server/auth/current-user";
import { delegateCandidates, getMyDelegation } from "@/server/delegations/my-delegation";
import { getProfile } from "@/server/users/profile";

export const metadata = { title: "Profile" };

/** The signed-in user's own profile: name, email notifications, language, and password (unless SSO-only). */
export default async function ProfilePage() {
  const user = await requireUser("/settings/profile");
  const [profile, delegation, candidates, requestHeaders] = await Promise.all([
    getProfile(user),
    getMyDelegation(user),
    delegateCandidates(user),
    headers(),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title="Profile">
        <dl className="grid max-w-lg grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Email</dt>
          <dd>{profile.email}</dd>
          <dt className="text-slate-500">Role</dt>
          <dd>{ROLE_LABELS[profile.role]}</dd>
          <dt className="text-slate-500">Team</dt>
          <dd>{profile.team ?? <span className="text-slate-500">None</span>}</dd>
        </dl>
        <p className="text-xs text-slate-500">An admin sets roles and teams.</p>
      </PageHeader>
      <section className="space-y-3" aria-labelledby="profile-details">
        <h2 id="profile-details" className="text-lg font-semibold">
          Details
        </h2>
        <ProfileForm
          name={profile.name}
          emailNotifications={profile.emailNotifications}
          locale={profile.locale}
          browserLocale={pickLocale(requestHeaders.get("accept-language"))}
        />
      </section>
      <section className="space-y-3" aria-labelledby="profile-password">
        <h2 id="profile-password" className="text-lg font-semibold">
          Password
        </h2>
        {profile.hasPassword ? (
          <ChangePasswordForm email={profile.email} name={profile.name} />
        ) : (
          <p className="max-w-lg text-sm text-slate-600">
            You sign in through your organisation's single sign-on: your password is managed there.
          </p>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="profile-sessions">
        <h2 id="profile-sessions" className="text-lg font-semibold">
          Sessions and tokens
        </h2>
        <SignOutEverywhereForm />
      </section>
      <section className="space-y-3" aria-labelledby="profile-delegation">
        <h2 id="profile-delegation" className="text-lg font-semibold">
          Out-of-office delegate
        </h2>
        <DelegationForm current={delegation} candidates={candidates} />
      </section>
    </div>
  );
}
