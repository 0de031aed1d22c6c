package fr.sudia.funding.scheme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUBLISHED schemes are in the catalogue (open or not per their dates); CLOSED ones were closed by an editor. */
@Schema(description = "PUBLISHED: au catalogue / in the catalogue; CLOSED: fermé par un éditeur / closed by an editor")
public enum SchemeStatus {
    PUBLISHED,
    CLOSED
}
