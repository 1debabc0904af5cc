// The secrets the e2e server runs with (e2e/support/global-setup.ts), in their own module so that a
// spec names them without importing the set-up (e2e/security/security.spec.ts checks no answer holds them).
export const E2E_SESSION_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
export const METRICS_TOKEN = "e2e-metrics-token";
/** The password in ROADBOOK_SMTP_URL: the e2e server sends its email digests to a local SMTP server that requires it. */
export const E2E_SMTP_PASSWORD = "e2e-smtp-password-e2e-smtp-password";
