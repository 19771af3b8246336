package io.ringlab.k8s;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates objects strictly against the Kubernetes API's own schema: the definitions of its OpenAPI document, and
 * the Prometheus Operator's CRD for PodMonitor (src/test/resources/schemas, see update.py there). Made strict as
 * kubeconform's schemas are (openapi2jsonschema --strict): an object with declared properties takes no other
 * property (the API server's strict field validation, kubectl's default), an int-or-string takes either, a
 * quantity a string or a number. Required fields and types are the documents' own.
 */
final class KubernetesSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SWAGGER = "/schemas/kubernetes-swagger.json";
    private static final String POD_MONITOR = "/schemas/podmonitor-crd-schema.json";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<String, Schema> byApiVersionAndKind = new HashMap<>();

    KubernetesSchemas() {
        ObjectNode swagger = (ObjectNode) read(SWAGGER);
        ObjectNode definitions = (ObjectNode) swagger.path("definitions");
        definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", anyOf("string", "integer"));
        definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity", anyOf("string", "number"));
        definitions.forEach(KubernetesSchemas::makeStrict);
        // only then the schemas: the registry reads the definitions as it makes a schema
        for (Map.Entry<String, JsonNode> definition : definitions.properties()) {
            for (JsonNode gvk : definition.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asString();
                String apiVersion = (group.isEmpty() ? "" : group + "/")
                        + gvk.path("version").asString();
                ObjectNode root = JSON.createObjectNode();
                root.put("$ref", "#/definitions/" + definition.getKey());
                root.set("definitions", definitions);
                add(apiVersion, gvk.path("kind").asString(), root);
            }
        }
        JsonNode podMonitor = read(POD_MONITOR).path("schema");
        makeStrict(podMonitor);
        add("monitoring.coreos.com/v1", "PodMonitor", podMonitor);
    }

    /** What is wrong with the object, one line each; empty when it is valid. */
    List<String> errors(JsonNode object) {
        String key =
                object.path("apiVersion").asString() + " " + object.path("kind").asString();
        Schema schema = byApiVersionAndKind.get(key);
        if (schema == null) {
            return List.of("no schema for " + key + " (add its kind to src/test/resources/schemas/update.py)");
        }
        return schema.validate(object).stream().map(KubernetesSchemas::describe).toList();
    }

    private void add(String apiVersion, String kind, JsonNode root) {
        String key = apiVersion + " " + kind;
        SchemaLocation location = SchemaLocation.of("https://schemas.ringlab.io/" + apiVersion + "/" + kind + ".json");
        byApiVersionAndKind.put(key, registry.getSchema(location, root));
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    /** Every object schema with declared properties and no word on others refuses others. */
    private static void makeStrict(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties")
                && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(KubernetesSchemas::makeStrict);
        makeStrict(object.path("items"));
        makeStrict(object.path("additionalProperties"));
        for (String combination : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combination).forEach(KubernetesSchemas::makeStrict);
        }
    }

    private static ObjectNode anyOf(String... types) {
        ObjectNode schema = JSON.createObjectNode();
        ArrayNode choices = schema.putArray("anyOf");
        for (String type : types) {
            choices.addObject().put("type", type);
        }
        return schema;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = KubernetesSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
