package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The root Dockerfile (read as ../Dockerfile): it copies only real files and sets only real configuration. */
class DockerfileTest {

    private static DockerfileInstructions dockerfile;

    @BeforeAll
    static void read() {
        dockerfile = DockerfileInstructions.parse(RepositoryFiles.read("Dockerfile"));
    }

    @Test
    void buildsOnAPinnedOpenLibertyKernelSlimImage() {
        List<DockerfileInstructions.Instruction> from = dockerfile.named("FROM");
        assertThat(from).hasSize(1);
        assertThat(from.get(0).arguments())
                .matches(
                        "icr\\.io/appcafe/open-liberty:\\d+\\.\\d+\\.\\d+\\.\\d+-kernel-slim-java17-openj9-ubi-minimal");
    }

    @Test
    void everyCopiedPathExistsInTheRepositoryOrIsTheWarTheRootBuildProduces() throws Exception {
        String builtWar = "target/" + rootBuildFinalName() + ".war";
        assertThat(dockerfile.copySources()).isNotEmpty().allSatisfy(source -> {
            boolean inRepository = Files.exists(RepositoryFiles.ROOT.resolve(source));
            assertThat(inRepository || source.equals(builtWar))
                    .as("COPY source %s exists at the repository root or is the root build's %s", source, builtWar)
                    .isTrue();
        });
        assertThat(dockerfile.copySources()).contains("server.xml", builtWar);
    }

    @Test
    void copiesTheWarIntoLibertysAppsDirectoryUnderTheNameServerXmlDeploys() {
        String war = "target/" + rootBuildFinalName() + ".war";
        assertThat(dockerfile.named("COPY"))
                .anySatisfy(copy -> assertThat(copy.operands()).containsExactly(war, "/config/apps/"));
        assertThat(RepositoryFiles.read("server.xml")).contains("location=\"" + rootBuildFinalName() + ".war\"");
        assertThat(dockerfile.named("COPY"))
                .anySatisfy(copy -> assertThat(copy.operands()).containsExactly("server.xml", "/config/"));
    }

    @Test
    void followsTheOpenLibertyOrderFeaturesThenAppThenConfigure() {
        int serverXml = dockerfile.indexOf("COPY", "server.xml");
        int features = dockerfile.indexOf("RUN", "features.sh");
        int war = dockerfile.indexOf("COPY", ".war");
        int configure = dockerfile.indexOf("RUN", "configure.sh");
        assertThat(List.of(serverXml, features, war, configure)).doesNotContain(-1);
        assertThat(serverXml).isLessThan(features);
        assertThat(features).isLessThan(war);
        assertThat(war).isLessThan(configure);
    }

    @Test
    void filesBelongToTheNonRootUserAndTheImageRunsAsIt() {
        assertThat(dockerfile.named("COPY"))
                .allSatisfy(copy -> assertThat(copy.flags()).contains("--chown=1001:0"));
        List<DockerfileInstructions.Instruction> users = dockerfile.named("USER");
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1).arguments().trim()).isEqualTo("1001");
    }

    @Test
    void leavesHealthToTheLoadBalancer() {
        assertThat(dockerfile.named("HEALTHCHECK")).isEmpty();
    }

    @Test
    void exposesLibertysHttpPortFromServerXml() {
        Matcher port = Pattern.compile("<variable\\s+name=\"http\\.port\"\\s+defaultValue=\"(\\d+)\"")
                .matcher(RepositoryFiles.read("server.xml"));
        assertThat(port.find()).as("server.xml declares http.port").isTrue();
        assertThat(port.group(1)).isEqualTo(String.valueOf(ServiceCluster.CONTAINER_PORT));
        assertThat(dockerfile.named("EXPOSE"))
                .anySatisfy(expose -> assertThat(expose.arguments().trim()).isEqualTo(port.group(1)));
    }

    @Test
    void selectsTheAwsStore() {
        assertThat(dockerfile.named("ENV"))
                .anySatisfy(env -> assertThat(env.arguments().trim()).isEqualTo("FILESHARE_STORE=aws"));
    }

    @Test
    void everyFileshareVariableItSetsIsAConfigurationKeyOfTheService() {
        List<String> fileshareVariables = dockerfile.environmentNames().stream()
                .filter(name -> name.startsWith("FILESHARE_"))
                .toList();
        assertThat(fileshareVariables).isNotEmpty();
        assertThat(RepositoryFiles.configEnvironmentNames())
                .as("environment names of the service's configuration keys")
                .containsAll(fileshareVariables);
    }

    /** The root pom's build/finalName (the war's name), or artifactId-version if it sets none. */
    private static String rootBuildFinalName() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(RepositoryFiles.read("pom.xml"))));
            Element project = pom.getDocumentElement();
            assertThat(childText(project, "packaging"))
                    .as("root build packaging")
                    .isEqualTo("war");
            Element build = child(project, "build");
            String finalName = build == null ? null : childText(build, "finalName");
            return finalName != null
                    ? finalName
                    : childText(project, "artifactId") + "-" + childText(project, "version");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the root pom.xml", e);
        }
    }

    private static Element child(final Element parent, final String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String childText(final Element parent, final String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
