// How an audit event reads in the Activity tab and on the Audit page ("Ada requested gate G1").

const ACTION_LABELS: Record<string, string> = {
  "use-case.create": "created the use case",
  "use-case.update": "edited the use case",
  "use-case.stage": "moved the use case to the next stage",
  "use-case.pause": "paused the use case",
  "use-case.stop": "stopped the use case",
  "use-case.resume": "resumed the use case",
  "use-case.reopen": "reopened the use case",
  "gate.request": "requested a gate review",
  "gate.vote": "voted on a gate review",
  "gate.decide": "decided a gate review",
  "condition.close": "closed a condition",
  "checklist.update": "updated a checklist item",
  "checklist.sign-off": "signed the checklist off",
  "checklist.sign-off.void": "voided the checklist sign-off",
  "checklist-template.update": "changed a checklist template",
  "estimate.create": "revised the value estimate",
  "actual.create": "recorded realised value",
  "service.create": "registered a service",
  "service.update": "edited a service",
  "service.delete": "removed a service",
  "feedback.create": "added feedback",
  "comment.create": "commented",
  "settings.update": "changed the settings",
  "user.create": "created a user",
  "api-token.create": "created an API token",
  "api-token.revoke": "revoked an API token",
  "auth.sign-in": "signed in",
  "auth.sign-in-failed": "failed to sign in",
  "auth.sign-in-throttled": "was throttled signing in",
  "auth.sign-in-burst": "many refused sign-ins from one address (summarised)",
  "auth.account-locked": "account locked after failed sign-ins",
  "authz.refused": "was refused",
  "cost.create": "recorded a cost",
  "use-case.imported-at-stage": "imported the use case at a later stage (no gate history before it)",
  "import.use-cases": "imported use cases from a file",
  "registry.create": "connected a model registry",
  "registry.delete": "removed a model registry",
  "model-link.create": "linked a registered model",
  "model-link.delete": "unlinked a registered model",
  "repository.update": "linked the code repository",
  "deployment.check": "checked a deployment approval",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

type Json = unknown;

/** The changed fields as "field: before → after" lines (values shortened), for a compact view. */
export function changeLines(before: Json, after: Json, max = 6): string[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, Json>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, Json>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const show = (value: Json) => {
    if (value === undefined) return "";
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  const lines = keys.map((key) =>
    key in b && key in a ? `${key}: ${show(b[key])} → ${show(a[key])}` : `${key}: ${show(key in a ? a[key] : b[key])}`,
  );
  return lines.length > max ? [...lines.slice(0, max), `and ${lines.length - max} more`] : lines;
}
