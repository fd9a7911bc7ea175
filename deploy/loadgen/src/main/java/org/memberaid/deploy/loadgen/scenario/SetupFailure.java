package org.memberaid.deploy.loadgen.scenario;

/** The system is not ready for a run, or answered unexpectedly; the message says what answered what. */
final class SetupFailure extends Exception {

    SetupFailure(String message) {
        super(message);
    }
}
