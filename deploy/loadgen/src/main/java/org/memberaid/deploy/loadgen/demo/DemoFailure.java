package org.memberaid.deploy.loadgen.demo;

/** The demo could not be loaded or checked; the message says what answered what. */
public final class DemoFailure extends Exception {

    public DemoFailure(String message) {
        super(message);
    }
}
