package fr.sudia.label.registry;

import java.nio.charset.StandardCharsets;

import fr.sudia.label.label.LabelStatus;
import fr.sudia.platform.text.ControlCharacters;

/** The SVG badge a holder puts on its website: the label's status in words and colour, never green unless valid. */
final class Badge {

    private static final String LEFT = "Label Sud IA";

    private Badge() {
    }

    static byte[] render(String number, LabelStatus status) {
        String right = switch (status) {
            case VALID -> "valide";
            case SUSPENDED -> "suspendu";
            case WITHDRAWN -> "retiré";
            case EXPIRED -> "expiré";
        };
        String colour = switch (status) {
            case VALID -> "#2e7d32";
            case SUSPENDED -> "#e65100";
            case WITHDRAWN -> "#b71c1c";
            case EXPIRED -> "#616161";
        };
        int leftWidth = width(LEFT);
        int rightWidth = width(right);
        int total = leftWidth + rightWidth;
        String title = xml(LEFT + " " + number + " : " + right);
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s">\
                <title>%s</title>\
                <rect width="%d" height="20" fill="#0b3d91"/>\
                <rect x="%d" width="%d" height="20" fill="%s"/>\
                <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">\
                <text x="%d" y="14">%s</text><text x="%d" y="14">%s</text></g></svg>"""
                .formatted(total, title, title, leftWidth, leftWidth, rightWidth, colour, leftWidth / 2, LEFT,
                        leftWidth + rightWidth / 2, right);
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    /** The number is the service's own, but an SVG is XML: escaped all the same, control characters dropped. */
    static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : ControlCharacters.cleanLine(text).toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int width(String text) {
        return 7 * text.length() + 12;
    }
}
