package org.memberaid.members.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.hibernate.StaleStateException;
import org.memberaid.access.Caller;
import org.memberaid.access.RegionScope;
import org.memberaid.access.audit.AuditDraft;
import org.memberaid.members.domain.DeregistrationReason;
import org.memberaid.members.domain.DuplicateNationalIdException;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.HardshipCause;
import org.memberaid.members.domain.HardshipStatus;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.MemberDetails;
import org.memberaid.members.domain.MemberInput;
import org.memberaid.members.domain.MemberNotFoundException;
import org.memberaid.members.domain.MemberProfile;
import org.memberaid.members.domain.MemberRules;
import org.memberaid.members.domain.NationalId;
import org.memberaid.members.domain.Payee;
import org.memberaid.members.domain.VersionMismatchException;
import org.memberaid.members.events.MemberEvents;

/**
 * Every change to a member: each one validates first, then commits the member, its history and
 * exactly one event together, or nothing.
 */
@ApplicationScoped
public class MemberRegistry {

    @Inject
    MemberEvents events;

    @Inject
    RegistrationWriter registrations;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Regions regions;

    @Inject
    Caller caller;

    /**
     * Validates (throwing {@link InvalidInputException} at once), then hands the member to
     * {@link RegistrationWriter}, which commits it with its event (and, in difficulty, its first
     * assessment) together with the registrations that arrived at the same time; the answer
     * completes with that commit. The unique national ID, not a query before the insert, decides
     * duplicates: the answer fails with {@link DuplicateNationalIdException} naming the member
     * registered under it. Does not block (no query; regions are in memory).
     */
    public CompletionStage<Member> register(MemberInput input, RegionScope scope, AuditDraft audit) {
        MemberDetails details = MemberRules.registration(input, calendar.today(), calendar.programmeYears(),
                regions::isCounty);
        scope.requireCounty(details.countyCode());
        Member member = Member.register(details, calendar.now());
        member.changedBy = caller.subject();
        return registrations.register(member, audit).thenApply(committed -> member)
                .exceptionallyCompose(failure -> failure.getCause() instanceof DuplicateNationalIdException duplicate
                        && !scope.covers(duplicate.existingCountyCode())
                        ? CompletableFuture.failedStage(duplicate.anonymous())
                        : CompletableFuture.failedStage(failure));
    }

    /**
     * The member under {@code id}, if it lies inside {@code scope}: outside it, a member does not
     * exist for the caller.
     */
    public Optional<Member> find(UUID id, RegionScope scope) {
        return find(id).filter(member -> scope.covers(member.countyCode));
    }

    private Optional<Member> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Member.<Member>findByIdOptional(id));
    }

    public Member update(UUID id, long expectedVersion, MemberInput input, RegionScope scope) {
        return change(id, scope, expectedVersion, member -> {
            String nationalId = input.nationalId() == null ? null : input.nationalId().strip();
            if (nationalId != null && !nationalId.equals(member.nationalId)) {
                throw new InvalidInputException("nationalId", "cannot be changed");
            }
            String registeredOn = input.registeredOn() == null ? null : input.registeredOn().strip();
            if (registeredOn != null && !registeredOn.equals(member.registeredOn.toString())) {
                throw new InvalidInputException("registeredOn", "cannot be changed");
            }
            if (input.countyCode() != null && !input.countyCode().strip().equals(member.countyCode)) {
                throw new InvalidInputException("countyCode", "is changed by a transfer (POST /api/members/{id}/transfer)");
            }
            Payee payeeBefore = member.payee();
            MemberProfile profile = MemberRules.profile(input, NationalId.parse(member.nationalId), payeeBefore,
                    calendar.today());
            member.update(profile, calendar.now());
            Member.flush();
            events.updated(member, calendar.today(), !Objects.equals(payeeBefore, member.payee()));
        });
    }

    public HardshipAssessment assess(UUID id, Assessment assessment, RegionScope scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = load(id, scope);
            member.assessHardship(assessment.status(), assessment.causes(), assessment.assessedOn(), calendar.now());
            Member.flush();
            HardshipAssessment recorded = HardshipAssessment.of(member, assessment.assessedOn(), assessment.note(),
                    calendar.now());
            recorded.persist();
            events.hardshipAssessed(member, assessment.assessedOn());
            return recorded;
        });
    }

    public List<HardshipAssessment> assessments(UUID id, RegionScope scope) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            load(id, scope);
            return HardshipAssessment.historyOf(id);
        });
    }

    /** One assessment of a member inside {@code scope}; empty when either is unknown to the caller. */
    public Optional<HardshipAssessment> assessment(UUID id, UUID assessmentId, RegionScope scope) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            load(id, scope);
            return HardshipAssessment.ofMember(id, assessmentId);
        });
    }

    /** A transfer may send a member to any county; the member must be inside the caller's region. */
    public Member transfer(UUID id, String countyCode, LocalDate effectiveOn, RegionScope scope) {
        if (!regions.isCounty(countyCode)) {
            throw new InvalidInputException("countyCode", "is not a known county (see GET /api/regions)");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = load(id, scope);
            String from = member.transfer(countyCode, effectiveOn, calendar.now());
            Member.flush();
            events.transferred(member, effectiveOn, from);
            return member;
        });
    }

    public Member deregister(UUID id, DeregistrationReason reason, LocalDate effectiveOn, RegionScope scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Member member = load(id, scope);
            member.deregister(reason, effectiveOn, calendar.now());
            Member.flush();
            events.deregistered(member);
            return member;
        });
    }

    /** A validated hardship assessment. */
    public record Assessment(HardshipStatus status, Set<HardshipCause> causes,
            LocalDate assessedOn, String note) {
    }

    private Member change(UUID id, RegionScope scope, long expectedVersion, Consumer<Member> change) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Member member = load(id, scope);
                if (member.version != expectedVersion) {
                    throw new VersionMismatchException(member.version);
                }
                change.accept(member);
                return member;
            });
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class) || causedBy(e, StaleStateException.class)) {
                // Another change committed between our read and our write.
                throw new VersionMismatchException(find(id).map(m -> m.version).orElse(expectedVersion));
            }
            throw e;
        }
    }

    /** The member to change, if it lies inside {@code scope}; the change is the caller's. */
    private Member load(UUID id, RegionScope scope) {
        Member member = Member.<Member>findByIdOptional(id).filter(m -> scope.covers(m.countyCode))
                .orElseThrow(() -> new MemberNotFoundException(id));
        member.changedBy = caller.subject();
        return member;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
