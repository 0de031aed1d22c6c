package fr.sudia.funding.scheme;

import java.util.List;

/** A catalogue search: free text, filters (values of one filter are alternatives), and a page size. */
public record SchemeQuery(String q, List<String> providers, List<Level> levels, List<SchemeKind> kinds,
        List<Pillar> pillars, Boolean openNow, Integer closingWithinDays, boolean includeClosed, int limit) {

    public SchemeQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        providers = providers == null ? List.of() : providers.stream().filter(p -> !p.isBlank()).map(String::strip).toList();
        levels = levels == null ? List.of() : levels;
        kinds = kinds == null ? List.of() : kinds;
        pillars = pillars == null ? List.of() : pillars;
    }
}
