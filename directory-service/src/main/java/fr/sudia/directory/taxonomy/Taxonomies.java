package fr.sudia.directory.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Codes of the directory's controlled vocabularies, as they are stored (text arrays) and published. */
public final class Taxonomies {

    private Taxonomies() {
    }

    /** The codes of a set of terms, sorted, so that equal sets are stored and compared alike. */
    public static List<String> codes(Collection<? extends Enum<?>> terms) {
        List<String> codes = new ArrayList<>();
        if (terms != null) {
            terms.stream().map(Enum::name).sorted().forEach(codes::add);
        }
        return codes;
    }
}
