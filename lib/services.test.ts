import { describe, expect, it } from "vitest";
import { hasHttpUi, imageName, kindFromImage, kindFromUrl } from "./services";

describe("service kinds", () => {
  it("come from the image, per the table", () => {
    const table: [string, string][] = [
      ["grafana/grafana:10.4.2", "GRAFANA"],
      ["grafana/grafana-oss", "GRAFANA"],
      ["docker.io/grafana/grafana@sha256:abc", "GRAFANA"],
      ["apache/superset:4.0.0", "SUPERSET"],
      ["apache/airflow:2.9.1-python3.11", "AIRFLOW"],
      ["jupyter/scipy-notebook", "JUPYTER"],
      ["quay.io/jupyter/datascience-notebook:2024-05-27", "JUPYTER"],
      ["jenkins/jenkins:lts", "JENKINS"],
      ["ghcr.io/mlflow/mlflow:v2.12.1", "MLFLOW"],
      ["gitea/gitea:1.21", "GIT"],
      ["gitlab/gitlab-ce:latest", "GIT"],
      ["postgres:16", "OTHER"],
      ["registry.example.com/team/churn-api:1.2", "OTHER"],
      ["notgrafana/grafana", "OTHER"],
    ];
    for (const [image, kind] of table) expect(kindFromImage(image), image).toBe(kind);
  });

  it("are guessed from a URL", () => {
    expect(kindFromUrl("https://grafana.example.com/d/abc")).toBe("GRAFANA");
    expect(kindFromUrl("https://gitlab.example.com/team/model")).toBe("GIT");
    expect(kindFromUrl("https://api.example.com/v1/models/churn:predict")).toBe("MODEL_API");
    expect(kindFromUrl("https://intranet.example.com/")).toBe("OTHER");
    expect(kindFromUrl("not a url")).toBe("OTHER");
  });

  it("know which images have no HTTP UI", () => {
    expect(imageName("docker.io/library/postgres:16-alpine")).toBe("docker.io/library/postgres");
    for (const image of ["postgres:16", "redis:7", "bitnami/kafka:3.7", "rabbitmq:3-management-alpine", "mysql"])
      expect(hasHttpUi(image), image).toBe(false);
    for (const image of ["grafana/grafana", "apache/airflow", "nginx"]) expect(hasHttpUi(image), image).toBe(true);
  });
});
