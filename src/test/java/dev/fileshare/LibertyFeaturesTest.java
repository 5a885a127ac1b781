package dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * server.xml enables only Liberty features the application uses: for each one, some class of {@code src/main}
 * depends on the API it provides. An unused feature still costs start-up time and per-request work.
 */
class LibertyFeaturesTest {
    /** The API packages each feature provides; "x.." includes x's subpackages. */
    private static final Map<String, List<String>> API_OF_FEATURE = Map.ofEntries(
            Map.entry("restfulWS", List.of("jakarta.ws.rs..")),
            Map.entry("servlet", List.of("jakarta.servlet..")),
            Map.entry("jsonb", List.of("jakarta.json.bind..")),
            Map.entry("jsonp", List.of("jakarta.json", "jakarta.json.stream", "jakarta.json.spi")),
            Map.entry("cdi", List.of("jakarta.enterprise..", "jakarta.inject..")),
            Map.entry("beanValidation", List.of("jakarta.validation..")),
            Map.entry("mpConfig", List.of("org.eclipse.microprofile.config..")),
            Map.entry("mpOpenAPI", List.of("org.eclipse.microprofile.openapi..")),
            Map.entry("mpHealth", List.of("org.eclipse.microprofile.health..")),
            Map.entry("mpTelemetry", List.of("io.opentelemetry..")),
            Map.entry("mpMetrics", List.of("org.eclipse.microprofile.metrics..")));

    @Test
    void everyEnabledFeatureIsUsed() throws Exception {
        Set<String> used = usedPackages();
        List<String> unused = new ArrayList<>();
        for (String feature : enabledFeatures()) {
            String name = feature.replaceFirst("-[0-9.]+$", "");
            assertThat(API_OF_FEATURE)
                    .as("server.xml enables %s: say here which API packages it provides", feature)
                    .containsKey(name);
            if (used.stream().noneMatch(p -> provides(API_OF_FEATURE.get(name), p))) {
                unused.add(feature);
            }
        }
        assertThat(unused).as("features in server.xml that no class uses").isEmpty();
    }

    private static List<String> enabledFeatures() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList features = factory.newDocumentBuilder()
                .parse(Path.of("server.xml").toFile())
                .getElementsByTagName("feature");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features.getLength(); i++) {
            names.add(features.item(i).getTextContent().trim());
        }
        assertThat(names).as("features in server.xml").isNotEmpty();
        return names;
    }

    private static Set<String> usedPackages() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fileshare");
        return classes.stream()
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .map(Dependency::getTargetClass)
                .map(target -> target.getPackageName())
                .collect(Collectors.toSet());
    }

    private static boolean provides(List<String> apis, String usedPackage) {
        return apis.stream()
                .anyMatch(api -> api.endsWith("..")
                        ? (usedPackage + ".").startsWith(api.substring(0, api.length() - 1))
                        : usedPackage.equals(api));
    }
}
