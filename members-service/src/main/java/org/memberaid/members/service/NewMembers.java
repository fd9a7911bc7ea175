package org.memberaid.members.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.memberaid.members.domain.HardshipAssessment;
import org.memberaid.members.domain.HardshipStatus;
import org.memberaid.members.domain.Member;
import org.memberaid.members.events.MemberEvents;

/**
 * Writes new members on the caller's transaction, each with its registration event and, for a
 * member in difficulty, its first assessment: a chunk of the census import, or the registrations
 * that arrived together ({@link RegistrationWriter}). One statement adds all the members, one their
 * events, one their assessments. A national ID registered already, before or earlier in the same
 * list, adds nothing (no event, no assessment) and is reported with the member who holds it.
 */
@ApplicationScoped
class NewMembers {

    /** What {@link #write} did: the ids of the members it added, and the holder of each national ID it skipped. */
    record Written(Set<UUID> registered, Map<String, MemberRows.Holder> holderOfSkipped) {

        boolean registered(Member member) {
            return registered.contains(member.id);
        }
    }

    @Inject
    MemberEvents events;

    /**
     * @param members new members ({@code Member.register}), not yet written
     * @param assessmentNote the note of the first assessment of a member registered in difficulty
     */
    Written write(Connection connection, List<Member> members, String assessmentNote) throws SQLException {
        Set<UUID> inserted = MemberRows.insert(connection, members);
        List<Member> registered = members.stream().filter(member -> inserted.contains(member.id)).toList();
        Map<String, MemberRows.Holder> holders = Map.of();
        if (registered.size() < members.size()) {
            holders = MemberRows.registeredIds(connection, members.stream()
                    .filter(member -> !inserted.contains(member.id)).map(member -> member.nationalId).toList());
        }
        if (!registered.isEmpty()) {
            events.registered(connection, registered);
        }
        MemberRows.insertAssessments(connection, registered.stream()
                .filter(member -> member.hardshipStatus == HardshipStatus.IN_DIFFICULTY)
                .map(member -> HardshipAssessment.of(member, member.registeredOn, assessmentNote, member.createdAt))
                .toList());
        return new Written(inserted, holders);
    }
}
