package fr.sudia.platform.privacy;

import java.util.Locale;

/**
 * The person an access or erasure request is about, known by an email address, a token subject, or both.
 * Services match the email case-insensitively and the subject exactly.
 */
public record DataSubject(String email, String subject) {

    public DataSubject {
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        subject = subject == null || subject.isBlank() ? null : subject.strip();
        if (email == null && subject == null) {
            throw new IllegalArgumentException("a data subject needs an email address or a token subject");
        }
    }

    public boolean hasEmail() {
        return email != null;
    }

    public boolean hasSubject() {
        return subject != null;
    }
}
