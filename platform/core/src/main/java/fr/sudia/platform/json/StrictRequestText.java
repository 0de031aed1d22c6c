package fr.sudia.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import fr.sudia.platform.text.ControlCharacters;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Refuses a request body whose text holds a control character (see {@link ControlCharacters}), escaped
 * ({@code \u0000}) or not: a 400 naming the field instead of a database error (PostgreSQL refuses NUL) or a feed
 * that no XML parser reads. Only request bodies are checked: events consumed from Kafka and JSON read back from
 * the database are read as they are, so that a row stored before the check never stops a service.
 */
@Provider
public class StrictRequestText implements ReaderInterceptor {

    private static final ThreadLocal<Boolean> READING_REQUEST = new ThreadLocal<>();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Boolean outer = READING_REQUEST.get();
        READING_REQUEST.set(Boolean.TRUE);
        try {
            return context.proceed();
        } finally {
            if (outer == null) {
                READING_REQUEST.remove();
            }
        }
    }

    /** A text value of the request that holds a forbidden character; the path names the field. */
    public static class ControlCharacterException extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        ControlCharacterException(JsonParser parser) {
            super(parser, "text " + ControlCharacters.MESSAGE, String.class);
        }
    }

    /** Jackson's own String deserializer, then the check while a request body is read. */
    static final class CheckedStrings extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        CheckedStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText()
                    : StringDeserializer.instance.deserialize(parser, context);
            if (value != null && READING_REQUEST.get() != null && !ControlCharacters.isClean(value)) {
                throw new ControlCharacterException(parser);
            }
            return value;
        }
    }

    @Singleton
    public static class Registration implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("sudia-strict-request-text").addDeserializer(String.class,
                    new CheckedStrings()));
        }
    }
}
