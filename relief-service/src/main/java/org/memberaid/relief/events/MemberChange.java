package org.memberaid.relief.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.memberaid.events.CloudEvent;
import org.memberaid.relief.events.EventData.Unreadable;

/**
 * A member event as relief takes it: the member (the event's subject), its version (the event's
 * sequence) and the part of the member's data relief keeps, read once from the event's data by type.
 */
record MemberChange(UUID memberId, long version, Data data) {

    /**
     * What relief keeps of the member snapshot every member event carries (members-service's
     * MemberSnapshot; the rest of it is not relief's business).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String countyCode, LocalDate birthDate, LocalDate joinedPartyOn, String laborCapacity,
            BigDecimal annualIncome, boolean notableContribution, String hardshipStatus, String registrationStatus) {

        /** The first field relief cannot do without that the data lacks, or null. */
        String missingField() {
            return countyCode == null ? "countyCode"
                    : birthDate == null ? "birthDate"
                    : hardshipStatus == null ? "hardshipStatus"
                    : registrationStatus == null ? "registrationStatus"
                    : null;
        }
    }

    /** The data each member event type carries; another type on members.events is not one relief knows. */
    private static final Map<String, Class<Data>> DATA_BY_TYPE = Map.of(
            "memberaid.member.registered.v1", Data.class,
            "memberaid.member.updated.v1", Data.class,
            "memberaid.member.hardship-assessed.v1", Data.class,
            "memberaid.member.transferred.v1", Data.class,
            "memberaid.member.deregistered.v1", Data.class);

    /** The change {@code event} describes; {@link Unreadable} says what of it relief cannot take. */
    static MemberChange of(CloudEvent event, ObjectMapper json) throws Unreadable {
        Class<Data> type = DATA_BY_TYPE.get(event.type());
        if (type == null) {
            throw new Unreadable("not a member event type relief knows");
        }
        UUID memberId = EventData.memberId(event);
        Data data = EventData.read(event, json, type);
        String missing = data.missingField();
        if (missing != null) {
            throw new Unreadable("data." + missing + " is required");
        }
        return new MemberChange(memberId, event.sequence(), data);
    }
}
