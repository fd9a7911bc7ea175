package org.memberaid.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The manifests as Kubernetes would receive them: each overlay rendered once by {@code kubectl kustomize}
 * (or a standalone {@code kustomize build}), parsed into one JSON tree per object.
 */
final class Manifests {

    static final List<String> OVERLAYS = List.of("local", "production");
    static final List<String> SERVICES = List.of("members-service", "relief-service", "reporting-service");
    static final ObjectMapper YAML = new YAMLMapper();

    /** deploy/kubernetes: the tests run in the module's directory. */
    static final Path HERE = Path.of("").toAbsolutePath();
    static final Path ROOT = HERE.resolve("../..").normalize();

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static List<JsonNode> of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    static Stream<JsonNode> ofKind(String overlay, String kind) {
        return of(overlay).stream().filter(object -> object.path("kind").asText().equals(kind));
    }

    static JsonNode named(String overlay, String kind, String name) {
        return ofKind(overlay, kind).filter(object -> name(object).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " named " + name));
    }

    /** A ConfigMap by the name a Deployment gives, which carries Kustomize's hash suffix. */
    static Optional<JsonNode> configMap(String overlay, String name) {
        return ofKind(overlay, "ConfigMap").filter(object -> name(object).equals(name)).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static List<JsonNode> render(String overlay) {
        Path directory = HERE.resolve("overlays").resolve(overlay);
        String yaml = run(renderCommand(directory));
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(new YAMLFactory().createParser(yaml))) {
            List<JsonNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && !object.isMissingNode() && !object.isNull()) {
                    objects.add(object);
                }
            }
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse what Kustomize rendered for " + overlay, e);
        }
    }

    private static List<String> renderCommand(Path directory) {
        if (onPath("kubectl")) {
            return List.of("kubectl", "kustomize", directory.toString());
        }
        if (onPath("kustomize")) {
            return List.of("kustomize", "build", directory.toString());
        }
        throw new AssertionError("""
                Neither kubectl nor kustomize is on the PATH: the manifests cannot be rendered.
                Install kubectl 1.27 or newer (it embeds Kustomize 5), see deploy/kubernetes/README.md.""");
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    private static String run(List<String> command) {
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " took more than 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(errors)
                            + "\nThe overlays need Kustomize 5: kubectl 1.27 or newer (Debian 12's kubernetes-client,"
                            + " kubectl 1.20 with Kustomize 2, cannot render them). See deploy/kubernetes/README.md.");
                }
                return out;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering", e);
        }
    }
}
