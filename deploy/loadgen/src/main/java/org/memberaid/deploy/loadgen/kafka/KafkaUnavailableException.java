package org.memberaid.deploy.loadgen.kafka;

/** Kafka could not tell what the scenario needs; the message says what was asked and why it failed. */
public class KafkaUnavailableException extends Exception {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
