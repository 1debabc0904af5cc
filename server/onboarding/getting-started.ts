import "server-only";
import { type Actor, can } from "@/lib/permissions";
import { oidcConfig } from "../auth/oidc";
import { requirePermission } from "../auth/require-permission";
import { db } from "../db";

export type GettingStartedStepId = "people" | "use-cases" | "settings" | "service" | "api-token";

export type GettingStartedStep = {
  id: GettingStartedStepId;
  title: string;
  hint: string;
  /** The page where the step is done. */
  href: string;
  action: string;
  done: boolean;
};

export type GettingStarted = { steps: GettingStartedStep[]; done: number; dismissed: boolean };

/**
 * The first hour on a fresh instance, for an admin: what to set up next, each step ticked from
 * the data itself (nothing to mark by hand), so it is right however the step was done (UI, API
 * or CLI). Null for every other role: they cannot do most of the steps.
 */
export async function getGettingStarted(actor: Actor): Promise<GettingStarted | null> {
  if (!can(actor, "settings:manage")) return null;
  const [me, otherUsers, useCases, settings, services, tokens] = await Promise.all([
    db.user.findUnique({ where: { id: actor.id }, select: { guideDismissedAt: true } }),
    db.user.count({ where: { id: { not: actor.id } } }),
    db.useCase.count(),
    db.orgSettings.findUnique({ where: { id: 1 }, select: { version: true } }),
    db.service.count(),
    db.apiToken.count(),
  ]);
  const sso = oidcConfig() !== null;
  const steps: GettingStartedStep[] = [
    {
      id: "people",
      title: sso ? "Invite your team (single sign-on is on)" : "Invite your team, or connect single sign-on",
      hint: sso
        ? "People sign in with single sign-on; add anyone who should have an account before their first sign-in."
        : "Create accounts for the sponsors, data scientists and IT, or set the ROADBOOK_OIDC_* variables for single sign-on.",
      href: "/admin/users",
      action: "Add users",
      done: otherUsers > 0 || sso,
    },
    {
      id: "use-cases",
      title: "Import or create the first use cases",
      hint: "Create one here, or import the portfolio through the API (POST /api/v1/use-cases).",
      href: "/use-cases/new",
      action: "New use case",
      done: useCases > 0,
    },
    {
      id: "settings",
      title: "Set the currency and the stage probabilities",
      hint: "The portfolio totals and the weighted pipeline read them.",
      href: "/admin/settings",
      action: "Open settings",
      done: (settings?.version ?? 1) > 1,
    },
    {
      id: "service",
      title: "Add a service",
      hint: "Register the model's endpoints on a use case, and Roadbook watches their health.",
      href: "/services",
      action: "Open services",
      done: services > 0,
    },
    {
      id: "api-token",
      title: "Create an API token for integrators",
      hint: "Pipelines and scripts use it to read the portfolio and post realised value.",
      href: "/settings/tokens",
      action: "Create a token",
      done: tokens > 0,
    },
  ];
  return { steps, done: steps.filter((s) => s.done).length, dismissed: me?.guideDismissedAt != null };
}

/** Hide the checklist for this admin (other admins keep theirs). Only admins see it, so only they dismiss it. */
export async function dismissGettingStarted(actor: Actor): Promise<{ dismissed: true }> {
  requirePermission(actor, "settings:manage", "Only an admin sees the getting-started checklist.");
  await db.user.update({ where: { id: actor.id }, data: { guideDismissedAt: new Date() } });
  return { dismissed: true };
}
