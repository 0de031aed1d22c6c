package fr.sudia.notifications.alert;

import java.util.List;

/** The alerts one may subscribe to, and their delivery preferences. */
public final class AlertKind {

    /** New published events, filtered by department(s) and audience(s). */
    public static final String EVENTS = "EVENTS";
    /** A deadline of a followed scheme within 7 days. */
    public static final String DEADLINES = "DEADLINES";
    /** New schemes funding-guichet-service matches with the subscriber's organization (members only). */
    public static final String SCHEMES = "SCHEMES";
    /** New competitive calls (funding.calls.v1), filtered by who may apply. */
    public static final String CALLS = "CALLS";
    public static final List<String> KINDS = List.of(EVENTS, DEADLINES, SCHEMES, CALLS);

    public static final String INSTANT = "INSTANT";
    public static final String DAILY = "DAILY";
    public static final String WEEKLY = "WEEKLY";
    public static final List<String> FREQUENCIES = List.of(INSTANT, DAILY, WEEKLY);

    /** events-service's audiences (contract of events.events.v1). */
    public static final List<String> AUDIENCES = List.of("GRAND_PUBLIC", "SCOLAIRES", "SENIORS", "PROFESSIONNELS",
            "CHERCHEURS", "ETUDIANTS");

    /** funding-guichet-service's applicant types of calls (contract of funding.calls.v1). */
    public static final List<String> APPLICANT_TYPES = List.of("COMPANY", "LOCAL_AUTHORITY", "ASSOCIATION", "TRAINING_BODY",
            "RESEARCH_LAB", "SCHOOL", "INDIVIDUAL");

    /** Unsubscribe category of an alert's messages: this prefix and the subscription's id. */
    static final String CATEGORY_PREFIX = "alerts.";
    /** Category of the confirmation requests (one-click unsubscribe stops them for the address). */
    static final String CONFIRMATION_CATEGORY = "alerts.confirmation";
    /** The signed token of the link that lists and deletes an address's subscriptions. */
    static final String MANAGE_SCOPE = "alerts.manage";

    private AlertKind() {
    }
}
