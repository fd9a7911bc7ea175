package org.memberaid.relief.domain;

/** If-Match named another version than the current one (answered 412). */
public class VersionMismatchException extends RuntimeException {

    private final long currentVersion;

    public VersionMismatchException(long currentVersion) {
        super("The resource has changed since it was read; it is now at version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
