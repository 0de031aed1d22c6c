package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "DRAFT: brouillon / draft; SUBMITTED: déposée / submitted; WITHDRAWN: retirée / withdrawn")
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    WITHDRAWN
}
