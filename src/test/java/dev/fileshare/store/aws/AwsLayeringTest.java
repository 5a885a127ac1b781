package dev.fileshare.store.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The AWS SDK stays inside the aws adapters (and the producer that opens them); adapters know no HTTP layer. */
@AnalyzeClasses(packages = "dev.fileshare", importOptions = ImportOption.DoNotIncludeTests.class)
class AwsLayeringTest {

    @ArchTest
    static final ArchRule awsAdaptersDoNotUseTheApi = noClasses().that().resideInAPackage("dev.fileshare.store.aws..")
            .should().dependOnClassesThat().resideInAPackage("dev.fileshare.api..");

    @ArchTest
    static final ArchRule onlyTheAwsAdaptersUseTheAwsSdk = noClasses().that()
            .resideOutsideOfPackage("dev.fileshare.store.aws..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    @ArchTest
    static final ArchRule coreDoesNotUseTheAwsAdapters = noClasses().that().resideInAPackage("dev.fileshare.core..")
            .should().dependOnClassesThat().resideInAPackage("dev.fileshare.store.aws..");
}
