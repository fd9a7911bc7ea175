package org.memberaid.members.domain;

/** The client changed a member it read at another version (answered 412 with the current one). */
public class VersionMismatchException extends RuntimeException {

    private final long currentVersion;

    public VersionMismatchException(long currentVersion) {
        super("The member has changed since it was read; it is now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
