// A strict, offline schema of the Kubernetes objects in deploy/k8s: the fields they use, with the
// types and enums of the Kubernetes API (apps/v1 Deployment, v1 Service, batch/v1 Job,
// kustomize's Kustomization). Strict objects reject any field not listed, so a misspelt key
// (`readinesProbe`, `runAsuser`) fails instead of being silently ignored by kubectl's lenient
// client side. It covers the subset these manifests use, not the whole API: a field added to
// the manifests must be added here, with its API type.
import { z } from "zod";

const name = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a DNS-1123 label");
const labels = z.record(z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9._-]{1,63}$/), z.string().max(63));
const metadata = z.strictObject({ name, labels: labels.optional() });
const quantity = z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti)?$/, "a Kubernetes quantity");
const portRef = z.union([z.number().int().min(1).max(65535), name]);

const secretKeyRef = z.strictObject({ name, key: z.string().min(1), optional: z.boolean().optional() });
const envVar = z.union([
  z.strictObject({ name: z.string().min(1), value: z.string() }),
  z.strictObject({ name: z.string().min(1), valueFrom: z.strictObject({ secretKeyRef }) }),
]);
const probe = z.strictObject({
  httpGet: z.strictObject({ path: z.string().startsWith("/"), port: portRef }),
  initialDelaySeconds: z.number().int().min(0).optional(),
  periodSeconds: z.number().int().min(1).optional(),
  timeoutSeconds: z.number().int().min(1).optional(),
  failureThreshold: z.number().int().min(1).optional(),
});
const containerSecurityContext = z.strictObject({
  allowPrivilegeEscalation: z.boolean(),
  readOnlyRootFilesystem: z.boolean(),
  runAsNonRoot: z.boolean(),
  runAsUser: z.number().int().min(0),
  runAsGroup: z.number().int().min(0),
  capabilities: z.strictObject({ drop: z.array(z.string()) }),
});
const container = z.strictObject({
  name,
  image: z.string().min(1),
  imagePullPolicy: z.enum(["Always", "IfNotPresent", "Never"]).optional(),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  ports: z.array(z.strictObject({ name: name.max(15), containerPort: z.number().int().min(1).max(65535) })).optional(),
  env: z.array(envVar).optional(),
  readinessProbe: probe.optional(),
  livenessProbe: probe.optional(),
  resources: z.strictObject({
    requests: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
    limits: z.strictObject({ cpu: quantity.optional(), memory: quantity.optional() }).optional(),
  }),
  securityContext: containerSecurityContext,
  volumeMounts: z.array(z.strictObject({ name, mountPath: z.string().startsWith("/") })).optional(),
});
const podSpec = z.strictObject({
  restartPolicy: z.enum(["Always", "OnFailure", "Never"]).optional(),
  automountServiceAccountToken: z.boolean().optional(),
  securityContext: z.strictObject({
    runAsNonRoot: z.boolean(),
    runAsUser: z.number().int().min(0),
    runAsGroup: z.number().int().min(0),
    fsGroup: z.number().int().min(0).optional(),
    seccompProfile: z.strictObject({ type: z.enum(["RuntimeDefault", "Localhost", "Unconfined"]) }),
  }),
  containers: z.array(container).min(1),
  volumes: z.array(z.strictObject({ name, emptyDir: z.strictObject({ sizeLimit: quantity.optional() }) })).optional(),
});
const podTemplate = z.strictObject({ metadata: z.strictObject({ labels }), spec: podSpec });

export const deploymentSchema = z.strictObject({
  apiVersion: z.literal("apps/v1"),
  kind: z.literal("Deployment"),
  metadata,
  spec: z.strictObject({
    replicas: z.number().int().min(0),
    selector: z.strictObject({ matchLabels: labels }),
    strategy: z
      .strictObject({
        type: z.enum(["RollingUpdate", "Recreate"]),
        rollingUpdate: z
          .strictObject({
            maxUnavailable: z.union([z.number(), z.string()]),
            maxSurge: z.union([z.number(), z.string()]),
          })
          .optional(),
      })
      .optional(),
    template: podTemplate,
  }),
});

export const serviceSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("Service"),
  metadata,
  spec: z.strictObject({
    type: z.enum(["ClusterIP", "NodePort", "LoadBalancer"]),
    selector: labels,
    ports: z.array(z.strictObject({ name, port: z.number().int().min(1).max(65535), targetPort: portRef })).min(1),
  }),
});

export const jobSchema = z.strictObject({
  apiVersion: z.literal("batch/v1"),
  kind: z.literal("Job"),
  metadata,
  spec: z.strictObject({
    backoffLimit: z.number().int().min(0),
    activeDeadlineSeconds: z.number().int().min(1).optional(),
    ttlSecondsAfterFinished: z.number().int().min(0).optional(),
    template: podTemplate.extend({ spec: podSpec.extend({ restartPolicy: z.enum(["OnFailure", "Never"]) }) }),
  }),
});

export const kustomizationSchema = z.strictObject({
  apiVersion: z.literal("kustomize.config.k8s.io/v1beta1"),
  kind: z.literal("Kustomization"),
  labels: z.array(z.strictObject({ pairs: labels })).optional(),
  resources: z.array(z.string().endsWith(".yaml")).min(1),
  images: z.array(z.strictObject({ name: z.string(), newName: z.string(), newTag: z.string() })).optional(),
});

export type Deployment = z.infer<typeof deploymentSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Job = z.infer<typeof jobSchema>;
