package org.memberaid.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's application.properties as its image runs it: the prod profile, with Quarkus' defaults
 * for what the file does not set, and the names the environment may set (SmallRye Config's mapping of
 * a property name to an environment variable: upper case, every other character an underscore).
 */
final class ServiceConfiguration {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");

    private final String service;
    private final Properties properties = new Properties();
    private final String text;

    ServiceConfiguration(String service) {
        this.service = service;
        Path file = Manifests.ROOT.resolve(service).resolve("src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            text = Files.readString(file);
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value in the prod profile: {@code %prod.name} if set, else {@code name}. */
    Optional<String> prod(String name) {
        return Optional.ofNullable(properties.getProperty("%prod." + name, properties.getProperty(name)));
    }

    String prod(String name, String quarkusDefault) {
        return prod(name).orElse(quarkusDefault);
    }

    int port(String name) {
        return Integer.parseInt(prod(name).orElseThrow(() -> new AssertionError(service + " sets no " + name)));
    }

    /** The path a SmallRye Health check answers on, on the management interface (its own root path). */
    String healthPath(String check, String defaultCheckPath) {
        String root = prod("quarkus.management.root-path", "/q");
        String health = prod("quarkus.smallrye-health.root-path", "health");
        String path = prod("quarkus.smallrye-health." + check + "-path", defaultCheckPath);
        return "/" + String.join("/", strip(root), strip(health), strip(path));
    }

    /**
     * Whether the environment variable sets something the service reads: a property of its file
     * (in any profile), a name one of its values refers to (${NAME}), or a Quarkus property its file
     * documents by the variable's name (QUARKUS_DATASOURCE_PASSWORD: "never this file").
     */
    boolean reads(String variable) {
        return configurationNames().stream().anyMatch(name -> environmentName(name).equals(variable))
                || documentedVariables().contains(variable);
    }

    /**
     * The names the prod profile needs from the environment: each ${name} without a default in a
     * value the prod profile uses, whose name has no value of its own in that profile and is not one
     * the build sets.
     */
    Set<String> requiredFromEnvironment() {
        Set<String> required = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = prod(key).orElse("");
            Matcher references = EXPRESSION.matcher(value);
            while (references.find()) {
                String name = references.group(1);
                // quarkus.application.* come from the build (the pom's artifactId and version)
                if (references.group(2) == null && prod(name).isEmpty() && !name.startsWith("quarkus.application.")) {
                    required.add(environmentName(name));
                }
            }
        }
        if (Boolean.parseBoolean(prod("memberaid.database.require-password", "false"))) {
            required.add("QUARKUS_DATASOURCE_PASSWORD");
        }
        return required;
    }

    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private Set<String> configurationNames() {
        Set<String> names = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
            Matcher references = EXPRESSION.matcher(properties.getProperty(key));
            while (references.find()) {
                names.add(references.group(1));
            }
        }
        return names;
    }

    private Set<String> documentedVariables() {
        Set<String> variables = new HashSet<>();
        text.lines().filter(line -> line.startsWith("#")).forEach(comment -> {
            Matcher matcher = DOCUMENTED_VARIABLE.matcher(comment);
            while (matcher.find()) {
                variables.add(matcher.group());
            }
        });
        return variables;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
