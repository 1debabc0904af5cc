import "server-only";
import type { ProbePolicy } from "../services/probe-policy";

// The seam between Roadbook and a model registry (docs/decisions/0011-registry-adapters.md).
// An adapter reads one registered model: its versions, where each alias points, and each
// version's source run and metrics. Roadbook never writes to a registry.

export type ModelVersionInfo = {
  version: string;
  /** READY, PENDING_REGISTRATION, FAILED_REGISTRATION (MLflow's words; other registries map to them). */
  status: string;
  runId: string | null;
  aliases: string[];
  /** The source run's metrics, latest value per key. */
  metrics: Record<string, number>;
  createdAt: string | null;
};

export type ModelSnapshot = {
  name: string;
  description: string;
  /** Newest first. */
  versions: ModelVersionInfo[];
  /** alias -> version, e.g. { champion: "7" }. */
  aliases: Record<string, string>;
};

/** How a connection is reached: its base URL, credentials (already decrypted) and TLS choice. */
export type RegistryTarget = {
  baseUrl: string;
  auth: { kind: "NONE" } | { kind: "BEARER"; token: string } | { kind: "BASIC"; username: string; password: string };
  verifyTls: boolean;
  policy: ProbePolicy;
  timeoutMs: number;
};

/** Why a read failed: the model is not there, the address is refused, or the registry did not answer well. */
export class RegistryError extends Error {
  constructor(
    readonly kind: "not-found" | "blocked" | "unreachable" | "refused",
    message: string,
  ) {
    super(message);
    this.name = "RegistryError";
  }
}

export interface RegistryAdapter {
  /** Everything Roadbook shows of one registered model; throws RegistryError. */
  readModel(target: RegistryTarget, modelName: string): Promise<ModelSnapshot>;
}
