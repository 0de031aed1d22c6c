package fr.sudia.funding.eligibility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * NAF rév. 2 codes at any level of the nomenclature: a division ({@code 62}), a group ({@code 62.0}), a class
 * ({@code 62.01}) or a sub-class ({@code 62.01Z}). A code must have that shape and name an existing division
 * (the list shipped in {@code naf/naf-rev2-divisions.txt}). A condition's code covers every code it prefixes.
 */
public final class NafCodes {

    private static final Pattern SHAPE = Pattern.compile("\\d{2}(\\.\\d{1,2}|\\.\\d{2}[A-Z])?");
    private static final Set<String> DIVISIONS = load();

    private NafCodes() {
    }

    public static boolean isKnown(String code) {
        return code != null && SHAPE.matcher(code).matches() && DIVISIONS.contains(code.substring(0, 2));
    }

    /** Whether {@code companyCode} (a sub-class such as 62.01Z) falls under {@code conditionCode}. */
    public static boolean covers(String conditionCode, String companyCode) {
        return companyCode.startsWith(conditionCode);
    }

    private static Set<String> load() {
        try (InputStream in = NafCodes.class.getResourceAsStream("/naf/naf-rev2-divisions.txt")) {
            if (in == null) {
                throw new IllegalStateException("naf/naf-rev2-divisions.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" ")[1])
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
