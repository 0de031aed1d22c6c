package fr.sudia.label.registry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The bytes of each label's verification and badge, rendered once per ETag: the hot path then only compares
 * a tag and writes bytes. One entry per label and kind, replaced when the label's ETag changes.
 */
@ApplicationScoped
class RenderedAnswers {

    private record Rendered(String etag, byte[] body) {
    }

    private final ConcurrentHashMap<String, Rendered> verifications = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Rendered> badges = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;

    RenderedAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] json(LabelSnapshot label, String etag, Supplier<Object> view) {
        return render(verifications, label, etag, () -> {
            try {
                return mapper.writeValueAsBytes(view.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    byte[] badge(LabelSnapshot label, String etag, Supplier<byte[]> svg) {
        return render(badges, label, etag, svg);
    }

    private static byte[] render(ConcurrentHashMap<String, Rendered> cache, LabelSnapshot label, String etag,
            Supplier<byte[]> body) {
        Rendered held = cache.get(label.number());
        if (held == null || !held.etag().equals(etag)) {
            held = new Rendered(etag, body.get());
            cache.put(label.number(), held);
        }
        return held.body();
    }
}
