package fr.sudia.directory.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import fr.sudia.directory.organization.OrganizationKind;
import fr.sudia.directory.taxonomy.AiTechnique;
import fr.sudia.directory.taxonomy.HeadcountBand;
import fr.sudia.directory.taxonomy.Sector;
import fr.sudia.directory.taxonomy.StrategicSector;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of the organization search, as received. They are taken as strings and checked
 * here, so that every bad value is a 400 problem naming its parameter (JAX-RS would answer a failed
 * conversion of a query parameter with a bare 404).
 */
public class SearchParameters {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern DEPARTMENT = Pattern.compile("\\d{2}|2A|2B|97\\d");
    static final int MAX_QUERY_LENGTH = 200;
    static final double MAX_RADIUS_KM = 1000;

    @QueryParam("q")
    @Parameter(description = "Free text, in French: matches names, legal names, descriptions and the city, ignoring "
            + "case and accents, with typos forgiven on names (\"therapixel\", \"Thérapixel\" and \"terapixel\" all "
            + "find Therapixel). At most 200 characters.", example = "imagerie médicale")
    public String q;

    @QueryParam("kind")
    @Parameter(description = "Kind of organization; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = OrganizationKind.class))
    public List<String> kind;

    @QueryParam("sector")
    @Parameter(description = "Sector worked for; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Sector.class))
    public List<String> sector;

    @QueryParam("strategicSector")
    @Parameter(description = "The region's strategic sector (OIR); repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = StrategicSector.class))
    public List<String> strategicSector;

    @QueryParam("technique")
    @Parameter(description = "AI technique; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = AiTechnique.class))
    public List<String> technique;

    @QueryParam("department")
    @Parameter(description = "Department code, such as 06 or 13; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public List<String> department;

    @QueryParam("city")
    @Parameter(description = "City, such as Nice, ignoring case and accents; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    public List<String> city;

    @QueryParam("headcountBand")
    @Parameter(description = "Headcount band; repeat for several (OR)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = HeadcountBand.class))
    public List<String> headcountBand;

    @QueryParam("labelled")
    @Parameter(description = "true: only organizations holding a valid Sud IA label; false: only the others",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String labelled;

    @QueryParam("foundedAfter")
    @Parameter(description = "Only organizations founded after this year (foundedAfter=2015 gives 2016 and later); "
            + "organizations with no founding year are left out", schema = @Schema(type = SchemaType.INTEGER), example = "2015")
    public String foundedAfter;

    @QueryParam("near")
    @Parameter(description = "A point, as latitude,longitude in decimal degrees: gives each item its distanceKm, "
            + "allows sort=distance and radiusKm. Organizations without coordinates are left out.",
            example = "43.7009,7.2683")
    public String near;

    @QueryParam("radiusKm")
    @Parameter(description = "Only organizations within this distance of `near`, in km (more than 0, at most 1000)",
            schema = @Schema(type = SchemaType.NUMBER), example = "25")
    public String radiusKm;

    @QueryParam("sort")
    @Parameter(description = "relevance (the default with q; needs q), name (the default without q), or distance "
            + "(nearest first; needs near)",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "relevance", "name", "distance" }))
    public String sort;

    /** Checks every parameter and reports all the bad ones at once. */
    public SearchRequest toRequest(int limit) {
        List<String> errors = new ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            errors.add("q: at most " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> kinds = enums("kind", kind, OrganizationKind.class, errors);
        List<String> sectors = enums("sector", sector, Sector.class, errors);
        List<String> strategic = enums("strategicSector", strategicSector, StrategicSector.class, errors);
        List<String> techniques = enums("technique", technique, AiTechnique.class, errors);
        List<String> bands = enums("headcountBand", headcountBand, HeadcountBand.class, errors);
        List<String> departments = values("department", department, errors, value -> {
            String code = value.toUpperCase(Locale.ROOT);
            return DEPARTMENT.matcher(code).matches() ? code : null;
        }, "a French department code such as 06, 2A or 974");
        List<String> cities = values("city", city, errors,
                value -> value.length() <= 120 && !CONTROL.matcher(value).find() ? value : null,
                "a city name of at most 120 characters");

        Boolean isLabelled = null;
        if (labelled != null) {
            switch (labelled.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> isLabelled = true;
                case "false" -> isLabelled = false;
                default -> errors.add("labelled: must be true or false, not '" + labelled + "'");
            }
        }

        Integer founded = null;
        if (foundedAfter != null) {
            try {
                founded = Integer.valueOf(foundedAfter.strip());
                if (founded < 1800 || founded > 2100) {
                    errors.add("foundedAfter: must be a year between 1800 and 2100");
                    founded = null;
                }
            } catch (NumberFormatException e) {
                errors.add("foundedAfter: must be a year such as 2015, not '" + foundedAfter + "'");
            }
        }

        SearchRequest.Point point = null;
        if (near != null) {
            point = point(near, errors);
        }
        Double radius = null;
        if (radiusKm != null) {
            try {
                radius = Double.valueOf(radiusKm.strip());
                if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
                    errors.add("radiusKm: must be more than 0 and at most " + (int) MAX_RADIUS_KM + " km");
                }
            } catch (NumberFormatException e) {
                errors.add("radiusKm: must be a number of kilometres, not '" + radiusKm + "'");
            }
            if (near == null) {
                errors.add("radiusKm: needs near=latitude,longitude, the centre of the circle");
            }
        }

        SearchRequest.Sort order = text != null ? SearchRequest.Sort.RELEVANCE : SearchRequest.Sort.NAME;
        if (sort != null) {
            try {
                order = SearchRequest.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
                if (order == SearchRequest.Sort.RELEVANCE && text == null) {
                    errors.add("sort: relevance needs a text query q");
                }
                if (order == SearchRequest.Sort.DISTANCE && near == null) {
                    errors.add("sort: distance needs near=latitude,longitude");
                }
            } catch (IllegalArgumentException e) {
                errors.add("sort: must be relevance, name or distance, not '" + sort + "'");
            }
        }

        if (!errors.isEmpty()) {
            throw new BadRequestException("Invalid search parameter" + (errors.size() > 1 ? "s" : "") + ": "
                    + String.join("; ", errors) + ".");
        }
        return new SearchRequest(text, kinds, sectors, strategic, techniques, departments, cities, bands, isLabelled,
                founded, point, radius, order, limit);
    }

    private static SearchRequest.Point point(String value, List<String> errors) {
        String[] parts = value.split(",", -1);
        try {
            if (parts.length == 2) {
                double latitude = Double.parseDouble(parts[0].strip());
                double longitude = Double.parseDouble(parts[1].strip());
                if (latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180) {
                    return new SearchRequest.Point(latitude, longitude);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("near: must be latitude,longitude in decimal degrees (latitude -90 to 90, longitude -180 to 180), "
                + "such as 43.7009,7.2683, not '" + value + "'");
        return null;
    }

    private static <E extends Enum<E>> List<String> enums(String name, List<String> raw, Class<E> type, List<String> errors) {
        return values(name, raw, errors, value -> {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }, "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    /** Distinct, checked values of a repeatable parameter, in the order given; each bad one is reported. */
    private static List<String> values(String name, List<String> raw, List<String> errors,
            Function<String, String> check, String expected) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<String> accepted = new ArrayList<>();
        for (String value : raw) {
            String checked = value == null || value.isBlank() ? null : check.apply(value.strip());
            if (checked == null) {
                errors.add(name + ": '" + (value == null ? "" : value) + "' is not " + expected);
            } else if (!accepted.contains(checked)) {
                accepted.add(checked);
            }
        }
        return List.copyOf(accepted);
    }
}
