// The notification digest: one email listing a user's new notifications, in plain text and
// simple HTML. Every value is escaped in the HTML; every link is absolute to the public URL.

export type DigestItem = { title: string; href: string; createdAt: Date };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** An in-app path made absolute to the public URL; anything but a same-site path points to the notifications page. */
export function absoluteLink(href: string, publicUrl: string): string {
  const path = href.startsWith("/") && !href.startsWith("//") && !href.includes("\\") ? href : "/notifications";
  return `${publicUrl}${path}`;
}

/** Titles are one line in the email, whatever they hold. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, " ").trim();
}

export function digestSubject(count: number): string {
  return `${count} ${count === 1 ? "update" : "updates"} in Roadbook`;
}

export function digestEmail(
  recipient: { name: string },
  items: readonly DigestItem[],
  publicUrl: string,
): { subject: string; text: string; html: string } {
  const subject = digestSubject(items.length);
  const all = `${publicUrl}/notifications`;
  const lines = items.map((item) => ({ title: oneLine(item.title), link: absoluteLink(item.href, publicUrl) }));
  const greeting = `Hello ${oneLine(recipient.name)},`;
  const intro = "Here is what happened in Roadbook:";
  const footer =
    "You get these emails because email notifications are on for your Roadbook account. They come at most every few minutes, grouped.";

  const text = [
    greeting,
    "",
    intro,
    "",
    ...lines.flatMap((line) => [`- ${line.title}`, `  ${line.link}`]),
    "",
    `All your notifications: ${all}`,
    "",
    "--",
    footer,
    "",
  ].join("\n");

  const html = `<!doctype html>
<html lang="en">
<body style="font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #0f172a; line-height: 1.5;">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<ul>
${lines.map((line) => `<li><a href="${escapeHtml(line.link)}">${escapeHtml(line.title)}</a></li>`).join("\n")}
</ul>
<p><a href="${escapeHtml(all)}">All your notifications</a></p>
<p style="color: #64748b; font-size: 12px;">${escapeHtml(footer)}</p>
</body>
</html>
`;
  return { subject, text, html };
}
