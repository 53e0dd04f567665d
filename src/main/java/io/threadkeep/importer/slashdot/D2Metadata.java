package io.threadkeep.importer.slashdot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The comment table that Slashdot's second discussion system (D2, 2008 on) writes into an inline script:
 * {@code D2.comments({cid: {uid, pid, subject, points, kids, ...}})}, plus {@code D2.abbrev_comments({cid: n})} (bodies
 * cut to n characters) and {@code D2.more_comments_num(n)} (comments not sent with the page). It names the parent,
 * author id, score and often the subject of every comment the page knows, including collapsed ones with no body.
 * Absent on pages whose scripts were stripped by the saving tool; everything here is then empty.
 *
 * @param entries      by cid, in the script's order
 * @param abbreviated  cids whose body the page cut short
 * @param moreComments comments the page says it did not load, or null
 * @param problem      why the script could not be read, or null
 */
record D2Metadata(Map<String, Entry> entries, Set<String> abbreviated, Integer moreComments, String problem) {

    /** Slashdot's user id for Anonymous Coward. */
    static final String ANONYMOUS_UID = "666";

    /**
     * One comment of the table. {@code uid} is null where the script says {@code undefined} (comments below the
     * threshold whose details were not sent); {@code points} is null then too, as the -2 it carries is no score.
     */
    record Entry(String cid, String uid, String pid, String subject, Integer points) {
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    static D2Metadata read(Document doc) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Set<String> abbreviated = new HashSet<>();
        Integer more = null;
        String problem = null;
        for (Element script : doc.select("script")) {
            String js = script.data();
            if (!js.contains("D2.")) {
                continue;
            }
            try {
                Object comments = call(js, "D2.comments(");
                if (comments instanceof Map<?, ?> map) {
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        if (e.getValue() instanceof Map<?, ?> fields && isDigits(e.getKey().toString())) {
                            String cid = e.getKey().toString();
                            entries.put(cid, entry(cid, fields));
                        }
                    }
                }
                if (call(js, "D2.abbrev_comments(") instanceof Map<?, ?> abbrev) {
                    for (Object cid : abbrev.keySet()) {
                        abbreviated.add(cid.toString());
                    }
                }
                if (call(js, "D2.more_comments_num(") instanceof Number n) {
                    more = n.intValue();
                }
            } catch (IllegalArgumentException e) {
                problem = "the D2 comment table could not be read (" + e.getMessage() + ")";
            }
        }
        return new D2Metadata(Collections.unmodifiableMap(entries), Set.copyOf(abbreviated), more, problem);
    }

    private static Entry entry(String cid, Map<?, ?> f) {
        String uid = idOrNull(f.get("uid"));
        String pid = idOrNull(f.get("pid"));
        if ("0".equals(pid)) {
            pid = null;
        }
        Object subject = f.get("subject");
        Integer points = f.get("points") instanceof Number n && uid != null ? n.intValue() : null;
        if (points != null && (points < -1 || points > 5)) {
            points = null;
        }
        return new Entry(cid, uid, pid, subject instanceof String s && !s.isBlank() ? s : null, points);
    }

    private static String idOrNull(Object value) {
        if (value instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (value instanceof String s && isDigits(s)) {
            return s;
        }
        return null;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The argument of the first {@code name(...)} call in the script, or null when there is no such call. */
    private static Object call(String js, String name) {
        int at = js.indexOf(name);
        if (at < 0) {
            return null;
        }
        return new JsLiteral(js, at + name.length()).value();
    }

    /** A small reader for the object/array/string/number literals of these calls; tolerant of JS quirks. */
    private static final class JsLiteral {
        private static final int MAX_NESTING = 32;
        private final String s;
        private int pos;
        private int nesting;

        JsLiteral(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of script");
            }
            char c = s.charAt(pos);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"' || c == '\'') {
                return string(c);
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                return number();
            }
            String word = identifier();
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null", "undefined" -> null;
                case "" -> throw new IllegalArgumentException("unexpected '" + c + "' at " + pos);
                default -> word; // some other expression: kept as text, never evaluated
            };
        }

        private Map<String, Object> object() {
            enter();
            pos++; // {
            Map<String, Object> map = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key;
                char c = peek();
                if (c == '"' || c == '\'') {
                    key = string(c);
                } else if (c == '-' || Character.isDigit(c)) {
                    key = numberText();
                } else {
                    key = identifier();
                }
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("bad key at " + pos);
                }
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                }
            }
            nesting--;
            return map;
        }

        private List<Object> array() {
            enter();
            pos++; // [
            List<Object> list = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ']') {
                    pos++;
                    break;
                }
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                list.add(value());
            }
            nesting--;
            return list;
        }

        private String string(char quote) {
            pos++;
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == quote) {
                    return out.toString();
                }
                if (c != '\\' || pos >= s.length()) {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> out.append(hex(4));
                    case 'x' -> out.append(hex(2));
                    default -> out.append(e); // \" \' \\ \/ and unknown escapes stand for the character itself
                }
            }
            throw new IllegalArgumentException("unterminated string");
        }

        private char hex(int digits) {
            if (pos + digits > s.length()) {
                throw new IllegalArgumentException("bad escape");
            }
            try {
                char c = (char) Integer.parseInt(s.substring(pos, pos + digits), 16);
                pos += digits;
                return c;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad escape", e);
            }
        }

        private Number number() {
            String text = numberText();
            try {
                if (text.contains(".") || text.contains("e") || text.contains("E")) {
                    return Double.valueOf(text);
                }
                return Long.valueOf(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number '" + text + "'", e);
            }
        }

        private String numberText() {
            int start = pos;
            while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private String identifier() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || s.charAt(pos) == '$')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                    int end = s.indexOf("*/", pos + 2);
                    pos = end < 0 ? s.length() : end + 2;
                } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                    int end = s.indexOf('\n', pos);
                    pos = end < 0 ? s.length() : end + 1;
                } else {
                    return;
                }
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of script");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos);
            }
            pos++;
        }

        private void enter() {
            if (++nesting > MAX_NESTING) {
                throw new IllegalArgumentException("nested too deeply");
            }
        }
    }
}
