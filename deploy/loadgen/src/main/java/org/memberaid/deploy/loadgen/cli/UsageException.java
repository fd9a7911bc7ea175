package org.memberaid.deploy.loadgen.cli;

/** The command line cannot be understood; the message says why, the usage text is printed after it. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
