// Money travels as decimal strings ("1250000.00") and is compared as integer cents
// (BigInt): never through JS floating point.

export const MONEY_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;
export const MONEY_MAX_DIGITS = 13;

export function isMoney(value: string): boolean {
  return MONEY_PATTERN.test(value);
}

/** "1250000.5" -> 125000050n cents. Throws on anything that is not a non-negative amount. */
export function toCents(value: string): bigint {
  if (!isMoney(value)) throw new Error(`Not an amount: ${value}`);
  const [whole = "0", fraction = ""] = value.split(".");
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

/** A signed amount ("-120000.50" allowed: an amount, optionally negative) -> cents. Throws on anything else. */
export function signedCents(value: string): bigint {
  const negative = value.startsWith("-");
  const cents = toCents(negative ? value.slice(1) : value);
  return negative ? -cents : cents;
}

/**
 * A total of amounts (a SQL sum: signed, and with as many digits as it takes, since a sum of
 * amounts may exceed one amount's maximum) -> cents. Throws on anything else.
 */
export function totalToCents(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) throw new Error(`Not a total: ${value}`);
  const cents = BigInt(match[2] ?? "0") * 100n + BigInt((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

/** 125000050n -> "1250000.50" */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** A SQL sum of amounts (text, possibly negative; null when nothing was summed) as a two-decimal amount string. */
export function totalToMoney(value: string | null): string {
  return value == null ? "0.00" : fromCents(totalToCents(value));
}

/** Canonical two-decimal form of an amount string. */
export function normalizeMoney(value: string): string {
  return fromCents(toCents(value));
}

/** The locale amounts are shown in when the user's is unknown. */
export const DEFAULT_LOCALE = "en-GB";

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat(DEFAULT_LOCALE, { ...options, currency: options.currency ?? "EUR" });
    }
    formatters.set(key, format);
  }
  return format;
}

/**
 * A signed amount or total in canonical two-decimal form ("-1250.5" -> "-1250.50"). Totals may
 * exceed one amount's 13 digits (eleven use cases at the 10^12 maximum): they display too.
 */
const canonical = (value: string) => fromCents(totalToCents(value));

/**
 * Full display in the user's locale with Intl ("€1,250,000" in en-GB, "1.250.000 €" in
 * de-DE); cents only when there are any. The decimal string goes to Intl as a string, so
 * it is formatted exactly. Display only: figures stay strings elsewhere.
 */
export function formatMoney(value: string | null | undefined, currency: string, locale = DEFAULT_LOCALE): string {
  if (value == null || value === "") return "—";
  const exact = canonical(value);
  const cents = !exact.endsWith(".00");
  return formatter(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(exact as Intl.StringNumericLiteral);
}

/** Compact display in the user's locale: "€1.3M", "£850K". */
export function formatMoneyShort(value: string | null | undefined, currency: string, locale = DEFAULT_LOCALE): string {
  if (value == null || value === "") return "—";
  return formatter(locale, {
    style: "currency",
    currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(canonical(value) as Intl.StringNumericLiteral);
}

/**
 * What a person types into an amount field, made canonical for the schemas: thousands
 * separators (spaces, commas, apostrophes, underscores) are dropped; a comma followed by
 * one or two final digits is a decimal comma ("1 250 000,50"). Anything else is returned
 * trimmed, for the schema to refuse with a clear message.
 */
export function parseAmountInput(text: string): string {
  const trimmed = text.trim().replace(/[\s\u00a0\u202f'_]/g, "");
  if (/^-?\d{1,3}(\.\d{3})+,\d{1,2}$/.test(trimmed)) return trimmed.replace(/\./g, "").replace(",", ".");
  if (/^-?\d+,\d{1,2}$/.test(trimmed)) return trimmed.replace(",", ".");
  if (/^-?\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(trimmed)) return trimmed.replace(/,/g, "");
  return trimmed;
}
