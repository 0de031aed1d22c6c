package fr.sudia.funding.scheme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import fr.sudia.funding.eligibility.Verdict;

/**
 * The data of a {@code funding.scheme-matches.v1} event (contract: {@code contracts/funding.scheme-matches.v1.json}):
 * a newly published scheme and the directory organizations the desk's own matching says may claim it, so that the
 * notification service can tell those that asked, without ever deciding eligibility itself. Organizations only (no
 * person); a long list is cut into parts of at most {@link SchemeMatches#PART_SIZE}.
 */
public record SchemeMatched(UUID schemeId, String name, String provider, Level level, SchemeKind kind,
        LocalDate opensOn, List<LocalDate> deadlines, boolean ongoing, String applicationUrl, int part, int parts,
        List<Match> matches, OffsetDateTime publishedAt) {

    public record Match(UUID organizationId, Verdict verdict) {
    }
}
