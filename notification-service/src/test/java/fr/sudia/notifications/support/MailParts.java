package fr.sudia.notifications.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text of a delivered message's parts, by content type. */
public final class MailParts {

    private MailParts() {
    }

    /** The decoded text of the first leaf part whose content type starts with {@code type} (e.g. {@code text/html}). */
    public static String text(Part message, String type) throws Exception {
        List<String> found = new ArrayList<>();
        collect(message, type, found);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type + " part");
        }
        return found.get(0);
    }

    private static void collect(Part part, String type, List<String> found) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        } else if (part.getContentType().toLowerCase().startsWith(type)) {
            if (content instanceof String s) {
                found.add(s);
            } else {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    in.transferTo(out);
                    found.add(out.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
