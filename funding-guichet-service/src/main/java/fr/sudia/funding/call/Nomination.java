package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A nomination for the prize of the year: a person or a project, with the nominator's reason. */
@Entity
@Table(name = "call_nomination")
public class Nomination extends PanacheEntityBase {

    @Schema(description = "PERSON: une personne / a person; PROJECT: un projet / a project")
    public enum NomineeKind {
        PERSON,
        PROJECT
    }

    @Id
    public UUID id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "nominated_by", nullable = false)
    public String nominatedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "nominee_kind", nullable = false)
    public NomineeKind nomineeKind;

    @Column(name = "nominee_name", nullable = false)
    public String nomineeName;

    @Column(name = "organization_id")
    public UUID organizationId;

    public String category;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public boolean shortlisted;

    @Column(name = "shortlisted_by")
    public String shortlistedBy;

    @Column(name = "shortlisted_at")
    public OffsetDateTime shortlistedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
