package dev.fileshare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md: api → core → store ports ← adapters. */
@AnalyzeClasses(packages = "dev.fileshare", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoFramework = noClasses().that().resideInAPackage("dev.fileshare.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "jakarta.json..", "jakarta.servlet..", "java.sql..", "software.amazon..",
                    "org.sqlite..", "com.ibm..", "io.openliberty..", "org.eclipse.microprofile..")
            .because("the rules must not depend on HTTP, JDBC, AWS or the server");

    @ArchTest
    static final ArchRule coreKnowsNoAdapterOrApi = noClasses().that().resideInAPackage("dev.fileshare.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.fileshare.api..", "dev.fileshare.config..", "dev.fileshare.store.local..", "dev.fileshare.store.aws..");

    @ArchTest
    static final ArchRule adaptersDoNotUseTheApi = noClasses().that().resideInAnyPackage(
                    "dev.fileshare.store..")
            .should().dependOnClassesThat().resideInAPackage("dev.fileshare.api..");

    @ArchTest
    static final ArchRule onlyTheAwsAdaptersUseTheAwsSdk = noClasses().that().resideOutsideOfPackage("dev.fileshare.store.aws..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule onlyTheLocalAdaptersUseJdbc = noClasses().that().resideOutsideOfPackage("dev.fileshare.store.local..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule adaptersStayApart = noClasses().that().resideInAPackage("dev.fileshare.store.local..")
            .should().dependOnClassesThat().resideInAPackage("dev.fileshare.store.aws..");

    @ArchTest
    static final ArchRule awsAdaptersStayApart = noClasses().that().resideInAPackage("dev.fileshare.store.aws..")
            .should().dependOnClassesThat().resideInAPackage("dev.fileshare.store.local..");

    @ArchTest
    static final ArchRule apiReachesStoresOnlyThroughPorts = noClasses().that().resideInAPackage("dev.fileshare.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.fileshare.store.local..", "dev.fileshare.store.aws..", "java.sql..");
}
