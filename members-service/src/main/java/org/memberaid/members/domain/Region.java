package org.memberaid.members.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A GB/T 2260 administrative region. Reference data: seeded and extended by migrations only. */
@Entity
public class Region extends PanacheEntityBase {

    @Schema(name = "RegionLevel")
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY
    }

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "parent_code")
    public String parentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;
}
