package org.memberaid.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A GB/T 2260 region, seeded by migration: what county figures roll up to. */
@Entity
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public String level;
}
