package io.threadkeep.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * A strict reader of mboxrd for the tests: a message starts at a "From " line at the start of the file or after
 * a blank line, ">From " quoting is undone, and each message is parsed by mime4j's strict MIME parser (headers
 * decoded per RFC 2047, body per its transfer encoding). Fails on anything a mail reader would have to guess at.
 */
final class MboxReader {

    record Message(Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            if (values == null) {
                return null;
            }
            if (values.size() != 1) {
                throw new AssertionError("header " + name + " appears " + values.size() + " times");
            }
            return values.get(0);
        }
    }

    private MboxReader() {
    }

    static List<Message> read(String mbox) {
        if (!mbox.isEmpty() && !mbox.startsWith("From ")) {
            throw new AssertionError("an mbox starts with a From line");
        }
        List<String> raw = new ArrayList<>();
        StringBuilder current = null;
        String[] lines = mbox.split("\n", -1);
        boolean previousBlank = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            if (line.indexOf('\r') >= 0) {
                throw new AssertionError("a bare CR in line " + (i + 1));
            }
            if (previousBlank && line.startsWith("From ")) {
                if (current != null) {
                    raw.add(current.toString());
                }
                current = new StringBuilder();
            } else {
                if (current == null) {
                    throw new AssertionError("text before the first From line");
                }
                String unquoted = line;
                int q = 0;
                while (q < line.length() && line.charAt(q) == '>') {
                    q++;
                }
                if (q > 0 && line.startsWith("From ", q)) {
                    unquoted = line.substring(1);
                }
                current.append(unquoted).append("\r\n");
            }
            previousBlank = line.isEmpty();
        }
        if (current != null) {
            raw.add(current.toString());
        }
        List<Message> out = new ArrayList<>();
        for (String r : raw) {
            // the blank line before the next "From " belongs to the separator, not to the message
            String message = r.endsWith("\r\n\r\n") ? r.substring(0, r.length() - 2) : r;
            out.add(parse(message));
        }
        return out;
    }

    private static Message parse(String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        MimeConfig config = new MimeConfig.Builder().setStrictParsing(true).setMaxLineLen(1000)
                .setMaxHeaderLen(10_000).build();
        MimeStreamParser parser = new MimeStreamParser(config);
        parser.setContentDecoding(true);
        parser.setContentHandler(new AbstractContentHandler() {
            @Override
            public void field(Field field) {
                String value = DecoderUtil.decodeEncodedWords(MimeUtil.unfold(field.getBody()), DecodeMonitor.STRICT);
                headers.computeIfAbsent(field.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(value);
            }

            @Override
            public void body(BodyDescriptor bd, InputStream is) throws IOException {
                if (!bd.getMimeType().equals("text/plain") || !"utf-8".equalsIgnoreCase(bd.getCharset())) {
                    throw new AssertionError("not UTF-8 text: " + bd.getMimeType() + "; " + bd.getCharset());
                }
                body.append(new String(is.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        });
        try {
            parser.parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        } catch (MimeException e) {
            throw new AssertionError("not a valid message: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Message(headers, body.toString());
    }
}
