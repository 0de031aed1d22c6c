package fr.sudia.impact.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An indicator of the plan: what it measures, how it is computed from the facts, its breakdowns and its target. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String id;
    public int position;
    @Column(name = "name_fr")
    public String nameFr;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "definition_fr")
    public String definitionFr;
    @Column(name = "definition_en")
    public String definitionEn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "plan_measures")
    public List<Integer> planMeasures;
    public String unit;
    public String metric;
    public String aggregation;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> filters;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> breakdowns;
    @Column(name = "target_value")
    public BigDecimal targetValue;
    @Column(name = "target_unit")
    public String targetUnit;
    @Column(name = "target_start")
    public LocalDate targetStart;
    @Column(name = "target_end")
    public LocalDate targetEnd;
    @Column(name = "target_sentence")
    public String targetSentence;
    @Column(name = "target_source")
    public String targetSource;
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean hasTarget() {
        return targetValue != null;
    }
}
