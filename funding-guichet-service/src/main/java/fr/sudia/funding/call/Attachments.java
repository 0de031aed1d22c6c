package fr.sudia.funding.call;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.tika.Tika;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules of files answering FILE questions: their type is read from their bytes, and their answer in the
 * application is written by the upload only (whatever an applicant's edit says of it is ignored).
 */
final class Attachments {

    /** Detection from magic numbers only (tika-core, no parser): what the bytes are, not what a name says. */
    private static final Tika TIKA = new Tika();

    private Attachments() {
    }

    static String typeOf(byte[] content) {
        return TIKA.detect(content);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer an upload sets: what identifies the file, never its bytes. */
    static ObjectNode answer(CallAttachment attachment) {
        return CallJson.JSON.createObjectNode()
                .put("mediaType", attachment.mediaType)
                .put("sizeBytes", attachment.sizeBytes)
                .put("sha256", attachment.sha256)
                .put("uploadedAt", attachment.uploadedAt.toString());
    }

    /** The answers an applicant wrote, without those of FILE questions (checked apart, set by uploads). */
    static ObjectNode withoutFiles(FundingCall call, JsonNode answers) {
        ObjectNode copy = answers.deepCopy();
        copy.remove(fileQuestions(call));
        return copy;
    }

    /** The answers an applicant wrote, with the FILE answers the stored application has (from its uploads). */
    static ObjectNode withStoredFiles(FundingCall call, JsonNode answers, ObjectNode stored) {
        ObjectNode copy = withoutFiles(call, answers);
        if (stored != null) {
            for (String question : fileQuestions(call)) {
                if (stored.has(question)) {
                    copy.set(question, stored.get(question));
                }
            }
        }
        return copy;
    }

    private static Set<String> fileQuestions(FundingCall call) {
        return CallJson.form(call).stream().filter(q -> q.type() == QuestionType.FILE).map(Question::id)
                .collect(Collectors.toSet());
    }
}
