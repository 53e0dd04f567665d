package io.threadkeep.importer.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Wraps a page the way saving tools do, so tests can check that every wrapping gives back the bare page. Each
 * wrapping follows the tool's real output format (Chrome's MHTML, crawler WARCs, the Wayback Machine's rewriting,
 * SingleFile's header).
 */
final class Wrappings {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "(?i)(\\s(?:href|src|action)\\s*=\\s*)(\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))");

    private Wrappings() {
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip with the page, as a browser's "complete" save: the page plus its {@code _files} folder. */
    static byte[] zip(byte[] page, String name, byte[]... resources) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("saved/"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("saved/" + name));
            zip.write(page);
            zip.closeEntry();
            for (int i = 0; i < resources.length; i++) {
                zip.putNextEntry(new ZipEntry("saved/" + name.replace(".html", "_files") + "/resource" + i));
                zip.write(resources[i]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    enum Encoding { QUOTED_PRINTABLE, BASE64 }

    /**
     * Chrome's MHTML: a multipart/related message whose first part is the page (in {@code charset}, which the part
     * declares), followed by an image and a frame.
     */
    static byte[] mhtml(byte[] page, Charset charset, String url, Instant date, Encoding encoding) {
        String boundary = "----MultipartBoundary--q8Rr2kVZ0nW1pLm3xTz5hY7cB9dF4gJ6sA----";
        String rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC));
        String decoded = new String(page, StandardCharsets.UTF_8);
        byte[] pageBytes = decoded.getBytes(charset);
        StringBuilder s = new StringBuilder();
        s.append("From: <Saved by Blink>\r\n")
                .append("Snapshot-Content-Location: ").append(url).append("\r\n")
                .append("Subject: =?utf-8?Q?A=20saved=20thread?=\r\n")
                .append("Date: ").append(rfc1123).append("\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"")
                .append(boundary).append("\"\r\n\r\n\r\n");
        s.append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/html; charset=\"").append(charset.name().toLowerCase(Locale.ROOT))
                .append("\"\r\n")
                .append("Content-ID: <frame-8E1C4F2A9B7D3E5F6A0B1C2D3E4F5A6B@mhtml.blink>\r\n");
        if (encoding == Encoding.QUOTED_PRINTABLE) {
            s.append("Content-Transfer-Encoding: quoted-printable\r\n")
                    .append("Content-Location: ").append(url).append("\r\n\r\n")
                    .append(quotedPrintable(pageBytes)).append("\r\n");
        } else {
            s.append("Content-Transfer-Encoding: base64\r\n")
                    .append("Content-Location: ").append(url).append("\r\n\r\n")
                    .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pageBytes)).append("\r\n");
        }
        s.append("--").append(boundary).append("\r\n")
                .append("Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n")
                .append("Content-Location: https://example.invalid/s.gif\r\n\r\n")
                .append("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\r\n");
        s.append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n")
                .append("Content-Transfer-Encoding: quoted-printable\r\n")
                .append("Content-Location: about:blank\r\n\r\n")
                .append("<html><body>an advert frame</body></html>\r\n");
        s.append("--").append(boundary).append("--\r\n");
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** RFC 2045 quoted-printable with soft line breaks at 76 characters; line ends stay CRLF. */
    static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') {
                out.append("\r\n");
                lineLength = 0;
                continue;
            }
            if (b == '\r') {
                continue;
            }
            boolean lastOnLine = i + 1 >= bytes.length || bytes[i + 1] == '\n' || bytes[i + 1] == '\r';
            String piece;
            if ((b >= 33 && b <= 126 && b != '=') || (b == ' ' || b == '\t') && !lastOnLine) {
                piece = String.valueOf((char) b);
            } else {
                piece = String.format("=%02X", b);
            }
            if (lineLength + piece.length() > 75) {
                out.append("=\r\n");
                lineLength = 0;
            }
            out.append(piece);
            lineLength += piece.length();
        }
        return out.toString();
    }

    /**
     * A WARC (optionally gzipped per record) as a crawler writes it: warcinfo-less, a request, the page's
     * response (charset in the HTTP header, body optionally gzip-encoded), and an image response.
     */
    static byte[] warc(byte[] page, String url, Instant date, boolean gzipFile, boolean gzipEncodedBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(java.nio.channels.Channels.newChannel(out),
                gzipFile ? WarcCompression.GZIP : WarcCompression.NONE)) {
            writer.write(new WarcRequest.Builder(url).date(date)
                    .body(MediaType.HTTP_REQUEST, ("GET " + URI.create(url).getRawPath() + " HTTP/1.1\r\nHost: "
                            + URI.create(url).getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
                    .build());
            HttpResponse.Builder http = new HttpResponse.Builder(200, "OK")
                    .addHeader("Server", "nginx");
            byte[] body = page;
            if (gzipEncodedBody) {
                body = gzip(page);
                http.addHeader("Content-Encoding", "gzip");
            }
            http.body(MediaType.parse("text/html; charset=utf-8"), body);
            writer.write(new WarcResponse.Builder(url).date(date).body(http.build()).build());
            HttpResponse image = new HttpResponse.Builder(200, "OK")
                    .body(MediaType.parse("image/gif"), Base64.getDecoder()
                            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"))
                    .build();
            writer.write(new WarcResponse.Builder("https://example.invalid/s.gif").date(date).body(image).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The page as the Wayback Machine serves it: playback scripts in the head, the toolbar after {@code <body>},
     * every link and resource rewritten to {@code /web/<timestamp>[im_|cs_|js_]/<absolute url>}, and the archive
     * note at the end.
     */
    static byte[] wayback(byte[] page, String url, String timestamp) {
        String html = new String(page, StandardCharsets.UTF_8);
        Matcher m = URL_ATTRIBUTE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            String quote = m.group(3) != null ? "\"" : m.group(4) != null ? "'" : "";
            String attribute = m.group(1).trim().toLowerCase(Locale.ROOT);
            String rewritten = archived(value, url, timestamp, attribute);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + quote + rewritten + quote));
        }
        m.appendTail(out);
        html = out.toString();
        String head = "<script src=\"//archive.org/includes/athena.js\" type=\"text/javascript\"></script>\n"
                + "<script type=\"text/javascript\">window.addEventListener('DOMContentLoaded',function(){"
                + "var v=archive_analytics.values;v.service='wb';v.server_name='wwwb-app220.us.archive.org';"
                + "archive_analytics.send_pageview({});});</script>\n"
                + "<script type=\"text/javascript\" src=\"/_static/js/bundle-playback.js?v=1B2M2Y8A\" "
                + "charset=\"utf-8\"></script>\n"
                + "<script type=\"text/javascript\" src=\"/_static/js/wombat.js?v=txqj7nKC\" charset=\"utf-8\">"
                + "</script>\n"
                + "<script>window.RufflePlayer=window.RufflePlayer||{};window.RufflePlayer.config="
                + "{\"autoplay\":\"on\",\"unmuteOverlay\":\"hidden\"};</script>\n"
                + "<script type=\"text/javascript\">\n  __wm.init(\"https://web.archive.org/web\");\n"
                + "  __wm.wombat(\"" + url + "\",\"" + timestamp + "\",\"https://web.archive.org/\",\"web\","
                + "\"https://web-static.archive.org/_static/\",\n\t      \"1709383200\");\n</script>\n"
                + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/_static/css/banner-styles.css?v=S1zqJCYt\" />\n"
                + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/_static/css/iconochive.css?v=3PDvdIFv\" />\n"
                + "<!-- End Wayback Rewrite JS Include -->\n";
        String toolbar = "\n<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n"
                + "<script>__wm.rw(0);</script>\n"
                + "<div id=\"wm-ipp-base\" lang=\"en\" style=\"display:none;direction:ltr;\">\n"
                + "<div id=\"wm-ipp\" style=\"position:fixed;left:0;top:0;right:0;\">"
                + "<div id=\"wm-capinfo\"><table><tr><td class=\"c\"><a href=\"/web/" + timestamp + "*/" + url
                + "\">1 capture</a><div class=\"d\">02 Mar 2024</div></td></tr></table></div>"
                + "<div id=\"donato\"><a href=\"https://archive.org/donate/\">Donate</a></div></div>\n"
                + "</div>\n<div id=\"wm-ipp-print\">The Wayback Machine - https://web.archive.org/web/"
                + timestamp + "/" + url + "</div>\n"
                + "<script type=\"text/javascript\">__wm.bt(700,27,25,2,\"web\",\"" + url + "\",\"" + timestamp
                + "\",1996,\"/_static/\",[\"/_static/css/banner-styles.css\"], false);</script>\n"
                + "<!-- END WAYBACK TOOLBAR INSERT -->\n";
        html = insertAfterTag(html, "head", head);
        html = insertAfterTag(html, "body", toolbar);
        html = html + "\n<!--\n     FILE ARCHIVED ON 12:34:56 Mar 02, 2024 AND RETRIEVED FROM THE\n"
                + "     INTERNET ARCHIVE ON 08:00:00 Jan 01, 2025.\n     JAVASCRIPT APPENDED BY WAYBACK MACHINE, "
                + "COPYRIGHT INTERNET ARCHIVE.\n-->\n<!--\nplayback timings (ms):\n  captures_list: 0.6\n-->";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String archived(String value, String base, String timestamp, String attribute) {
        String v = org.jsoup.parser.Parser.unescapeEntities(value, true);
        if (v.isEmpty() || v.startsWith("#") || v.startsWith("javascript:") || v.startsWith("mailto:")
                || v.startsWith("data:")) {
            return value;
        }
        String absolute = resolve(base, v);
        String modifier = attribute.equals("src") ? (v.endsWith(".js") ? "js_" : "im_")
                : v.contains(".css") ? "cs_" : "";
        return "/web/" + timestamp + modifier + "/" + absolute.replace("&", "&amp;");
    }

    /** Resolves a link the way a browser does, without java.net.URI's strictness about characters. */
    private static String resolve(String base, String link) {
        if (link.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return link;
        }
        URI b = URI.create(base);
        String origin = b.getScheme() + "://" + b.getRawAuthority();
        if (link.startsWith("//")) {
            return b.getScheme() + ":" + link;
        }
        if (link.startsWith("/")) {
            return origin + link;
        }
        String path = b.getRawPath() == null || b.getRawPath().isEmpty() ? "/" : b.getRawPath();
        if (link.startsWith("?")) {
            return origin + path + link;
        }
        return origin + path.substring(0, path.lastIndexOf('/') + 1) + link;
    }

    /** SingleFile's header comment, right after {@code <html ...>} as SingleFile writes it. */
    static byte[] singleFile(byte[] page, String url, String savedDate) {
        String html = new String(page, StandardCharsets.UTF_8);
        String header = "<!--\n Page saved with SingleFile \n url: " + url + " \n saved date: " + savedDate
                + "\n-->";
        return insertAfterTag(html, "html", header).getBytes(StandardCharsets.UTF_8);
    }

    private static String insertAfterTag(String html, String tag, String insert) {
        Matcher m = Pattern.compile("(?i)<" + tag + "(\\s[^>]*)?>").matcher(html);
        if (!m.find()) {
            return insert + html;
        }
        return html.substring(0, m.end()) + insert + html.substring(m.end());
    }
}
