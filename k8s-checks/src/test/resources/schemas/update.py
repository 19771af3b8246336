#!/usr/bin/env python3
"""Writes the schemas k8s-checks validates against, from the official sources, kept as they are:
   - kubernetes-swagger.json: the definitions of the Kubernetes API's OpenAPI (v2) document
     (kubernetes/kubernetes, api/openapi-spec/swagger.json of a release branch) that the kinds below use,
     with their descriptions left out (nothing else is changed);
   - podmonitor-crd-schema.json: the openAPIV3Schema of the PodMonitor CRD of the Prometheus Operator
     (example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml), descriptions left out.
The test makes them strict when it loads them (KubernetesSchemas).

  k8s-checks/schemas/update.py SWAGGER_JSON PODMONITOR_CRD_YAML VERSION_NOTE
"""
import json
import sys

import yaml  # python3-yaml

KINDS = [  # group/version/kind of every object k8s/ may contain
    ("", "v1", "Namespace"), ("", "v1", "ConfigMap"), ("", "v1", "Secret"), ("", "v1", "Service"),
    ("apps", "v1", "Deployment"), ("apps", "v1", "StatefulSet"), ("policy", "v1", "PodDisruptionBudget"),
    ("networking.k8s.io", "v1", "NetworkPolicy"), ("networking.k8s.io", "v1", "Ingress"),
]


def strip_descriptions(node):
    if isinstance(node, dict):
        return {k: strip_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip_descriptions(v) for v in node]
    return node


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                yield v.rsplit("/", 1)[1]
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def main(swagger_path, crd_path, note):
    definitions = json.load(open(swagger_path))["definitions"]
    roots = [name for name, d in definitions.items()
             if any((g["group"], g["version"], g["kind"]) in KINDS for g in d.get("x-kubernetes-group-version-kind", []))]
    missing = set(KINDS) - {(g["group"], g["version"], g["kind"]) for r in roots
                            for g in definitions[r]["x-kubernetes-group-version-kind"]}
    if missing:
        sys.exit(f"not in {swagger_path}: {sorted(missing)}")
    keep, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo.extend(refs(definitions[name]))
    out = {"source": note, "definitions": {n: strip_descriptions(definitions[n]) for n in sorted(keep)}}
    with open("kubernetes-swagger.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")

    crd = yaml.safe_load(open(crd_path))
    version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1")
    schema = {"source": crd["metadata"]["annotations"].get("operator.prometheus.io/version", "?"),
              "schema": strip_descriptions(version["schema"]["openAPIV3Schema"])}
    with open("podmonitor-crd-schema.json", "w") as f:
        json.dump(schema, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(keep)} definitions for {len(roots)} kinds; PodMonitor schema of operator {schema['source']}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
