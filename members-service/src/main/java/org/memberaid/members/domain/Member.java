package org.memberaid.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.memberaid.database.TimeOrderedUuids;

/**
 * A party member on the registry. Its version is the {@code sequence} of the events it publishes.
 * The state changes below enforce the registry's rules; callers validate input before.
 */
@Entity
public class Member extends PanacheEntityBase {

    /** The rule a change dated before the member's registration breaks. */
    public static final String BEFORE_REGISTRATION = "before-registration";

    @Id
    public UUID id;

    @Column(name = "national_id", nullable = false, updatable = false)
    public String nationalId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Column(name = "birth_date", nullable = false, updatable = false)
    public LocalDate birthDate;

    public String ethnicity;
    public String phone;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    public String township;
    public String village;

    @Column(name = "party_branch")
    public String partyBranch;

    @Column(name = "joined_party_on")
    public LocalDate joinedPartyOn;

    @Enumerated(EnumType.STRING)
    public Education education;

    @Enumerated(EnumType.STRING)
    @Column(name = "labor_capacity")
    public LaborCapacity laborCapacity;

    @Column(name = "annual_income")
    public BigDecimal annualIncome;

    @Column(name = "notable_contribution", nullable = false)
    public boolean notableContribution;

    @Enumerated(EnumType.STRING)
    @Column(name = "hardship_status", nullable = false)
    public HardshipStatus hardshipStatus;

    @Convert(converter = HardshipCausesConverter.class)
    @Column(name = "hardship_causes", nullable = false)
    public Set<HardshipCause> hardshipCauses = EnumSet.noneOf(HardshipCause.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status", nullable = false)
    public RegistrationStatus registrationStatus;

    @Column(name = "registered_on", nullable = false, updatable = false)
    public LocalDate registeredOn;

    @Column(name = "deregistered_on")
    public LocalDate deregisteredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "deregistration_reason")
    public DeregistrationReason deregistrationReason;

    /** With {@link #accountHolder}, or neither: see {@link #payee()}. */
    @Column(name = "bank_account")
    public String bankAccount;

    @Column(name = "account_holder")
    public String accountHolder;

    @Version
    public Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Who is making the change being written (the token's subject), for its event's {@code actor};
     * not a column: the audit log and the events keep it.
     */
    @Transient
    public String changedBy;

    /** A new member, version 1 (its registered event's sequence), not yet written. */
    public static Member register(MemberDetails details, Instant now) {
        Member member = new Member();
        member.version = 1L;
        member.id = TimeOrderedUuids.next();
        member.nationalId = details.nationalId().value();
        member.birthDate = details.nationalId().birthDate();
        member.countyCode = details.countyCode();
        member.apply(details.profile());
        member.hardshipStatus = details.hardshipStatus();
        member.hardshipCauses = EnumSet.copyOf(withNone(details.hardshipCauses()));
        member.registrationStatus = RegistrationStatus.ACTIVE;
        member.registeredOn = details.registeredOn();
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    public void update(MemberProfile profile, Instant now) {
        requireActive();
        apply(profile);
        updatedAt = now;
    }

    /**
     * Records an assessment dated {@code assessedOn}; LIFTED_OUT is only reachable from IN_DIFFICULTY.
     */
    public void assessHardship(HardshipStatus status, Set<HardshipCause> causes, LocalDate assessedOn, Instant now) {
        requireActive();
        requireRegisteredBy(assessedOn, "An assessment");
        if (status == HardshipStatus.LIFTED_OUT && hardshipStatus != HardshipStatus.IN_DIFFICULTY) {
            throw new IllegalTransitionException("A member can be lifted out of difficulty only from IN_DIFFICULTY; "
                    + "this member is " + hardshipStatus);
        }
        hardshipStatus = status;
        hardshipCauses = EnumSet.copyOf(withNone(causes));
        updatedAt = now;
    }

    public String transfer(String toCountyCode, LocalDate effectiveOn, Instant now) {
        requireActive();
        requireRegisteredBy(effectiveOn, "A transfer");
        if (toCountyCode.equals(countyCode)) {
            throw new IllegalTransitionException("The member is already registered in county " + countyCode);
        }
        String from = countyCode;
        countyCode = toCountyCode;
        updatedAt = now;
        return from;
    }

    public void deregister(DeregistrationReason reason, LocalDate effectiveOn, Instant now) {
        requireActive();
        requireRegisteredBy(effectiveOn, "A deregistration");
        registrationStatus = reason.status();
        deregistrationReason = reason;
        deregisteredOn = effectiveOn;
        updatedAt = now;
    }

    /** The member's payee details, or null when the member has none. */
    public Payee payee() {
        return bankAccount == null ? null : new Payee(bankAccount, accountHolder);
    }

    private void apply(MemberProfile profile) {
        name = profile.name();
        gender = profile.gender();
        ethnicity = profile.ethnicity();
        phone = profile.phone();
        township = profile.township();
        village = profile.village();
        partyBranch = profile.partyBranch();
        joinedPartyOn = profile.joinedPartyOn();
        education = profile.education();
        laborCapacity = profile.laborCapacity();
        annualIncome = profile.annualIncome();
        notableContribution = profile.notableContribution();
        bankAccount = profile.payee() == null ? null : profile.payee().bankAccount();
        accountHolder = profile.payee() == null ? null : profile.payee().accountHolder();
    }

    private void requireActive() {
        if (registrationStatus != RegistrationStatus.ACTIVE) {
            throw new IllegalTransitionException("The member is deregistered (" + registrationStatus
                    + ") and can no longer be changed");
        }
    }

    /**
     * A change of the member takes effect on or after the day the member was registered: before it
     * the member was not on the registry, and the reports would count a member in difficulty in a
     * month in which the member is not counted at all.
     */
    private void requireRegisteredBy(LocalDate effectiveOn, String change) {
        if (effectiveOn.isBefore(registeredOn)) {
            throw new RuleViolationException(BEFORE_REGISTRATION, change + " dated " + effectiveOn
                    + " is before the member's registration on " + registeredOn);
        }
    }

    private static Set<HardshipCause> withNone(Set<HardshipCause> causes) {
        return causes.isEmpty() ? EnumSet.noneOf(HardshipCause.class) : causes;
    }
}
