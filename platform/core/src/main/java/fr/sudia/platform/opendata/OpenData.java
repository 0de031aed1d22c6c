package fr.sudia.platform.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import fr.sudia.platform.http.EntityTags;
import fr.sudia.platform.text.SpreadsheetText;
import jakarta.ws.rs.core.Response;

/**
 * What every open-data download of the platform shares: the licence (Licence Ouverte / Open Licence 2.0, etalab-2.0)
 * in its headers and its metadata, CSV that spreadsheets open safely and that stays valid whatever was typed, and the
 * caching of public reads (a digest of the body as strong ETag, 304 on If-None-Match, Cache-Control).
 */
public final class OpenData {

    public static final String LICENCE_NAME = "Licence Ouverte / Open Licence 2.0";
    public static final String LICENCE_ID = "etalab-2.0";
    public static final String LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
    /** The descriptive header beside {@code Link: <LICENCE_URL>; rel="license"} (RFC 8288, RFC 4946's relation). */
    public static final String LICENCE_HEADER = "X-License";
    public static final String LICENCE_HEADER_VALUE = LICENCE_ID + "; name=\"" + LICENCE_NAME + "\"; url=\"" + LICENCE_URL + "\"";
    public static final String LINK_HEADER_VALUE = "<" + LICENCE_URL + ">; rel=\"license\"";
    public static final String PUBLISHER = "Région Sud Provence-Alpes-Côte d'Azur";
    public static final Licence LICENCE = new Licence(LICENCE_ID, LICENCE_NAME, LICENCE_URL);

    public static final String CSV = "text/csv";
    public static final String CSV_UTF8 = "text/csv; charset=utf-8";
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    /**
     * The OpenAPI extension that marks a download operation ({@code csv}, {@code json} or {@code geojson}): what every
     * download answers alike is then documented for it ({@link OpenDataDocumentation}).
     */
    public static final String DOWNLOAD_EXTENSION = "x-sudia-open-data-download";
    /** How long browsers, the gateway and partners may keep a download before revalidating it (ETag). */
    public static final int MAX_AGE_SECONDS = 300;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#').get();

    /** The licence as it appears in a download's metadata. */
    public record Licence(String id, String name, String url) {
    }

    private OpenData() {
    }

    /** Adds the licence headers: {@code Link: <…>; rel="license"} and {@code X-License}. */
    public static Response.ResponseBuilder licensed(Response.ResponseBuilder response) {
        return response.header("Link", LINK_HEADER_VALUE).header(LICENCE_HEADER, LICENCE_HEADER_VALUE);
    }

    /** Adds the caching headers of public downloads. */
    public static Response.ResponseBuilder cacheable(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
    }

    /**
     * A download rendered in memory (bounded datasets): strong ETag from a digest of the body, 304 when
     * {@code ifNoneMatch} names it, Cache-Control, the licence headers, and a file name to save it as.
     */
    public static Response download(String ifNoneMatch, byte[] body, String mediaType, String fileName) {
        String tag = digest(body);
        Response.ResponseBuilder response = EntityTags.noneMatchNames(ifNoneMatch, tag) ? Response.notModified()
                : Response.ok(body, mediaType).header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        return licensed(cacheable(response.header("ETag", "\"" + tag + "\""))).build();
    }

    /** A CSV printer on {@code out}: the comment lines ({@code # …}) first when given, then the header row. */
    public static CSVPrinter csvPrinter(Writer out, List<String> comments, List<String> header) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (String comment : comments) {
            printer.printComment(SpreadsheetText.inert(comment));
        }
        printer.printRecord(header);
        return printer;
    }

    /** Prints one row, each value made safe by {@link #cell(Object)}. */
    public static void printRow(CSVPrinter printer, List<?> values) throws IOException {
        List<Object> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(cell(value));
        }
        printer.printRecord(cells);
    }

    /**
     * A value as a CSV cell: text a spreadsheet would run as a formula ({@code = + - @}, tab, CR first) prefixed with
     * an apostrophe and control characters dropped ({@link SpreadsheetText#inert}); quotes and line breaks are quoted
     * by the printer; a list as its values joined by {@code |}; an enum as its name; null as an empty cell.
     */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return SpreadsheetText.inert(list.stream().map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v))
                    .collect(Collectors.joining("|")));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return SpreadsheetText.inert(value.toString());
    }

    /** A whole CSV document in memory, UTF-8. */
    public static byte[] csv(List<String> comments, List<String> header, Iterable<? extends List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeCsv(bytes, comments, header, rows);
        return bytes.toByteArray();
    }

    /** Writes a CSV document, UTF-8, to {@code target} (left open). */
    public static void writeCsv(OutputStream target, List<String> comments, List<String> header, Iterable<? extends List<?>> rows) {
        try {
            Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
            CSVPrinter printer = csvPrinter(out, comments, header);
            for (List<?> row : rows) {
                printRow(printer, row);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
