package org.memberaid.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.memberaid.members.domain.DuplicateNationalIdException;
import org.memberaid.members.domain.Member;
import org.memberaid.members.events.MemberEvents;

/** Registers members: the member row and its event are committed together or not at all. */
@ApplicationScoped
public class MemberRegistry {

    private static final String NATIONAL_ID_UNIQUE = "member_national_id_unique";

    @Inject
    MemberEvents events;

    @Inject
    Clock clock;

    public Member register(String nationalId, String name, String countyCode) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Member.findByNationalId(nationalId).ifPresent(existing -> {
                    throw new DuplicateNationalIdException(existing.id);
                });
                Member member = Member.register(nationalId, name, countyCode, Instant.now(clock));
                member.persistAndFlush();
                events.registered(member);
                return member;
            });
        } catch (RuntimeException e) {
            // Two registrations of one ID raced past the check; the unique constraint decided.
            if (isNationalIdConflict(e)) {
                throw new DuplicateNationalIdException(findIdByNationalId(nationalId).orElse(null));
            }
            throw e;
        }
    }

    public Optional<Member> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Member.<Member>findByIdOptional(id));
    }

    private static Optional<UUID> findIdByNationalId(String nationalId) {
        return QuarkusTransaction.requiringNew().call(() -> Member.findByNationalId(nationalId).map(m -> m.id));
    }

    private static boolean isNationalIdConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && NATIONAL_ID_UNIQUE.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
