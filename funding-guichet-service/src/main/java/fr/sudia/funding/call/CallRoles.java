package fr.sudia.funding.call;

/** The call-scoped jury role: a juror (or a label {@code reviewer}) reviews the calls an admin assigned them to. */
public final class CallRoles {

    public static final String JUROR = "juror";

    private CallRoles() {
    }
}
