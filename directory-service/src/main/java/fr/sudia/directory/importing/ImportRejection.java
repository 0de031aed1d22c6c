package fr.sudia.directory.importing;

import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of an import that was not stored, and why (a JSON array of {field, message}). */
@Entity
@Table(name = "import_rejection")
public class ImportRejection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    /** Line of the file where the row starts (1 is a CSV file's header). */
    @Column(nullable = false)
    public int line;

    /** Position of the row among the file's data rows, from 1. */
    @Column(name = "row_number", nullable = false)
    public int rowNumber;

    /** The row's name, when it has one, to find it in the file. */
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String violations;
}
