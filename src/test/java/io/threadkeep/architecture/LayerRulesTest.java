package io.threadkeep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers as rules, checked on every build (JabRef had to switch its layer rule off; ours start on day one). */
class LayerRulesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.threadkeep");
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.threadkeep.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadkeep.importer..", "io.threadkeep.store..",
                        "io.threadkeep.archiving..", "io.threadkeep.search..", "io.threadkeep.export..",
                        "io.threadkeep.ui..", "io.threadkeep.cli..", "io.threadkeep.app..", "io.threadkeep.body..")
                .check(main);
        noClasses().that().resideInAPackage("io.threadkeep.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..")
                .check(main);
    }

    @Test
    void importerDependsOnNeitherStoreNorUi() {
        noClasses().that().resideInAPackage("io.threadkeep.importer..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadkeep.store..", "io.threadkeep.archiving..",
                        "io.threadkeep.search..", "io.threadkeep.ui..", "io.threadkeep.cli..", "io.threadkeep.app..",
                        "javafx..", "java.sql..")
                .check(main);
    }

    @Test
    void storeDependsOnNeitherImporterNorUi() {
        noClasses().that().resideInAPackage("io.threadkeep.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadkeep.importer..", "io.threadkeep.archiving..",
                        "io.threadkeep.ui..", "io.threadkeep.cli..", "io.threadkeep.app..", "javafx..")
                .check(main);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("io.threadkeep.store..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(main);
    }

    @Test
    void uiReadsBodiesThroughTheBodyFormatNeverTheImporter() {
        noClasses().that().resideInAPackage("io.threadkeep.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.threadkeep.importer..")
                .check(main);
    }

    @Test
    void theBodyFormatDependsOnlyOnTheModel() {
        noClasses().that().resideInAPackage("io.threadkeep.body..")
                .should().dependOnClassesThat().resideInAnyPackage("io.threadkeep.importer..", "io.threadkeep.store..",
                        "io.threadkeep.archiving..", "io.threadkeep.search..", "io.threadkeep.export..",
                        "io.threadkeep.ui..", "io.threadkeep.cli..", "io.threadkeep.app..", "javafx..", "java.sql..")
                .check(main);
    }

    @Test
    void uiNeverTouchesSqlOrTheCommandLine() {
        noClasses().that().resideInAPackage("io.threadkeep.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "io.threadkeep.cli..",
                        "io.threadkeep.app..")
                .check(main);
    }

    @Test
    void onlyTheCommandLinePrintsToStandardOutput() {
        noClasses().that().resideOutsideOfPackage("io.threadkeep.cli..")
                .should().accessField(System.class, "out")
                .because("output belongs to the CLI; everything else reports through return values or the window")
                .check(main);
    }

    @Test
    void nothingPrintsStackTraces() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(main);
    }

    @Test
    void theEntryPointStaysFreeOfJavaFx() {
        noClasses().that().haveFullyQualifiedName("io.threadkeep.app.Main")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("CLI commands must run without starting the JavaFX toolkit")
                .check(main);
        noClasses().that().resideInAnyPackage("io.threadkeep.cli..", "io.threadkeep.archiving..",
                        "io.threadkeep.search", "io.threadkeep.export..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(main);
    }
}
