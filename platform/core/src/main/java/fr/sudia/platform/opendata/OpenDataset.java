package fr.sudia.platform.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

/**
 * One public dataset of the platform and its downloads: CSV (the columns below, one row per item), JSON (the items
 * as the API shows them, in an envelope carrying the dataset's metadata and licence) and, where the items are places,
 * GeoJSON (an RFC 7946 FeatureCollection whose foreign members carry the same metadata).
 *
 * @param <T> the public view of one item
 */
public final class OpenDataset<T> {

    /** A CSV column: its header and how an item gives its value. */
    public record Column<T>(String name, Function<? super T, ?> value) {
    }

    /** A WGS 84 position. */
    public record Point(double longitude, double latitude) {
    }

    /** The metadata every JSON and GeoJSON download carries. */
    public record Metadata(String dataset, String titleFr, String titleEn, String descriptionFr, String descriptionEn,
            String publisher, OpenData.Licence licence) {
    }

    private final String name;
    private final Metadata metadata;
    private final List<Column<T>> columns;
    private final Function<? super T, String> id;
    private final Function<? super T, Point> place;

    private OpenDataset(String name, Metadata metadata, List<Column<T>> columns, Function<? super T, String> id,
            Function<? super T, Point> place) {
        this.name = name;
        this.metadata = metadata;
        this.columns = List.copyOf(columns);
        this.id = id;
        this.place = place;
    }

    /** A dataset named {@code name} (the downloads' file name, e.g. {@code sud-ia-events}). */
    public static <T> OpenDataset<T> of(String name, String titleFr, String titleEn, String descriptionFr,
            String descriptionEn, List<Column<T>> columns) {
        return new OpenDataset<>(name, new Metadata(name, titleFr, titleEn, descriptionFr, descriptionEn,
                OpenData.PUBLISHER, OpenData.LICENCE), columns, null, null);
    }

    /** The same dataset, whose items are places: {@code place} gives the position (or null), {@code id} the feature id. */
    public OpenDataset<T> withPlaces(Function<? super T, String> id, Function<? super T, Point> place) {
        return new OpenDataset<>(name, metadata, columns, id, place);
    }

    public Metadata metadata() {
        return metadata;
    }

    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    public void writeCsv(OutputStream target, Iterable<? extends T> items) {
        Iterable<List<?>> rows = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<? extends T> it = items.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<?> next() {
                T item = it.next();
                return columns.stream().map(c -> c.value().apply(item)).map(v -> v == null ? "" : v).toList();
            }
        };
        OpenData.writeCsv(target, List.of(), header(), rows);
    }

    public void writeJson(ObjectMapper mapper, OutputStream target, Iterable<? extends T> items) {
        try (JsonGenerator json = mapper.getFactory().createGenerator(target).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            writeMetadata(json);
            json.writeArrayFieldStart("items");
            for (T item : items) {
                json.writeObject(item);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeGeoJson(ObjectMapper mapper, OutputStream target, Iterable<? extends T> items) {
        if (place == null) {
            throw new IllegalStateException(name + " has no places");
        }
        try (JsonGenerator json = mapper.getFactory().createGenerator(target).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            writeMetadata(json);
            json.writeArrayFieldStart("features");
            for (T item : items) {
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                json.writeStringField("id", id.apply(item));
                Point point = place.apply(item);
                if (point == null) {
                    json.writeNullField("geometry");
                } else {
                    json.writeObjectFieldStart("geometry");
                    json.writeStringField("type", "Point");
                    json.writeArrayFieldStart("coordinates");
                    json.writeNumber(point.longitude());
                    json.writeNumber(point.latitude());
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeObjectField("properties", item);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the metadata fields (dataset, title, description, publisher, licence) into the object being written. */
    public void writeMetadata(JsonGenerator json) throws IOException {
        json.writeStringField("dataset", metadata.dataset());
        json.writeObjectFieldStart("title");
        json.writeStringField("fr", metadata.titleFr());
        json.writeStringField("en", metadata.titleEn());
        json.writeEndObject();
        json.writeObjectFieldStart("description");
        json.writeStringField("fr", metadata.descriptionFr());
        json.writeStringField("en", metadata.descriptionEn());
        json.writeEndObject();
        json.writeStringField("publisher", metadata.publisher());
        json.writeObjectField("licence", metadata.licence());
    }

    /** The CSV download of {@code items} (a bounded list), with ETag, 304, Cache-Control and the licence. */
    public Response csv(String ifNoneMatch, Iterable<? extends T> items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeCsv(body, items);
        return OpenData.download(ifNoneMatch, body.toByteArray(), OpenData.CSV_UTF8, name + ".csv");
    }

    public Response json(String ifNoneMatch, ObjectMapper mapper, Iterable<? extends T> items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeJson(mapper, body, items);
        return OpenData.download(ifNoneMatch, body.toByteArray(), OpenData.JSON, name + ".json");
    }

    public Response geoJson(String ifNoneMatch, ObjectMapper mapper, Iterable<? extends T> items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeGeoJson(mapper, body, items);
        return OpenData.download(ifNoneMatch, body.toByteArray(), OpenData.GEOJSON, name + ".geojson");
    }
}
