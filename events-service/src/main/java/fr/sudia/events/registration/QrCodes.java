package fr.sudia.events.registration;

import io.nayuki.qrcodegen.QrCode;

/** A booking code as a QR code, in SVG: the door devices scan it. */
final class QrCodes {

    private static final int BORDER = 4; // the quiet zone the QR code specification asks for

    private QrCodes() {
    }

    static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 %d %d" stroke="none" role="img">
                <title>%s</title>
                <rect width="100%%" height="100%%" fill="#FFFFFF"/>
                <path d="%s" fill="#000000"/>
                </svg>
                """.formatted(size, size, text, path);
    }
}
