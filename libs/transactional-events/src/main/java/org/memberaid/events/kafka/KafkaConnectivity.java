package org.memberaid.events.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Watches whether the Kafka cluster answers. Kafka's own clients log every failed reconnect; this
 * logs one line when the broker goes away and one when it is back, and drives readiness.
 */
@Readiness
@ApplicationScoped
public class KafkaConnectivity implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaConnectivity.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    KafkaLoginConfig settings;

    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "kafka-connectivity"));
    private Admin admin;
    private volatile String problem = "not checked yet";
    private boolean checked;

    void onStart(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "connectivity-check");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        admin = Admin.create(config);
        checks.scheduleWithFixedDelay(this::check, 0, settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        checks.shutdownNow();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public HealthCheckResponse call() {
        String current = problem;
        var response = HealthCheckResponse.named("kafka").status(current == null)
                .withData("bootstrap.servers", String.valueOf(kafkaConfig.get("bootstrap.servers")));
        if (current != null) {
            response.withData("problem", current);
        }
        return response.build();
    }

    private void check() {
        String found;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4, TimeUnit.SECONDS);
            found = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            found = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        boolean firstCheck = !checked;
        String previous = problem;
        problem = found;
        checked = true;
        if (found != null && (firstCheck || previous == null)) {
            LOG.warnf("Kafka at %s is unreachable (%s); readiness is DOWN, events wait in the outbox or the topic",
                    kafkaConfig.get("bootstrap.servers"), found);
        } else if (found == null && !firstCheck && previous != null) {
            LOG.infof("Kafka at %s is reachable again", kafkaConfig.get("bootstrap.servers"));
        }
    }
}
