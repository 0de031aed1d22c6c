package fr.sudia.platform.security;

/** The platform's roles, carried in the token's {@code groups} claim (see docs/architecture.md, Security). */
public final class Roles {

    public static final String ADMIN = "admin";
    /** Directory moderation. */
    public static final String EDITOR = "editor";
    /** Submits events for its organization. */
    public static final String PARTNER = "partner";
    /** Represents one organization: its profile, charter signature, label application, funding requests. */
    public static final String MEMBER = "member";
    /** Funding desk. */
    public static final String ADVISOR = "advisor";
    /** Label committee. */
    public static final String REVIEWER = "reviewer";
    /**
     * An advisor of a chamber (commerce, trades) or an employers' body who files funding requests on behalf of very
     * small businesses (Mesure 15); the {@code org} claim names the prescriber's own organization.
     */
    public static final String PRESCRIBER = "prescriber";

    /** Jury of competitive calls (funding-guichet-service), assigned call by call. */
    public static final String JUROR = "juror";

    /** The claim that ties a member or partner to one organization. */
    public static final String ORGANIZATION_CLAIM = "org";

    private Roles() {
    }
}
