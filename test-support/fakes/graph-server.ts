// A local stand-in for Microsoft Graph, for the Entra ID groups-overage tests (Graph cannot run
// here). It answers exactly as Microsoft Graph's v1.0 reference documents
// `POST /v1.0/me/getMemberObjects` (directoryObject: getMemberObjects): the request carries the
// user's bearer token and `{"securityEnabledOnly": <bool>}`; the answer is
// `200 {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)",
// "value": ["<object id>", ...]}`, and errors use Graph's shape `{"error": {"code", "message"}}`
// (401 InvalidAuthenticationToken without a token).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type GraphRequest = { method?: string; url?: string; authorization?: string; body: string };
export type GraphServer = {
  url: string;
  requests: GraphRequest[];
  stop(): Promise<void>;
};

/**
 * `memberships(token)`: the object ids of the user the access token belongs to, or null for a
 * token Graph does not accept (401). `failWith`: a status to answer instead (e.g. 503).
 */
export async function startGraphServer(
  memberships: (token: string) => string[] | null,
  failWith: () => number | null = () => null,
): Promise<GraphServer> {
  const requests: GraphRequest[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
      const json = (status: number, payload: unknown) => {
        response.writeHead(status, { "content-type": "application/json;odata.metadata=minimal" });
        response.end(JSON.stringify(payload));
      };
      if (request.method !== "POST" || request.url !== "/v1.0/me/getMemberObjects")
        return json(400, { error: { code: "BadRequest", message: "Resource not found for the segment." } });
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      const ids = token ? memberships(token) : null;
      if (!ids)
        return json(401, {
          error: { code: "InvalidAuthenticationToken", message: "Access token validation failure." },
        });
      const failure = failWith();
      if (failure) return json(failure, { error: { code: "serviceNotAvailable", message: "Service unavailable." } });
      json(200, { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)", value: ids });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
