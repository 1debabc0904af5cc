"use client";
import { useLocale } from "@/components/locale-context";
import { formatDateTime, formatDay, formatFullDateTime, formatRelative } from "@/lib/dates";

/**
 * A date in the user's locale, as a <time>, with the full date and time in its tooltip.
 * `relative`: "3 days ago" (the tooltip then gives the absolute date).
 */
export function LocalDate({
  value,
  time = false,
  relative = false,
}: {
  value: string;
  time?: boolean;
  relative?: boolean;
}) {
  const locale = useLocale();
  const text = relative
    ? formatRelative(value, new Date(), locale)
    : time
      ? formatDateTime(value, locale)
      : formatDay(value, locale);
  return (
    // A relative date may read a minute apart on the server and in the browser.
    <time dateTime={value} title={formatFullDateTime(value, locale)} suppressHydrationWarning={relative}>
      {text}
    </time>
  );
}
