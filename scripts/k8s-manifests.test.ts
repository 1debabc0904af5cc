import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  type Deployment,
  deploymentSchema,
  type Job,
  jobSchema,
  kustomizationSchema,
  serviceSchema,
} from "./lib/k8s-manifest-schema";

// deploy/k8s, checked offline: each object against a strict schema of the Kubernetes
// API fields it uses (scripts/lib/k8s-manifest-schema.ts), then what the deployment must
// guarantee: 2 replicas, readiness on /api/health, uid 10001, a read-only root filesystem with
// only .next/cache (and /tmp) writable, a Service that reaches the pods, a migration Job.

const dir = path.resolve("deploy/k8s");
function load(file: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(path.join(dir, file), "utf8"));
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((doc) => doc.toJS());
}
const kustomization = kustomizationSchema.parse(load("kustomization.yaml")[0]);
const objects = kustomization.resources.flatMap(load);
const byKind = (kind: string) => objects.filter((o) => (o as { kind?: string }).kind === kind);

describe("deploy/k8s", () => {
  it("lists in the kustomization only files that exist, each a Deployment, Service or Job", () => {
    expect(objects.length).toBe(3);
    expect(byKind("Deployment")).toHaveLength(1);
    expect(byKind("Service")).toHaveLength(1);
    expect(byKind("Job")).toHaveLength(1);
  });

  it("matches the schema, which rejects unknown or misspelt fields", () => {
    const deployment = byKind("Deployment")[0];
    expect(deploymentSchema.safeParse(deployment).error).toBeUndefined();
    expect(serviceSchema.safeParse(byKind("Service")[0]).error).toBeUndefined();
    expect(jobSchema.safeParse(byKind("Job")[0]).error).toBeUndefined();
    // The schema can fail: a typo in a probe's name, a string replica count.
    const typo = structuredClone(deployment) as Deployment;
    const first = typo.spec.template.spec.containers[0] as Record<string, unknown>;
    first.readinesProbe = first.readinessProbe;
    delete first.readinessProbe;
    expect(deploymentSchema.safeParse(typo).success).toBe(false);
    expect(deploymentSchema.safeParse({ ...(deployment as object), spec: { replicas: "2" } }).success).toBe(false);
  });

  const deployment = deploymentSchema.parse(byKind("Deployment")[0]);
  const pod = deployment.spec.template.spec;
  const web = pod.containers[0];

  it("runs two replicas, ready when /api/health answers on the container's port", () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(web?.readinessProbe?.httpGet.path).toBe("/api/health");
    const port = web?.ports?.find(
      (p) => p.name === web.readinessProbe?.httpGet.port || p.containerPort === web.readinessProbe?.httpGet.port,
    );
    expect(port?.containerPort).toBe(3000);
  });

  it("runs as uid 10001, non-root, on a read-only root filesystem with emptyDirs for .next/cache and /tmp", () => {
    for (const spec of [
      pod,
      jobSchema.parse(byKind("Job")[0]).spec.template.spec,
    ] as Job["spec"]["template"]["spec"][]) {
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
      for (const container of spec.containers)
        expect(container.securityContext).toMatchObject({
          runAsNonRoot: true,
          runAsUser: 10001,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"] },
        });
      const emptyDirs = new Set((spec.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
      for (const mount of spec.containers.flatMap((c) => c.volumeMounts ?? [])) expect(emptyDirs).toContain(mount.name);
    }
    expect(web?.volumeMounts?.map((m) => m.mountPath).sort()).toEqual(["/app/.next/cache", "/tmp"]);
  });

  it("gives the app its database URL and secrets from one Secret, the same on every replica", () => {
    const env = Object.fromEntries((web?.env ?? []).map((e) => [e.name, e]));
    for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"])
      expect(env[key]).toMatchObject({ valueFrom: { secretKeyRef: { name: "roadbook", key } } });
  });

  it("has a Service whose selector picks the Deployment's pods and whose target is a named container port", () => {
    const service = serviceSchema.parse(byKind("Service")[0]);
    expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    const names = (web?.ports ?? []).map((p) => p.name);
    for (const port of service.spec.ports) expect(names).toContain(port.targetPort);
  });

  it("has a migration Job on the same image that runs prisma migrate deploy once and never restarts in place", () => {
    const job = jobSchema.parse(byKind("Job")[0]);
    const migrate = job.spec.template.spec.containers[0];
    expect(migrate?.image).toBe(web?.image);
    expect(job.spec.template.spec.restartPolicy).toBe("Never");
    expect([...(migrate?.command ?? []), ...(migrate?.args ?? [])].join(" ")).toContain(
      "node node_modules/prisma/build/index.js migrate deploy",
    );
    // The Job's labels do not match the Service's selector: the Service never routes to it.
    expect(job.spec.template.metadata.labels["app.kubernetes.io/component"]).not.toBe(
      deployment.spec.template.metadata.labels["app.kubernetes.io/component"],
    );
  });
});
