package io.threadkeep.ui.window;

import io.threadkeep.archiving.ImportService;
import io.threadkeep.search.SearchService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.ui.common.LinkOpener;
import io.threadkeep.ui.common.Theme;
import io.threadkeep.ui.common.UiSettings;
import io.threadkeep.ui.search.SearchPane;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The reader window's object graph, built in one place: the application and the tests that open a real window
 * both call {@link #build}, so a test window is wired exactly as the user's. What differs between them (the page
 * importer, how links open, the sample pages, the theme and time zone) comes in as arguments. Build on the FX thread.
 *
 * @param viewModel  the window's state, owner of the library, thread, import and search view-models
 * @param window     the window itself, not yet shown
 * @param searchPane the search pane, already plugged into the window
 */
public record ReaderWindowGraph(ReaderViewModel viewModel, ReaderWindow window, SearchPane searchPane) {

    /**
     * @param executor    the one background executor; settings, searches, imports and loads all run on it
     * @param samplePages the bundled sample pages, for a first run on an empty archive
     * @param systemTheme the theme to use when the reader has not chosen one
     * @param zone        the zone dates are shown in
     */
    public static ReaderWindowGraph build(ArchiveStore store, ImportService importService, Executor executor,
                                          LinkOpener linkOpener, Supplier<List<Path>> samplePages, Theme systemTheme,
                                          ZoneId zone) {
        UiSettings settings = new UiSettings(store::setting, store::putSetting, executor);
        ReaderViewModel vm = new ReaderViewModel(store, importService, new SearchService(store), executor, settings,
                linkOpener, samplePages, systemTheme);
        ReaderWindow window = new ReaderWindow(vm, zone);
        SearchPane searchPane = new SearchPane(vm.search());
        window.setSearchPane(searchPane);
        return new ReaderWindowGraph(vm, window, searchPane);
    }
}
