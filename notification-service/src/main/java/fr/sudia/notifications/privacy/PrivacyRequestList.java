package fr.sudia.notifications.privacy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PrivacyRequestList", description = "A page of privacy requests, newest first")
public record PrivacyRequestList(List<PrivacyRequestView> items,
        @Schema(nullable = true, description = "Pass back as cursor for the next page; null on the last page") String nextCursor) {
}
