package io.threadkeep.importer;

/**
 * What is left of {@link ImportLimits#MAX_UNPACKED_BYTES} for one imported file. Every container reader at every
 * nesting level takes from the same budget while it inflates, so no nesting multiplies the limit.
 */
public final class UnpackBudget {

    private final long limit;
    private long used;

    public UnpackBudget(long limit) {
        this.limit = limit;
    }

    /** A fresh budget of {@link ImportLimits#MAX_UNPACKED_BYTES}. */
    public static UnpackBudget standard() {
        return new UnpackBudget(ImportLimits.MAX_UNPACKED_BYTES);
    }

    public long remaining() {
        return limit - used;
    }

    /** Takes {@code bytes}; refuses (and takes nothing) when that would go past the limit. */
    public void take(long bytes, String what) throws ImportException {
        if (bytes > remaining()) {
            used = limit;
            throw new ImportException(exhausted(what));
        }
        used += bytes;
    }

    /** The message for a refusal by this budget. */
    public String exhausted(String what) {
        return what + ": refused, everything unpacked from one file may hold at most "
                + ImportLimits.megabytes(limit) + " MB";
    }
}
