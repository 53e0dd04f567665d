package io.threadkeep.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns a page's bytes into text the way browsers do: byte-order mark first, then the container's declared
 * charset, then the page's own {@code <meta>}/XML declaration, then detection (UTF-8 first). Labels that the web
 * treats as windows-1252 ({@code iso-8859-1}, {@code latin1}, {@code us-ascii}) decode as windows-1252, so bytes
 * 0x80-0x9F become curly quotes, dashes and the euro sign rather than control characters.
 */
public final class HtmlDecoder {

    private static final int META_SCAN_BYTES = 8192;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_:.\\-]+)[\"']", Pattern.CASE_INSENSITIVE);

    /** The text and the charset it was decoded with. */
    public record Decoded(String text, Charset charset, String how) {
    }

    private HtmlDecoder() {
    }

    public static Decoded decode(byte[] bytes, String declaredCharset) {
        Charset bomCharset = charsetFromBom(bytes);
        if (bomCharset != null) {
            int skip = bomCharset.equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new Decoded(new String(bytes, skip, bytes.length - skip, bomCharset), bomCharset, "byte-order mark");
        }
        Charset declared = forLabel(declaredCharset);
        if (declared != null) {
            return new Decoded(new String(bytes, declared), declared, "container");
        }
        Charset meta = charsetFromMarkup(bytes);
        if (meta != null) {
            // A page declaring UTF-8 that is not valid UTF-8 was mis-labelled; browsers would show mojibake, but
            // a saved copy is usually re-encoded by the saving tool, so fall through to detection instead.
            if (!meta.equals(StandardCharsets.UTF_8) || isValidUtf8(bytes)) {
                return new Decoded(new String(bytes, meta), meta, "meta");
            }
        }
        if (isValidUtf8(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "detected");
        }
        Charset detected = detect(bytes);
        return new Decoded(new String(bytes, detected), detected, "detected");
    }

    /** Maps a charset label to the charset browsers use for it; null for unknown or missing labels. */
    public static Charset forLabel(String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
        if (l.isEmpty()) {
            return null;
        }
        switch (l) {
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
                    "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "csisolatin1", "windows-1252", "cp1252",
                    "x-cp1252" -> {
                return Charset.forName("windows-1252");
            }
            case "utf8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.forName(l);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
    }

    static Charset charsetFromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    static Charset charsetFromMarkup(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            Charset c = forLabel(xml.group(1));
            if (c != null) {
                return c;
            }
        }
        Matcher meta = META_CHARSET.matcher(head);
        while (meta.find()) {
            Charset c = forLabel(meta.group(1));
            if (c != null) {
                // A UTF-16 label inside bytes we can read as ASCII is a lie: the bytes are ASCII-compatible.
                return c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c;
            }
        }
        return null;
    }

    static boolean isValidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer ignored = decoder.decode(ByteBuffer.wrap(bytes));
            return ignored != null;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 1 << 20));
        detector.dataEnd();
        Charset c = forLabel(detector.getDetectedCharset());
        return c != null ? c : Charset.forName("windows-1252");
    }

    /**
     * Whether the bytes look like a binary file rather than text: NUL bytes or many control characters in the
     * first few KiB (UTF-16 with a BOM is text).
     */
    public static boolean looksBinary(byte[] bytes) {
        if (charsetFromBom(bytes) != null) {
            return false;
        }
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }
}
