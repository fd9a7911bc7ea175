package org.memberaid.members.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Locale;
import org.memberaid.access.RegionScope;
import java.util.List;
import org.memberaid.members.domain.HardshipStatus;
import org.memberaid.members.domain.Member;
import org.memberaid.members.domain.RegistrationStatus;

/** Finds members by county, statuses and a name or national-ID prefix, a page at a time. */
@ApplicationScoped
public class MemberSearch {

    public static final int MAX_PAGE_SIZE = 500;

    /** Filters; {@code scope} is the caller's region: members outside it are never found. */
    public record Criteria(RegionScope scope, String countyCode, HardshipStatus hardshipStatus,
            RegistrationStatus registrationStatus, String query) {
    }

    public record Result(List<Member> items, long total) {
    }

    public Result search(Criteria criteria, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        conditions.add("countyCode like :scope");
        parameters.and("scope", criteria.scope().likePattern());
        if (criteria.countyCode() != null) {
            conditions.add("countyCode = :county");
            parameters.and("county", criteria.countyCode());
        }
        if (criteria.hardshipStatus() != null) {
            conditions.add("hardshipStatus = :hardship");
            parameters.and("hardship", criteria.hardshipStatus());
        }
        if (criteria.registrationStatus() != null) {
            conditions.add("registrationStatus = :registration");
            parameters.and("registration", criteria.registrationStatus());
        }
        if (criteria.query() != null) {
            // A whole national ID finds its member; anything else is the start of a name. National
            // IDs are never searched by a part: that would let anyone enumerate them.
            if (criteria.query().matches("\\d{17}[\\dXx]")) {
                conditions.add("nationalId = :nationalId");
                parameters.and("nationalId", criteria.query().toUpperCase(Locale.ROOT));
            } else {
                conditions.add("name like :prefix");
                parameters.and("prefix", escapeLike(criteria.query()) + "%");
            }
        }
        String where = String.join(" and ", conditions);
        return QuarkusTransaction.joiningExisting().call(() -> {
            PanacheQuery<Member> query = Member.find(where, Sort.by("createdAt").and("id"), parameters);
            return new Result(query.page(Page.of(page, size)).list(), query.count());
        });
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
