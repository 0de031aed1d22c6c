package fr.sudia.directory.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The file of an import not finished yet: what a resumed import reads again. Deleted when the import ends. */
@Entity
@Table(name = "import_file")
public class ImportFile extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Column(nullable = false)
    public byte[] content;

    /** The roles of the editor who sent the file: a resumed import stores its rows as that editor. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "importer_roles", nullable = false)
    public List<String> importerRoles = new ArrayList<>();
}
