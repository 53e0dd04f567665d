package io.threadkeep.bench.gen;

import java.nio.charset.Charset;

/** Renders a generated thread as a saved page in one site's markup generation. */
public interface PageWriter {

    Era era();

    /** The charset the page declares and is encoded in. */
    Charset charset();

    /** The page's full HTML. */
    String write(GenThread thread);
}
