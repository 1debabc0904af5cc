"use client";
import Link from "next/link";
import type { ComponentProps } from "react";
import { type ButtonVariant, buttonClass } from "./button-class";
import { useHydrated } from "./use-hydrated";

/**
 * A button. A submit button stays disabled until the page is hydrated: before that a click
 * would submit the form natively and lose what was typed. `data-hydrating` marks that wait (the
 * end-to-end tests interact once no button carries it).
 */
export function Button({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  const hydrated = useHydrated();
  const waiting = props.type === "submit" && !hydrated;
  return (
    <button
      type="button"
      className={buttonClass(variant, className)}
      {...props}
      disabled={Boolean(props.disabled) || waiting}
      data-hydrating={waiting || undefined}
    />
  );
}

export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
