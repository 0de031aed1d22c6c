package fr.sudia.notifications.alert;

import jakarta.enterprise.inject.spi.CDI;

import fr.sudia.notifications.email.UnsubscribeTokens;

/** The management link's token of an address, as the alert emails carry it. */
final class AlertTestLinks {

    private AlertTestLinks() {
    }

    static String manageToken(String email) {
        return CDI.current().select(UnsubscribeTokens.class).get().issue(email, AlertKind.MANAGE_SCOPE);
    }
}
