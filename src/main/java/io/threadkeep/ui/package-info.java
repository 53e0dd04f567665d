/**
 * The reader window, built in code (no FXML) with one stylesheet and light and dark themes; its parts live in the
 * sub-packages, one per pane ({@code library}, {@code thread}, {@code search}, {@code importing}) plus the
 * {@code window} that holds them and {@code common} helpers. In each pane, a view-model holds the state as read-only
 * properties and the commands, and does archive work as {@code javafx.concurrent.Task}s on an injected executor whose
 * results reach the FX thread in {@code succeeded()}; the view only binds to it and forwards input.
 *
 * <p>The UI may use {@code model}, {@code body} (to read comment bodies), {@code store}, {@code search} and
 * {@code archiving}; it must not use the importer, SQL, the CLI or the app (ArchUnit checks this), so it parses no
 * pages.
 */
package io.threadkeep.ui;
