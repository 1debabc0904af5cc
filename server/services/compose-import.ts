import "server-only";
import { isMap, parseDocument } from "yaml";
import type { z } from "zod";
import { hasHttpUi, kindFromImage } from "@/lib/services";
import { DomainError } from "../errors";
import type { ProposedServiceResponse } from "../openapi/schemas/services";

export const MAX_COMPOSE_BYTES = 1024 * 1024;

export type ProposedService = z.infer<typeof ProposedServiceResponse>;

const invalid = (message: string, path = "file") =>
  new DomainError("VALIDATION", message, { errors: [{ path, message }] });

/** The host port a compose `ports` entry publishes, if any ("8080:80", "127.0.0.1:8080:80/tcp", {published: 8080}). */
export function publishedPort(entry: unknown): number | null {
  if (typeof entry === "number") return null; // container port only: the host port is random
  if (typeof entry === "string") {
    const spec = entry.split("/")[0] ?? "";
    const parts = spec.split(":");
    if (parts.length < 2) return null;
    const host = parts[parts.length - 2] ?? "";
    const port = Number.parseInt(host.split("-")[0] ?? "", 10);
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
  }
  if (entry && typeof entry === "object" && "published" in entry) {
    const port = Number.parseInt(String((entry as { published: unknown }).published).split("-")[0] ?? "", 10);
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
  }
  return null;
}

/** The base the published ports hang off: http(s)://host, no path. */
export function parseBaseUrl(baseUrl: string | null | undefined): URL {
  try {
    const url = new URL(baseUrl ?? "");
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
    return url;
  } catch {
    throw invalid("Give the base address the services are published on, like http://ml-stack.example.com.", "baseUrl");
  }
}

/**
 * Read a docker-compose file into proposed service links. Refused with a clear message:
 * over 1 MB, invalid YAML (with the line), too many aliases (a bounded expansion, against
 * alias bombs), not a compose file, no services.
 */
export function readCompose(text: string, baseUrl: string | null | undefined): ProposedService[] {
  const base = parseBaseUrl(baseUrl);
  if (Buffer.byteLength(text) > MAX_COMPOSE_BYTES) throw invalid("The compose file is larger than 1 MB.");
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    const reason = error.message.split("\n")[0] ?? "invalid YAML";
    throw invalid(line ? `Invalid YAML at line ${line}: ${reason}` : `Invalid YAML: ${reason}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    throw invalid("The file expands too many YAML aliases to be read safely.");
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || !isMap(doc.contents))
    throw invalid("This is not a docker-compose file: it has no top-level services.");
  const services = (data as { services?: unknown }).services;
  if (services === undefined) throw invalid("This is not a docker-compose file: it has no top-level services.");
  if (!services || typeof services !== "object" || Array.isArray(services) || Object.keys(services).length === 0)
    throw invalid("The compose file has no services.");
  return Object.entries(services as Record<string, unknown>).map(([name, raw]) => {
    const service = (raw && typeof raw === "object" ? raw : {}) as { image?: unknown; ports?: unknown };
    const image = typeof service.image === "string" ? service.image : null;
    const ports = Array.isArray(service.ports) ? service.ports : [];
    const port = ports.map(publishedPort).find((p) => p != null) ?? null;
    const url = port == null ? null : `${base.protocol}//${base.hostname}:${port}/`;
    const kind = image ? kindFromImage(image) : "OTHER";
    return { name: name.slice(0, 100), image, kind, url, proposed: url != null && (image == null || hasHttpUi(image)) };
  });
}
