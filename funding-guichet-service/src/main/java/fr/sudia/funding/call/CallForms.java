package fr.sudia.funding.call;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import fr.sudia.platform.problem.Problem.Violation;

/** Checks a call's form and grid as written, answers against the form, and scores against the grid: pure rules. */
public final class CallForms {

    private CallForms() {
    }

    /** The form and grid of a call being written: unique ids, options for choices, coherent bounds. */
    public static List<Violation> checkDefinition(CallInput input) {
        List<Violation> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < input.form().size(); i++) {
            Question q = input.form().get(i);
            String field = "form[" + i + "]";
            if (!ids.add(q.id())) {
                violations.add(body(field + ".id", "another question has the id '" + q.id() + "'"));
            }
            boolean choice = q.type() == QuestionType.CHOICE || q.type() == QuestionType.MULTI_CHOICE;
            if (choice && (q.options() == null || q.options().isEmpty())) {
                violations.add(body(field + ".options", "a " + q.type() + " question needs its options"));
            }
            if (!choice && q.options() != null) {
                violations.add(body(field + ".options", "only CHOICE and MULTI_CHOICE questions take options"));
            }
            boolean file = q.type() == QuestionType.FILE;
            if (!file && (q.maxBytes() != null || q.mediaTypes() != null)) {
                violations.add(body(field + (q.maxBytes() != null ? ".maxBytes" : ".mediaTypes"), "only FILE questions take it"));
            }
            if (file && q.mediaTypes() != null) {
                for (int t = 0; t < q.mediaTypes().size(); t++) {
                    if (!Question.FILE_TYPES.contains(q.mediaTypes().get(t))) {
                        violations.add(body(field + ".mediaTypes[" + t + "]", "must be one of " + Question.FILE_TYPES));
                    }
                }
            }
            if (q.min() != null && q.max() != null && q.min() > q.max()) {
                violations.add(body(field + ".min", "must not exceed max"));
            }
        }
        Set<String> criteria = new HashSet<>();
        for (int i = 0; i < input.grid().size(); i++) {
            if (!criteria.add(input.grid().get(i).id())) {
                violations.add(body("grid[" + i + "].id", "another criterion has the id '" + input.grid().get(i).id() + "'"));
            }
        }
        if (!input.closesAt().isAfter(input.opensAt())) {
            violations.add(body("closesAt", "must be after opensAt"));
        }
        if (input.reviewFrom() != null && input.reviewFrom().isBefore(input.closesAt())) {
            violations.add(body("reviewFrom", "must not be before closesAt"));
        }
        if (input.deliberationOn() != null && input.reviewFrom() != null && input.deliberationOn().isBefore(input.reviewFrom())) {
            violations.add(body("deliberationOn", "must not be before reviewFrom"));
        }
        if (input.resultsOn() != null && input.deliberationOn() != null && input.resultsOn().isBefore(input.deliberationOn())) {
            violations.add(body("resultsOn", "must not be before deliberationOn"));
        }
        if (input.kind() == CallKind.AI_CHALLENGE && (input.theme() == null || input.theme().isBlank())) {
            violations.add(body("theme", "an AI Challenge edition has a theme"));
        }
        if (input.kind() == CallKind.PRIZE_OF_THE_YEAR && (input.categories() == null || input.categories().isEmpty())) {
            violations.add(body("categories", "the prize of the year has its categories"));
        }
        return violations;
    }

    /**
     * Answers against the form: an unknown question, a wrong type or an answer over its limit is always refused;
     * a missing required answer only when {@code complete} (a submission; a draft may be partial).
     */
    public static List<Violation> checkAnswers(List<Question> form, JsonNode answers, boolean complete) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Question> questions = new LinkedHashMap<>();
        form.forEach(q -> questions.put(q.id(), q));
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> answer = it.next();
            String field = "answers." + answer.getKey();
            Question q = questions.get(answer.getKey());
            if (q == null) {
                violations.add(body(field, "the form has no such question"));
                continue;
            }
            JsonNode value = answer.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            String problem = check(q, value);
            if (problem != null) {
                violations.add(body(field, problem));
            }
        }
        if (complete) {
            for (Question q : form) {
                JsonNode value = answers.get(q.id());
                if (q.required() && (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()
                        || value.isArray() && value.isEmpty())) {
                    violations.add(body("answers." + q.id(), "is required"));
                }
            }
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return violations;
    }

    private static String check(Question q, JsonNode value) {
        switch (q.type()) {
            case TEXT, LONG_TEXT, URL -> {
                if (!value.isTextual()) {
                    return "must be a text";
                }
                int length = value.asText().codePointCount(0, value.asText().length());
                if (length > q.lengthLimit()) {
                    return "is " + length + " characters long; at most " + q.lengthLimit();
                }
                if (q.type() == QuestionType.URL && !isHttpUrl(value.asText())) {
                    return "must be an http(s) link";
                }
                return null;
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    return "must be a number";
                }
                double n = value.asDouble();
                if (q.min() != null && n < q.min()) {
                    return "must be at least " + q.min();
                }
                if (q.max() != null && n > q.max()) {
                    return "must be at most " + q.max();
                }
                return null;
            }
            case BOOLEAN -> {
                return value.isBoolean() ? null : "must be true or false";
            }
            case CHOICE -> {
                return value.isTextual() && q.options().contains(value.asText()) ? null : "must be one of " + q.options();
            }
            case FILE -> {
                // Written by the upload only: a digest, a type and a size (ApplicationDesk keeps applicants from writing it).
                return value.isObject() && value.path("sha256").isTextual() ? null : "is set by uploading the file";
            }
            case MULTI_CHOICE -> {
                if (!value.isArray()) {
                    return "must be a list of " + q.options();
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode item : value) {
                    if (!item.isTextual() || !q.options().contains(item.asText()) || !seen.add(item.asText())) {
                        return "must be distinct values of " + q.options();
                    }
                }
                if (q.maxChoices() != null && seen.size() > q.maxChoices()) {
                    return "at most " + q.maxChoices() + " choices";
                }
                return null;
            }
            default -> {
                return "unsupported question type";
            }
        }
    }

    /** Scores against the grid: every criterion scored once, each between 0 and its maximum. */
    public static List<Violation> checkScores(List<Criterion> grid, Map<String, Double> scores) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        grid.forEach(c -> criteria.put(c.id(), c));
        scores.forEach((id, score) -> {
            Criterion c = criteria.get(id);
            if (c == null) {
                violations.add(body("scores." + id, "the grid has no such criterion"));
            } else if (score == null || score < 0 || score > c.maxScore() || score.isNaN()) {
                violations.add(body("scores." + id, "must be between 0 and " + c.maxScore()));
            }
        });
        criteria.keySet().stream().filter(id -> !scores.containsKey(id))
                .forEach(id -> violations.add(body("scores." + id, "is required")));
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return violations;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Violation body(String field, String message) {
        return new Violation(field, "body", message);
    }
}
