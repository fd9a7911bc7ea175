package org.memberaid.deploy.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The classpath of the broker JVM, written by maven-dependency-plugin at build time into a resource
 * of this module. It points into the local Maven repository, so it is only valid on the machine
 * that built the module.
 */
final class BrokerClasspath {

    private static final String RESOURCE = "broker.classpath";

    private BrokerClasspath() {
    }

    static String load() {
        String classpath = readResource().trim();
        Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry)))
                .findFirst()
                .ifPresent(missing -> {
                    throw new IllegalStateException("The Kafka broker classpath names " + missing
                            + ", which does not exist; rebuild deploy/kafka-broker (mvn install)");
                });
        return classpath;
    }

    private static String readResource() {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " not found next to "
                        + BrokerClasspath.class.getName() + "; build deploy/kafka-broker with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + RESOURCE, e);
        }
    }
}
