package fr.sudia.funding.call;

import java.util.List;

import fr.sudia.platform.problem.Problem.Violation;

/** Bad input found by the desk itself (answers against a call's form, scores against its grid): a 400 naming each field. */
public class InvalidFieldsException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidFieldsException(List<Violation> violations) {
        super("The request has " + violations.size() + " invalid field(s).");
        this.violations = List.copyOf(violations);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new Violation(field, "body", message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
