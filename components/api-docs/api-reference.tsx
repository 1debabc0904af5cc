"use client";
// Scalar's API reference (a large Vue bundle): loaded only on /api-docs, through
// ./api-reference-loader.tsx (next/dynamic, no server rendering). Configured to work offline:
// no web fonts, no proxy, no telemetry, no AI agent or MCP, no hosted-client or SDK links.
// First: Scalar parses with the app's zod, which must not probe eval under the CSP.
import "@/lib/validation/no-eval";
import { type AnyApiReferenceConfiguration, ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

const CONFIGURATION: AnyApiReferenceConfiguration = {
  url: "/api/v1/openapi.json",
  layout: "modern",
  theme: "default",
  forceDarkModeState: "light",
  hideDarkModeToggle: true,
  // Offline: the fonts would come from fonts.scalar.com; the app's own system fonts are used instead.
  withDefaultFonts: false,
  // Requests from "Test Request" go to this origin (servers: "/"), never through Scalar's proxy.
  proxyUrl: undefined,
  telemetry: false,
  // The agent (AI chat) and the "Generate SDK"/explore features call scalar.com services.
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  // "Open API client" opens Scalar's full client app; "Test Request" per operation is enough.
  hideClientButton: true,
  documentDownloadType: "json",
  persistAuth: false,
  authentication: { preferredSecurityScheme: "bearerAuth" },
  defaultOpenFirstTag: true,
  orderSchemaPropertiesBy: "preserve",
  schemaKeyboardNav: true,
};

export default function ApiReference() {
  return <ApiReferenceReact configuration={CONFIGURATION} />;
}
