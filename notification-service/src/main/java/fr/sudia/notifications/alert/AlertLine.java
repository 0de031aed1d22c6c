package fr.sudia.notifications.alert;

import io.quarkus.qute.TemplateData;

/** One matched item as the alert templates show it (every value HTML-escaped by Qute in the HTML part). */
@TemplateData
public record AlertLine(String title, String when, String place, String provider, String note, String link) {
}
