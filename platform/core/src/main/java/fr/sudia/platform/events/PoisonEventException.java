package fr.sudia.platform.events;

/**
 * A record that can never be processed, however often it is retried (not a CloudEvent, unreadable data,
 * a document that breaks the contract). It goes straight to the dead-letter topic.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
