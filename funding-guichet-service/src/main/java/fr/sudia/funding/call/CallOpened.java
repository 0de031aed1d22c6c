package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code fr.sudia.funding.call.opened} on {@code funding.calls.v1}, when a call opens to applications, keyed
 * by the call (contract: {@code contracts/funding.calls.v1.json}, {@code $defs/CallOpened}): what the alerts on new
 * calls tell their subscribers. Public data only.
 */
public record CallOpened(
        UUID callId,
        CallKind callKind,
        String callTitle,
        int editionYear,
        String theme,
        List<String> applicantTypes,
        OffsetDateTime opensAt,
        OffsetDateTime closesAt,
        Long totalAmountEur,
        String timeZone) {
}
