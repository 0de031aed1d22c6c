package fr.sudia.funding.call;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON documents stored in text columns: a call's form and grid, an application's answers and team, scores. */
final class CallJson {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CallJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<Question> form(FundingCall call) {
        return read(call.form, new TypeReference<List<Question>>() {
        });
    }

    static List<Criterion> grid(FundingCall call) {
        return read(call.grid, new TypeReference<List<Criterion>>() {
        });
    }

    static List<TeamMember> team(CallApplication application) {
        return read(application.team, new TypeReference<List<TeamMember>>() {
        });
    }

    static ObjectNode object(String text) {
        return (ObjectNode) tree(text);
    }

    static Map<String, Double> scores(Review review) {
        return read(review.scores, new TypeReference<Map<String, Double>>() {
        });
    }

    static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
