package fr.sudia.funding.scheme;

/** PUBLISHED schemes are in the catalogue (open or not per their dates); CLOSED ones were closed by an editor. */
public enum SchemeStatus {
    PUBLISHED,
    CLOSED
}
