package io.threadkeep.export;

import java.nio.charset.StandardCharsets;

/** Quoted-printable (RFC 2045) of UTF-8 text with LF line ends: lines under 77 characters, soft breaks between. */
final class QuotedPrintable {

    private QuotedPrintable() {
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        String[] lines = text.split("\n", -1);
        for (int li = 0; li < lines.length; li++) {
            if (li > 0) {
                out.append('\n');
            }
            byte[] bytes = lines[li].getBytes(StandardCharsets.UTF_8);
            int column = 0;
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xFF;
                boolean last = i == bytes.length - 1;
                String piece;
                if ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)) {
                    piece = String.valueOf((char) b);
                } else {
                    piece = String.format(java.util.Locale.ROOT, "=%02X", b);
                }
                if (column + piece.length() > 75) {
                    out.append("=\n");
                    column = 0;
                }
                out.append(piece);
                column += piece.length();
            }
        }
        return out.toString();
    }
}
