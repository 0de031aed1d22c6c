package fr.sudia.notifications.privacy;

/** The privacy desk's topics: it publishes the requests and reads every service's answers. */
public final class PrivacyTopics {

    /** The desk's requests (fr.sudia.privacy.requested), read by every service's platform PrivacyRequestConsumer. */
    public static final String REQUESTS_TOPIC = "privacy.requests.v1";
    /** The services' answers (fr.sudia.privacy.answered), read by the desk on the channel {@value #REPLIES_CHANNEL}. */
    public static final String REPLIES = "privacy.replies.v1";
    public static final String REPLIES_CHANNEL = "privacy-replies";

    private PrivacyTopics() {
    }
}
