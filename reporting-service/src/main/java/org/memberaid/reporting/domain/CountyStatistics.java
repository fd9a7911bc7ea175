package org.memberaid.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The figures of one county, maintained by the event consumers and read by the reports. */
@Entity
@Table(name = "county_statistics")
public class CountyStatistics extends PanacheEntityBase {

    @Id
    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "members_total", nullable = false)
    public long membersTotal;

    @Column(name = "members_in_difficulty", nullable = false)
    public long membersInDifficulty;

    @Column(name = "members_lifted_out", nullable = false)
    public long membersLiftedOut;

    public CountyFigures figures() {
        return new CountyFigures(membersTotal, membersInDifficulty, membersLiftedOut);
    }
}
