package org.memberaid.deploy.loadgen.system;

/** The system did something the test does not accept; the message says what. */
final class SystemTestFailure extends Exception {

    SystemTestFailure(String message) {
        super(message);
    }
}
