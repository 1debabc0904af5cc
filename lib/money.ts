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

/** 125000050n -> "1250000.50" */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** Canonical two-decimal form of an amount string. */
export function normalizeMoney(value: string): string {
  return fromCents(toCents(value));
}

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** Compact display: "€1.3M", "$850k". Display only; figures stay strings elsewhere. */
export function formatMoneyShort(value: string | null | undefined, currency: string): string {
  if (value == null || value === "") return "—";
  const cents = toCents(value.startsWith("-") ? value.slice(1) : value);
  const sign = value.startsWith("-") ? "-" : "";
  const symbol = currencySymbol(currency);
  const units = cents / 100n;
  if (units >= 1_000_000n) {
    const tenths = (cents + 5_000_000n) / 10_000_000n; // millions with one decimal, rounded
    return `${sign}${symbol}${tenths / 10n}.${tenths % 10n}M`;
  }
  if (units >= 1_000n) {
    const thousands = (cents + 50_000n) / 100_000n;
    return `${sign}${symbol}${thousands}k`;
  }
  return `${sign}${symbol}${units}`;
}

/** Full display with thousands separators: "€1,250,000". */
export function formatMoney(value: string | null | undefined, currency: string): string {
  if (value == null || value === "") return "—";
  const [whole = "0", fraction = "00"] = normalizeMoney(value).split(".");
  const cents = fraction === "00" ? "" : `.${fraction}`;
  return `${currencySymbol(currency)}${whole.replace(GROUP, ",")}${cents}`;
}

function currencySymbol(currency: string): string {
  switch (currency) {
    case "EUR":
      return "€";
    case "USD":
      return "$";
    case "GBP":
      return "£";
    default:
      return `${currency} `;
  }
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
