package org.memberaid.events.inbox;

import java.time.Duration;

/**
 * How long a consumer that died waits before it is started again: the first wait, doubled after
 * each death up to the longest. A consumer that ran at least the longest wait before dying was
 * healthy meanwhile, so its next restart comes after the first wait again.
 */
final class RestartBackoff {

    private final Duration first;
    private final Duration longest;
    private Duration next;

    RestartBackoff(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("Restart waits must be positive, the longest at least the first: "
                    + first + ", " + longest);
        }
        this.first = first;
        this.longest = longest;
        this.next = first;
    }

    /** The wait before the restart of a consumer that died after running for {@code ran}. */
    synchronized Duration after(Duration ran) {
        if (ran.compareTo(longest) >= 0) {
            next = first;
        }
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return wait;
    }
}
