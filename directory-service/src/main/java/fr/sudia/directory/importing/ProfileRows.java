package fr.sudia.directory.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import fr.sudia.directory.organization.OrganizationKind;
import fr.sudia.directory.organization.OrganizationProfile;
import fr.sudia.directory.taxonomy.AiTechnique;
import fr.sudia.directory.taxonomy.HeadcountBand;
import fr.sudia.directory.taxonomy.Sector;
import fr.sudia.directory.taxonomy.StrategicSector;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Turns a row read from a file into an {@link OrganizationProfile} and checks it with the same Bean
 * Validation rules as {@code POST /api/v1/organizations}. Values are taken as an editor would type them:
 * enum values by their code in any case ({@code health}, {@code HEALTH}) or by their French label
 * ({@code Santé}), headcount bands also by their range ({@code 10-49}).
 */
final class ProfileRows {

    /** A row once checked: the profile to import, or the reasons it is rejected. */
    record CheckedRow(int line, int rowNumber, String name, UUID id, OrganizationProfile profile,
            List<RowViolation> violations) {
        boolean accepted() {
            return violations.isEmpty();
        }
    }

    private final Validator validator;

    ProfileRows(Validator validator) {
        this.validator = validator;
    }

    CheckedRow check(RawRow row) {
        Conversion c = new Conversion(row);
        List<RowViolation> violations = new ArrayList<>(row.readErrors());
        if (!row.readErrors().isEmpty() && row.values().isEmpty()) {
            return new CheckedRow(row.line(), row.rowNumber(), null, null, null, violations);
        }
        OrganizationProfile profile = new OrganizationProfile(
                c.text("name"), c.text("legalName"),
                c.one("kind", OrganizationKind.class, k -> null),
                c.text("siren"), c.text("siret"), c.text("nafCode"),
                c.one("headcountBand", HeadcountBand.class, b -> b.label),
                c.integer("foundedYear"), c.text("website"), c.text("descriptionFr"), c.text("descriptionEn"),
                c.text("address"), c.text("postalCode"), c.text("city"), c.text("department"),
                c.decimal("latitude"), c.decimal("longitude"),
                c.many("sectors", Sector.class, s -> s.labelFr),
                c.many("strategicSectors", StrategicSector.class, s -> s.labelFr),
                c.many("techniques", AiTechnique.class, t -> t.labelFr),
                c.wholeNumber("fundsRaisedEur"));
        UUID id = c.uuid(ImportColumns.ID);
        violations.addAll(c.errors);
        Set<String> unconvertible = new HashSet<>();
        c.errors.forEach(error -> unconvertible.add(error.field()));
        for (ConstraintViolation<OrganizationProfile> violation : validator.validate(profile)) {
            String field = violation.getPropertyPath().toString();
            if ("coordinatesPaired".equals(field)) {
                field = "latitude";
            }
            if (!unconvertible.contains(field)) {
                violations.add(new RowViolation(field, violation.getMessage()));
            }
        }
        violations.sort(Comparator.comparing(RowViolation::field).thenComparing(RowViolation::message));
        return new CheckedRow(row.line(), row.rowNumber(), profile.name(), id, violations.isEmpty() ? profile : null,
                List.copyOf(violations));
    }

    /** Converts one row's values, collecting what cannot be converted. */
    private static final class Conversion {
        final RawRow row;
        final List<RowViolation> errors = new ArrayList<>();

        Conversion(RawRow row) {
            this.row = row;
        }

        String text(String column) {
            Object value = row.values().get(column);
            if (value instanceof Collection<?> list) {
                errors.add(new RowViolation(column, "must be a single value"));
                return null;
            }
            return value == null || value.toString().isBlank() ? null : value.toString().strip();
        }

        UUID uuid(String column) {
            String value = text(column);
            try {
                return value == null ? null : UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                errors.add(new RowViolation(column, "must be an organization id (UUID), not '" + value + "'"));
                return null;
            }
        }

        Integer integer(String column) {
            String value = text(column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                errors.add(new RowViolation(column, "must be a whole number, not '" + value + "'"));
                return null;
            }
        }

        Long wholeNumber(String column) {
            String value = text(column);
            try {
                return value == null ? null : Long.valueOf(value.replaceAll("[\\s\u00a0\u202f_]", ""));
            } catch (NumberFormatException e) {
                errors.add(new RowViolation(column, "must be a whole number, not '" + value + "'"));
                return null;
            }
        }

        Double decimal(String column) {
            String value = text(column);
            try {
                // A French spreadsheet writes 43,7; a JSON or English one 43.7.
                return value == null ? null : Double.valueOf(value.indexOf('.') < 0 ? value.replace(',', '.') : value);
            } catch (NumberFormatException e) {
                errors.add(new RowViolation(column, "must be a decimal number, not '" + value + "'"));
                return null;
            }
        }

        <E extends Enum<E>> E one(String column, Class<E> type, Function<E, String> label) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            E constant = constant(type, label, value);
            if (constant == null) {
                errors.add(new RowViolation(column, unknown(type, value)));
            }
            return constant;
        }

        <E extends Enum<E>> Set<E> many(String column, Class<E> type, Function<E, String> label) {
            Object value = row.values().get(column);
            List<String> items;
            if (value == null) {
                return EnumSet.noneOf(type);
            } else if (value instanceof Collection<?> list) {
                items = list.stream().map(String::valueOf).toList();
            } else {
                items = Arrays.asList(value.toString().split("[|;]"));
            }
            Set<E> constants = new LinkedHashSet<>();
            for (String item : items) {
                if (item.isBlank()) {
                    continue;
                }
                E constant = constant(type, label, item.strip());
                if (constant == null) {
                    errors.add(new RowViolation(column, unknown(type, item.strip())));
                } else {
                    constants.add(constant);
                }
            }
            return constants.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(constants);
        }

        private static <E extends Enum<E>> E constant(Class<E> type, Function<E, String> label, String value) {
            String folded = fold(value);
            for (E constant : type.getEnumConstants()) {
                String text = label.apply(constant);
                if (constant.name().equals(folded) || text != null && fold(text).equals(folded)) {
                    return constant;
                }
            }
            return null;
        }

        private static <E extends Enum<E>> String unknown(Class<E> type, String value) {
            return "unknown value '" + value + "'; expected one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }

        private static String fold(String value) {
            return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT)
                    .replaceAll("[^A-Z0-9+]+", "_").replaceAll("^_|_$", "");
        }
    }
}
