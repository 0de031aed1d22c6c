package fr.sudia.label.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.sudia.label.charter.CharterQuestion;
import fr.sudia.label.charter.CharterVersion;
import jakarta.ws.rs.BadRequestException;

/** Checks answers against a charter version's questionnaire. */
final class Questionnaire {

    private Questionnaire() {
    }

    /** Every answer refers to a question of this version, once, and says NOT_APPLICABLE only where allowed. */
    static void checkAnswers(CharterVersion charter, List<Answer> answers) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Answer answer : answers) {
            CharterQuestion question = charter.question(answer.question()).orElse(null);
            if (question == null) {
                problems.add("'" + answer.question() + "' is not a question of charter version " + charter.version);
            } else if (!seen.add(answer.question())) {
                problems.add("'" + answer.question() + "' is answered twice");
            } else if (answer.value() == AnswerValue.NOT_APPLICABLE && !question.notApplicableAllowed()) {
                problems.add("'" + answer.question() + "' cannot be answered NOT_APPLICABLE");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("The answers do not fit the questionnaire: " + String.join("; ", problems) + ".");
        }
    }

    /** A submission answers every question. */
    static void checkComplete(CharterVersion charter, List<Answer> answers) {
        Set<String> answered = new HashSet<>();
        answers.forEach(answer -> answered.add(answer.question()));
        List<String> missing = charter.questions.stream().map(CharterQuestion::code)
                .filter(code -> !answered.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new BadRequestException("Every question must be answered before submission; missing: "
                    + String.join(", ", missing) + ".");
        }
    }
}
