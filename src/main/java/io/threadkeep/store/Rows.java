package io.threadkeep.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Site;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Conversions between the model and the archive's columns, shared by the store's classes. */
final class Rows {

    static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new TypeAdapter<Instant>() {
                @Override
                public void write(JsonWriter out, Instant value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(value.toString());
                    }
                }

                @Override
                public Instant read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                        return null;
                    }
                    return Instant.parse(in.nextString());
                }
            }).create();

    /** The comment columns, in the order {@link #commentFrom} reads them. */
    static final String COMMENT_COLUMNS = "site_comment_id, parent_site_id, position, author, author_id, posted, "
            + "posted_text, score, label, subject, html, text, completeness, state, post_number, accepted";

    private Rows() {
    }

    /** Reads a comment from columns starting at {@code from}, laid out as {@link #COMMENT_COLUMNS}. */
    static Comment commentFrom(ResultSet rs, int from) throws SQLException {
        int i = from;
        String id = rs.getString(i);
        String parent = rs.getString(i + 1);
        // i + 2 is position
        String author = rs.getString(i + 3);
        String authorId = rs.getString(i + 4);
        Instant posted = instant(rs.getString(i + 5));
        String postedText = rs.getString(i + 6);
        Integer score = rs.getObject(i + 7) == null ? null : rs.getInt(i + 7);
        String label = rs.getString(i + 8);
        String subject = rs.getString(i + 9);
        String html = rs.getString(i + 10);
        String text = rs.getString(i + 11);
        Completeness completeness = Completeness.values()[rs.getInt(i + 12)];
        CommentState state = CommentState.valueOf(rs.getString(i + 13));
        Integer postNumber = rs.getObject(i + 14) == null ? null : rs.getInt(i + 14);
        boolean accepted = rs.getInt(i + 15) == 1;
        return new Comment(id, parent, author, authorId, posted, postedText, score, label, subject, html, text,
                completeness, state, postNumber, accepted);
    }

    /**
     * Binds the columns a merge may change, in the order both the INSERT and the UPDATE of the import writer list
     * them; returns the next parameter index.
     */
    static int bindMergedFields(PreparedStatement ps, int from, Comment c) throws SQLException {
        int i = from;
        ps.setString(i++, c.parentId());
        ps.setString(i++, c.author());
        ps.setString(i++, c.authorId());
        ps.setString(i++, iso(c.posted()));
        ps.setString(i++, c.postedText());
        setInteger(ps, i++, c.score());
        ps.setString(i++, c.label());
        ps.setString(i++, c.subject());
        ps.setString(i++, c.html());
        ps.setString(i++, c.text());
        ps.setInt(i++, c.completeness().ordinal());
        ps.setString(i++, c.state().name());
        setInteger(ps, i++, c.postNumber());
        ps.setInt(i++, c.accepted() ? 1 : 0);
        return i;
    }

    static Site site(String id) {
        return Site.fromId(id).orElseThrow(() -> new StoreException("unknown site in archive: " + id));
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static byte[] deflate(byte[] bytes, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] deflate(byte[] bytes) {
        // The default level: the best level costs about twice the time for a percent or two of size.
        return deflate(bytes, Deflater.DEFAULT_COMPRESSION);
    }

    static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 6);
            byte[] buffer = new byte[65536];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new StoreException("a saved page in the archive is corrupt");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new StoreException("a saved page in the archive is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
