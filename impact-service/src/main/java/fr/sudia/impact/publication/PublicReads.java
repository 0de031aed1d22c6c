package fr.sudia.impact.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Public reads that partners and the gateway cache: {@code Cache-Control}, and an {@code ETag} that is a digest of
 * the body, so a client revalidating figures that did not change gets a 304 without its body.
 *
 * <p>Figures are aggregates over the whole read model, too costly to compute per request: each answer is rendered
 * once per {@link ReadModelVersion} and then sent from memory. While events pour in (a replay, a busy day) the
 * version changes many times a second, so an answer is rendered again at most once per {@code render-interval}:
 * the request that finds it older renders the next one while the others still get the previous one. A public
 * answer is therefore at most that interval plus one rendering behind the read model (it is cacheable for
 * {@code public-max-age} anyway).
 */
@ApplicationScoped
public class PublicReads {

    private record Rendered(byte[] body, EntityTag tag) {
    }

    private static final class Entry {
        final long version;
        final long renderedAt = System.nanoTime();
        final CompletableFuture<Rendered> body;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(long version, CompletableFuture<Rendered> body) {
            this.version = version;
            this.body = body;
        }

        boolean usable() {
            return !body.isDone() || !body.isCompletedExceptionally();
        }
    }

    private final ObjectMapper objectMapper;
    private final ReadModelVersion readModel;
    private final CacheControl cacheControl;
    private final long renderIntervalNanos;
    private final Map<String, Entry> entries;

    PublicReads(ObjectMapper objectMapper, ReadModelVersion readModel,
            @ConfigProperty(name = "sudia.impact.public-max-age") int maxAge,
            @ConfigProperty(name = "sudia.impact.render-interval") Duration renderInterval,
            @ConfigProperty(name = "sudia.impact.rendered-answers") int maxEntries) {
        this.objectMapper = objectMapper;
        this.readModel = readModel;
        this.cacheControl = new CacheControl();
        this.cacheControl.setMaxAge(maxAge);
        this.cacheControl.setPrivate(false);
        this.cacheControl.setNoTransform(false);
        this.renderIntervalNanos = renderInterval.toNanos();
        // The least recently used answers are dropped past maxEntries: bounded memory whatever the queries.
        this.entries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        });
    }

    public CacheControl cacheControl() {
        return cacheControl;
    }

    /** The JSON answer named {@code key} (every input of {@code entity} must be in it), rendered as said above. */
    public Response json(Request request, String key, Supplier<Object> entity) {
        return respond(request, rendered("json:" + key, () -> {
            try {
                return objectMapper.writeValueAsBytes(entity.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }), MediaType.APPLICATION_JSON_TYPE);
    }

    public Response text(Request request, String key, Supplier<String> body, String mediaType, String fileName) {
        Response response = respond(request, rendered("text:" + key, () -> body.get().getBytes(StandardCharsets.UTF_8)),
                MediaType.valueOf(mediaType));
        return fileName == null || response.getStatus() != 200 ? response
                : Response.fromResponse(response).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** A definition's version as its ETag (the If-Match of admins' updates). */
    public Response versioned(Request request, long version, Object entity) {
        EntityTag tag = new EntityTag(Long.toString(version));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cacheControl).tag(tag).build();
        }
        return Response.ok(entity).tag(tag).cacheControl(cacheControl).build();
    }

    private Rendered rendered(String key, Supplier<byte[]> render) {
        long version = readModel.current().value();
        Entry entry = entries.get(key);
        if (entry != null && entry.body.isDone() && entry.usable()) {
            boolean current = entry.version >= version || System.nanoTime() - entry.renderedAt < renderIntervalNanos;
            if (current || !entry.refreshing.compareAndSet(false, true)) {
                return entry.body.join();
            }
            try {
                Rendered next = render(render);
                entries.put(key, new Entry(version, CompletableFuture.completedFuture(next)));
                return next;
            } finally {
                entry.refreshing.set(false);
            }
        }
        Entry mine = new Entry(version, new CompletableFuture<>());
        Entry installed = entries.compute(key, (k, old) -> old == null || !old.usable() ? mine : old);
        if (installed != mine) {
            return await(installed);
        }
        try {
            Rendered first = render(render);
            mine.body.complete(first);
            return first;
        } catch (RuntimeException e) {
            // A failed rendering (a 404, a database error) is forgotten: the next request tries again.
            mine.body.completeExceptionally(e);
            entries.remove(key, mine);
            throw e;
        }
    }

    private static Rendered await(Entry entry) {
        try {
            return entry.body.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Rendered render(Supplier<byte[]> render) {
        byte[] body = render.get();
        return new Rendered(body, new EntityTag(digest(body)));
    }

    private Response respond(Request request, Rendered rendered, MediaType type) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(rendered.tag());
        if (notModified != null) {
            return notModified.cacheControl(cacheControl).tag(rendered.tag()).build();
        }
        return Response.ok(rendered.body(), type).tag(rendered.tag()).cacheControl(cacheControl).build();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
