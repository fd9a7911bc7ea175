package org.memberaid.deploy.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes' own kinds, read into fabric8's model of the Kubernetes API (the kubernetes-model
 * version of the Quarkus BOM). A value of the wrong type fails the reading; a field the API does not
 * have lands in the model's additionalProperties, which this walk reports with its path. Only the
 * kinds listed here are accepted: a new kind in the manifests is added here on purpose.
 */
final class BuiltInKinds {

    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1 Namespace", Namespace.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "v1 ServiceAccount", ServiceAccount.class,
            "apps/v1 Deployment", Deployment.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class);

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The errors of the object against the Kubernetes API, or empty when the kind is not a built-in one. */
    Optional<List<String>> validate(JsonNode object) {
        Class<?> type = KINDS.get(object.path("apiVersion").asText() + " " + object.path("kind").asText());
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(check(object, type));
    }

    /** The object's metadata against the API's ObjectMeta: custom resources have the same. */
    List<String> validateMetadata(JsonNode object) {
        return check(object.path("metadata"), ObjectMeta.class).stream().map(error -> "metadata" + error).toList();
    }

    private List<String> check(JsonNode node, Class<?> type) {
        Object model;
        try {
            model = json.treeToValue(node, type);
        } catch (Exception e) {
            return List.of(": not a valid " + type.getSimpleName() + ": " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        unknownFields(model, "", errors);
        return errors;
    }

    private static void unknownFields(Object value, String path, List<String> errors) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", errors);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> unknownFields(item, path + "." + key, errors));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    errors.add(path + ": fields the Kubernetes API does not have: " + unknown.keySet());
                }
            } else {
                String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(field, path + "." + property, errors);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
