package io.threadkeep.model;

import java.util.Locale;

/**
 * The one rule for links Threadkeep keeps or opens: http and https only. A saved page can carry {@code javascript:},
 * {@code file:}, {@code data:} or custom-scheme links; stored, they would later be handed to the desktop, which runs
 * whatever the scheme names. Story links, comment and summary links, and every link the window opens pass through
 * {@link #httpOnly}.
 */
public final class WebLinks {

    private WebLinks() {
    }

    /**
     * {@code url} trimmed when it is an absolute http(s) URL (a protocol-relative {@code //host/...} becomes https),
     * else null: other schemes, relative links, and anything holding control characters or white space.
     */
    public static String httpOnly(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                return null;
            }
        }
        if (u.startsWith("//") && u.length() > 2) {
            return "https:" + u;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("http://") && u.length() > 7) || (lower.startsWith("https://") && u.length() > 8)) {
            return u;
        }
        return null;
    }
}
