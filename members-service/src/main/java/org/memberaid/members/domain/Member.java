package org.memberaid.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A party member on the registry. Its version is the {@code sequence} of the events it publishes. */
@Entity
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "national_id", nullable = false, updatable = false)
    public String nationalId;

    @Column(nullable = false)
    public String name;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status", nullable = false)
    public RegistrationStatus registrationStatus;

    @Version
    public Long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Member register(String nationalId, String name, String countyCode, Instant now) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.nationalId = nationalId;
        member.name = name;
        member.countyCode = countyCode;
        member.registrationStatus = RegistrationStatus.ACTIVE;
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    /** Versions, and so event sequences, start at 1; a null version also tells Hibernate the row is new. */
    @PrePersist
    void firstVersion() {
        if (version == null) {
            version = 1L;
        }
    }

    public static Optional<Member> findByNationalId(String nationalId) {
        return find("nationalId", nationalId).firstResultOptional();
    }
}
