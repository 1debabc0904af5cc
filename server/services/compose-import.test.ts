import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { publishedPort, readCompose } from "./compose-import";

const ARTICLE_STACK = `
services:
  grafana:
    image: grafana/grafana:10.4.2
    ports: ["3000:3000"]
  superset:
    image: apache/superset:4.0.0
    ports:
      - "8088:8088"
  airflow-webserver:
    image: apache/airflow:2.9.1
    ports:
      - target: 8080
        published: 8081
  jupyter:
    image: quay.io/jupyter/scipy-notebook
    ports: ["127.0.0.1:8888:8888/tcp"]
  jenkins:
    image: jenkins/jenkins:lts
    ports: ["8090:8080", "50000:50000"]
  postgres:
    image: postgres:16
    ports: ["5432:5432"]
  worker:
    image: registry.example.com/churn-worker:1.0
`;

const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("docker-compose import", () => {
  it("proposes one link per service, with kind, URL from the published port, and databases unticked", () => {
    const services = readCompose(ARTICLE_STACK, "http://ml-stack.example.com");
    expect(services).toEqual([
      {
        name: "grafana",
        image: "grafana/grafana:10.4.2",
        kind: "GRAFANA",
        url: "http://ml-stack.example.com:3000/",
        proposed: true,
      },
      {
        name: "superset",
        image: "apache/superset:4.0.0",
        kind: "SUPERSET",
        url: "http://ml-stack.example.com:8088/",
        proposed: true,
      },
      {
        name: "airflow-webserver",
        image: "apache/airflow:2.9.1",
        kind: "AIRFLOW",
        url: "http://ml-stack.example.com:8081/",
        proposed: true,
      },
      {
        name: "jupyter",
        image: "quay.io/jupyter/scipy-notebook",
        kind: "JUPYTER",
        url: "http://ml-stack.example.com:8888/",
        proposed: true,
      },
      {
        name: "jenkins",
        image: "jenkins/jenkins:lts",
        kind: "JENKINS",
        url: "http://ml-stack.example.com:8090/",
        proposed: true,
      },
      {
        name: "postgres",
        image: "postgres:16",
        kind: "OTHER",
        url: "http://ml-stack.example.com:5432/",
        proposed: false,
      },
      { name: "worker", image: "registry.example.com/churn-worker:1.0", kind: "OTHER", url: null, proposed: false },
    ]);
  });

  it("reads every port syntax", () => {
    expect(publishedPort("8080:80")).toBe(8080);
    expect(publishedPort("127.0.0.1:9000:9000/udp")).toBe(9000);
    expect(publishedPort("3000-3005:3000-3005")).toBe(3000);
    expect(publishedPort("80")).toBeNull();
    expect(publishedPort(80)).toBeNull();
    expect(publishedPort({ target: 80, published: "8080" })).toBe(8080);
    expect(publishedPort({ target: 80 })).toBeNull();
  });

  it("refuses bad files with a clear message", () => {
    expect(message(() => readCompose("services:\n  a: [\n", "http://h"))).toMatch(/^Invalid YAML at line \d+/);
    expect(message(() => readCompose("just: text\n", "http://h"))).toMatch(/not a docker-compose file/);
    expect(message(() => readCompose("- a\n- b\n", "http://h"))).toMatch(/not a docker-compose file/);
    expect(message(() => readCompose("services: {}\n", "http://h"))).toBe("The compose file has no services.");
    expect(message(() => readCompose(`x: "${"a".repeat(1024 * 1024)}"`, "http://h"))).toBe(
      "The compose file is larger than 1 MB.",
    );
    expect(message(() => readCompose("services: {a: {image: x}}", "ftp://h"))).toMatch(/base address/);
    // A "billion laughs" alias bomb: expansion is bounded.
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const next = String.fromCharCode(98 + i);
        return `${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
      "services: {s: {image: x, labels: *i}}",
    ].join("\n");
    expect(message(() => readCompose(bomb, "http://h"))).toMatch(/too many YAML aliases/);
  });
});
