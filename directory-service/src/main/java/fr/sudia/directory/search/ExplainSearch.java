package fr.sudia.directory.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * For the benchmark (directory-service/bench): prints the SQL the service runs for a search query string,
 * with its parameters as literals, so that PostgreSQL's own time for it can be measured with EXPLAIN ANALYZE.
 * Usage: {@code java -cp <app jar and libs> fr.sudia.directory.search.ExplainSearch 'q=...&kind=...'}.
 */
public final class ExplainSearch {

    private ExplainSearch() {
    }

    public static void main(String[] args) {
        SearchParameters parameters = new SearchParameters();
        int limit = 20;
        for (String pair : args[0].split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            switch (name) {
                case "q" -> parameters.q = value;
                case "kind" -> parameters.kind = add(parameters.kind, value);
                case "sector" -> parameters.sector = add(parameters.sector, value);
                case "strategicSector" -> parameters.strategicSector = add(parameters.strategicSector, value);
                case "technique" -> parameters.technique = add(parameters.technique, value);
                case "department" -> parameters.department = add(parameters.department, value);
                case "city" -> parameters.city = add(parameters.city, value);
                case "headcountBand" -> parameters.headcountBand = add(parameters.headcountBand, value);
                case "labelled" -> parameters.labelled = value;
                case "foundedAfter" -> parameters.foundedAfter = value;
                case "near" -> parameters.near = value;
                case "radiusKm" -> parameters.radiusKm = value;
                case "sort" -> parameters.sort = value;
                case "limit" -> limit = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown parameter " + name);
            }
        }
        SearchRequest request = parameters.toRequest(limit);
        SearchSql sql = SearchSql.search(request, null, null);
        System.out.println(sql.withLiterals() + ";");
    }

    private static List<String> add(List<String> values, String value) {
        List<String> list = values == null ? new ArrayList<>() : values;
        list.add(value);
        return list;
    }
}
