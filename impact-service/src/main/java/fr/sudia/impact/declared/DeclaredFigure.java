package fr.sudia.impact.declared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A figure an admin declared from a source (a brochure, a report), never added to what the platform measured. */
@Entity
@Table(name = "declared_figure")
public class DeclaredFigure extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "indicator_id")
    public String indicatorId;
    public BigDecimal value;
    public String unit;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "scope_fr")
    public String scopeFr;
    @Column(name = "scope_en")
    public String scopeEn;
    public String source;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
