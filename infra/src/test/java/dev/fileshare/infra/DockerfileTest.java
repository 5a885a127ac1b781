package dev.fileshare.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The root Dockerfile (read as ../Dockerfile): it builds the war from the sources, then follows Open
 * Liberty's order on pinned base images, selects the aws store only at run time, warms endpoints that
 * exist, and copies only real files and sets only real configuration.
 */
class DockerfileTest {

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    private static DockerfileInstructions dockerfile;
    private static DockerfileInstructions build;
    private static DockerfileInstructions image;

    @BeforeAll
    static void read() {
        dockerfile = DockerfileInstructions.parse(RepositoryFiles.read("Dockerfile"));
        List<DockerfileInstructions> stages = dockerfile.stages();
        assertThat(stages).as("build stage, then the image").hasSize(2);
        build = stages.get(0);
        image = stages.get(1);
    }

    // --- the war is built from the sources, not taken from target/

    @Test
    void aFirstStageBuildsTheWarFromThePomAndTheMainSourcesWithTheMavenWrapper() {
        assertThat(build.named("FROM").get(0).operands()).last().isEqualTo("build");
        assertThat(build.copySources()).contains("mvnw", "pom.xml", ".mvn/", "src/main/");
        assertThat(build.named("RUN"))
                .anySatisfy(run -> assertThat(run.operands()).contains("./mvnw", "package"));
        assertThat(dockerfile.copySources())
                .as("nothing built on the deployer's machine is copied in")
                .noneMatch(source -> source.startsWith("target"));
    }

    @Test
    void theWarComesFromTheBuildStageUnderTheNameServerXmlDeploys() {
        String warName = rootBuildFinalName() + ".war";
        String workdir = build.named("WORKDIR").get(0).arguments().trim();
        assertThat(image.named("COPY")).anySatisfy(copy -> {
            assertThat(copy.flags()).contains("--from=build");
            assertThat(copy.operands()).containsExactly(workdir + "/target/" + warName, "/config/apps/");
        });
        assertThat(RepositoryFiles.read("server.xml")).contains("location=\"" + warName + "\"");
    }

    @Test
    void theBuildStageRunsOnTheBuildersOwnPlatform() {
        // The war does not depend on the CPU: only the Liberty stage needs an arm64 (or emulating) builder.
        assertThat(build.named("FROM").get(0).flags()).contains("--platform=$BUILDPLATFORM");
        assertThat(image.named("FROM").get(0).flags()).noneMatch(f -> f.startsWith("--platform"));
    }

    // --- base images

    @Test
    void everyBaseImageIsPinnedByDigest() {
        assertThat(dockerfile.named("FROM"))
                .hasSize(2)
                .allSatisfy(from -> assertThat(from.operands().get(0)).matches(DIGEST));
    }

    @Test
    void runsOnOpenLibertyKernelSlimOfTheVersionTheTestsRunOn() {
        String libertyVersion = rootPomProperty("liberty.runtime.version");
        assertThat(image.named("FROM").get(0).operands().get(0))
                .startsWith("open-liberty:" + libertyVersion + "-kernel-slim-java17-openj9@sha256:");
    }

    // --- Open Liberty's order, and the aws store only at run time

    @Test
    void followsTheOpenLibertyOrderConfigurationThenFeaturesThenAppThenConfigure() {
        int serverXml = image.indexOf("COPY", "server.xml");
        int features = image.indexOf("RUN", "features.sh");
        int war = image.indexOf("COPY", ".war");
        int configure = image.indexOf("RUN", "configure.sh");
        assertThat(List.of(serverXml, features, war, configure)).doesNotContain(-1);
        assertThat(serverXml).isLessThan(features);
        assertThat(features).isLessThan(war);
        assertThat(war).isLessThan(configure);
    }

    @Test
    void theAwsStoreIsSelectedOnlyAfterConfigureHasRunTheServer() {
        // configure.sh starts the server; in aws mode that would call AWS from the builder's machine.
        int configure = image.indexOf("RUN", "configure.sh");
        List<DockerfileInstructions.Instruction> beforeConfigure = new ArrayList<>(build.all());
        beforeConfigure.addAll(image.all().subList(0, configure + 1));
        assertThat(beforeConfigure)
                .noneMatch(instruction -> instruction.arguments().contains("FILESHARE_STORE"));
        int store = image.indexOf("ENV", "FILESHARE_STORE=aws");
        assertThat(store).as("ENV FILESHARE_STORE=aws in the image").isGreaterThan(configure);
    }

    @Test
    void theWarmUpRequestsEndpointsTheServerHasOnItsHttpPortWithThrowawayData() {
        String configure = image.all().get(image.indexOf("RUN", "configure.sh")).arguments();
        // Endpoints of Liberty's features (MicroProfile Health, OpenAPI), served whatever the application does.
        Map<String, String> features = Map.of(
                "/health/live", "mpHealth-",
                "/health/ready", "mpHealth-",
                "/health/started", "mpHealth-",
                "/openapi", "mpOpenAPI-");
        String serverXml = RepositoryFiles.read("server.xml");
        String base = "http://localhost:" + ServiceCluster.CONTAINER_PORT;
        for (String variable : List.of("WARM_ENDPOINT_URL", "WARM_OPENAPI_ENDPOINT_URL")) {
            Matcher url = Pattern.compile(variable + "=(\\S+)").matcher(configure);
            assertThat(url.find()).as(variable + " is set for configure.sh").isTrue();
            assertThat(url.group(1)).startsWith(base + "/");
            String path = url.group(1).substring(base.length());
            assertThat(features.entrySet())
                    .as("%s is served by a feature server.xml enables", path)
                    .anySatisfy(f -> {
                        assertThat(path).isEqualTo(f.getKey());
                        assertThat(serverXml).contains("<feature>" + f.getValue());
                    });
        }
        assertThat(configure).contains("FILESHARE_DATA_DIR=/tmp/").contains("rm -rf /tmp/");
    }

    @Test
    void theImageIsLabelledWithTheVersionAndTheRevisionGivenAsBuildArguments() {
        List<String> args = image.named("ARG").stream()
                .map(a -> a.arguments().trim().split("=")[0])
                .toList();
        assertThat(args).contains("VERSION", "REVISION");
        String labels = String.join(
                " ",
                image.named("LABEL").stream()
                        .map(DockerfileInstructions.Instruction::arguments)
                        .toList());
        assertThat(labels)
                .contains("org.opencontainers.image.version=\"$VERSION\"")
                .contains("org.opencontainers.image.revision=\"$REVISION\"");
        // A new revision must not invalidate the feature and class-cache layers.
        assertThat(image.indexOf("ARG", "REVISION")).isGreaterThan(image.indexOf("RUN", "configure.sh"));
    }

    // --- the JVM in a container

    @Test
    void theJvmSizesItsHeapFromTheContainerAndExitsOnOutOfMemory() {
        assertThat(image.named("COPY"))
                .anySatisfy(
                        copy -> assertThat(copy.operands()).containsExactly("server.xml", "jvm.options", "/config/"));
        List<String> options = RepositoryFiles.read("jvm.options")
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(options).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(options)
                .as("a fixed -Xmx would override the container-relative heap size")
                .noneMatch(o -> o.startsWith("-Xmx"));
        Matcher percentage =
                Pattern.compile("-XX:MaxRAMPercentage=(\\d+(\\.\\d+)?)").matcher(String.join("\n", options));
        assertThat(percentage.find()).as("-XX:MaxRAMPercentage").isTrue();
        assertThat(Double.parseDouble(percentage.group(1))).isBetween(50.0, 80.0);
    }

    // --- logs and telemetry

    @Test
    void logsJsonWithTheAccessLogAndTakesTheTelemetryDefaults() {
        assertThat(image.named("ENV"))
                .anySatisfy(env -> assertThat(env.arguments())
                        .contains("WLP_LOGGING_CONSOLE_FORMAT=json")
                        .containsPattern("WLP_LOGGING_CONSOLE_SOURCE=\\S*accessLog"));
        assertThat(image.named("COPY"))
                .anySatisfy(copy -> assertThat(copy.operands()).containsExactly("server.env", "/config/"));
        assertThat(RepositoryFiles.read("server.env")).contains("OTEL_SDK_DISABLED=${OTEL_SDK_DISABLED:-false}");
    }

    // --- what it copies and sets is real

    @Test
    void everyCopiedPathExistsInTheRepository() {
        assertThat(dockerfile.copySources())
                .isNotEmpty()
                .allSatisfy(source -> assertThat(Files.exists(RepositoryFiles.ROOT.resolve(source)))
                        .as("COPY source %s exists at the repository root", source)
                        .isTrue());
    }

    @Test
    void filesBelongToTheNonRootUserAndTheImageRunsAsIt() {
        assertThat(image.named("COPY"))
                .allSatisfy(copy -> assertThat(copy.flags()).contains("--chown=1001:0"));
        List<DockerfileInstructions.Instruction> users = image.named("USER");
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
        assertThat(image.named("EXPOSE"))
                .anySatisfy(expose -> assertThat(expose.arguments().trim()).isEqualTo(port.group(1)));
    }

    @Test
    void everyFileshareVariableItSetsIsAConfigurationKeyOfTheService() {
        List<String> fileshareVariables = new ArrayList<>(dockerfile.environmentNames().stream()
                .filter(name -> name.startsWith("FILESHARE_"))
                .toList());
        Matcher inline = Pattern.compile("\\b(FILESHARE_[A-Z0-9_]+)=").matcher(RepositoryFiles.read("Dockerfile"));
        while (inline.find()) {
            fileshareVariables.add(inline.group(1));
        }
        assertThat(fileshareVariables).isNotEmpty();
        assertThat(RepositoryFiles.configEnvironmentNames())
                .as("environment names of the service's configuration keys")
                .containsAll(fileshareVariables);
    }

    /** The root pom's build/finalName (the war's name), or artifactId-version if it sets none. */
    private static String rootBuildFinalName() {
        Element project = rootPom();
        assertThat(childText(project, "packaging")).as("root build packaging").isEqualTo("war");
        Element build = child(project, "build");
        String finalName = build == null ? null : childText(build, "finalName");
        return finalName != null ? finalName : childText(project, "artifactId") + "-" + childText(project, "version");
    }

    private static String rootPomProperty(final String name) {
        String value = childText(child(rootPom(), "properties"), name);
        assertThat(value).as("root pom property %s", name).isNotBlank();
        return value;
    }

    private static Element rootPom() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(RepositoryFiles.read("pom.xml"))));
            return pom.getDocumentElement();
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
