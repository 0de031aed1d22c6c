package fr.sudia.directory.organization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an entry is public: members' new entries wait for an editor. */
@Schema(description = "PENDING: en attente d'un éditeur / waiting for an editor; PUBLISHED: publié / published; REJECTED: "
        + "refusé / rejected")
public enum ModerationStatus {
    PENDING,
    PUBLISHED,
    REJECTED
}
