package dev.fileshare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md: {@code api → core ← adapters}; the core's services use its ports
 * ({@code core.port}), which use its value types ({@code core.model}); {@code config} wires everything and nothing
 * depends on it.
 */
@AnalyzeClasses(packages = "dev.fileshare", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] ADAPTERS = {"dev.fileshare.store.."};

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.fileshare.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreKnowsNoFramework = noClasses()
            .that()
            .resideInAPackage("dev.fileshare.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta..",
                    "javax.ws..",
                    "java.sql..",
                    "software.amazon..",
                    "org.sqlite..",
                    "com.ibm..",
                    "io.openliberty..",
                    "org.eclipse..",
                    "io.smallrye..",
                    "io.opentelemetry..")
            .because("the rules must not depend on HTTP, JSON, CDI, JDBC, AWS, telemetry or the server");

    @ArchTest
    static final ArchRule coreKnowsNoOuterLayer = noClasses()
            .that()
            .resideInAPackage("dev.fileshare.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.fileshare.api..", "dev.fileshare.config..", "dev.fileshare.store..");

    @ArchTest
    static final ArchRule portsKnowNoServices = noClasses()
            .that()
            .resideInAnyPackage("dev.fileshare.core.port..", "dev.fileshare.core.model..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fileshare.core")
            .because("the services use the ports and the value types, never the other way round");

    @ArchTest
    static final ArchRule valueTypesKnowNoPorts = noClasses()
            .that()
            .resideInAPackage("dev.fileshare.core.model..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fileshare.core.port..");

    @ArchTest
    static final ArchRule nothingButTheWiringSeesConfig = noClasses()
            .that()
            .resideOutsideOfPackage("dev.fileshare.config..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fileshare.config..")
            .because("config builds the application; nothing it builds should reach back for settings");

    @ArchTest
    static final ArchRule adaptersKnowNeitherApiNorConfig = noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.fileshare.api..", "dev.fileshare.config..");

    @ArchTest
    static final ArchRule adaptersKnowNoTelemetry = noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.opentelemetry..", "org.eclipse.microprofile.metrics..")
            .because("config traces the ports' calls around the adapters; the adapters stay plain");

    @ArchTest
    static final ArchRule localAdaptersDoNotUseAwsAdapters = noClasses()
            .that()
            .resideInAPackage("dev.fileshare.store.local..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fileshare.store.aws..");

    @ArchTest
    static final ArchRule awsAdaptersDoNotUseLocalAdapters = noClasses()
            .that()
            .resideInAPackage("dev.fileshare.store.aws..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.fileshare.store.local..");

    @ArchTest
    static final ArchRule apiReachesStoresOnlyThroughPorts = noClasses()
            .that()
            .resideInAPackage("dev.fileshare.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.fileshare.store..", "java.sql..");

    @ArchTest
    static final ArchRule onlyTheAwsAdaptersUseTheAwsSdk = noClasses()
            .that()
            .resideOutsideOfPackage("dev.fileshare.store.aws..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule onlyTheLocalAdaptersUseJdbc = noClasses()
            .that()
            .resideOutsideOfPackage("dev.fileshare.store.local..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.sqlite..");

    /** A resource's field that CDI or JAX-RS does not fill stays null, and the first request through it is a 500. */
    @ArchTest
    static final ArchRule resourceFieldsAreInjected = fields().that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(jakarta.ws.rs.Path.class)
            .and()
            .areNotStatic()
            .should()
            .beAnnotatedWith(jakarta.inject.Inject.class)
            .orShould()
            .beAnnotatedWith(jakarta.ws.rs.core.Context.class);
}
