package dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Liberty servers the build creates force HotSpot to inline Bouncy Castle's Argon2 compression function
 * (pom.xml, {@code liberty.jvm.argon2Inline*}): left to its profile, C2 keeps {@code quarterRound} or {@code
 * roundFunction} out of line when it first compiles them during the server's start, and a hash then costs about
 * twice the CPU. A CompileCommand whose method does not exist is silently ignored, so the names are checked against
 * the jar, and a child JVM shows that HotSpot applies them and that the hashes it computes so are unchanged.
 */
class Argon2InliningTest {
    private static final String GENERATOR = Argon2BytesGenerator.class.getName();
    /** Left out of line, each of these made a hash 2.3× (quarterRound) and 1.3× (roundFunction) as slow. */
    private static final List<String> HOT_CALLEES = List.of("quarterRound", "roundFunction");

    @Test
    void theServersInlineTheCompressionFunctionOfTheBundledBouncyCastle() throws Exception {
        List<String> inlined = inlinedMethods();
        assertThat(inlined).containsAll(HOT_CALLEES);
        List<String> declared = Arrays.stream(Argon2BytesGenerator.class.getDeclaredMethods())
                .map(m -> m.getName())
                .toList();
        assertThat(declared)
                .as("methods named in pom.xml's CompileCommands must exist in this Bouncy Castle's %s", GENERATOR)
                .containsAll(inlined);
    }

    @Test
    void hotSpotInlinesThemAsCommanded() throws Exception {
        String vm = System.getProperty("java.vm.name", "");
        assumeTrue(vm.contains("HotSpot") || vm.contains("Server VM"), "CompileCommand is HotSpot's; this is " + vm);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(compileCommands());
        command.addAll(List.of(
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompileCommand=PrintInlining," + GENERATOR + "::*",
                "-cp",
                System.getProperty("java.class.path"),
                Argon2HashLoop.class.getName(),
                java.util.HexFormat.of().formatHex(Argon2HashLoop.hash())));
        Path output = Files.createTempFile("argon2-inlining", ".txt");
        try {
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the hashing JVM did not finish within 60 s");
            }
            assertThat(child.exitValue())
                    .as("the child's exit status (3: a hash compiled with the options differs)")
                    .isZero();
            List<String> decisions = Files.readAllLines(output, StandardCharsets.UTF_8);
            for (String callee : HOT_CALLEES) {
                List<String> about = decisions.stream()
                        .filter(line -> line.contains("Argon2BytesGenerator::" + callee + " "))
                        .map(String::strip)
                        .collect(Collectors.toList());
                assertThat(about).as("inlining decisions about %s", callee).isNotEmpty();
                // C2 stops inlining anything in a compilation once it holds NodeCountInliningCutoff nodes (the
                // whole block function inlined comes close): a limit of the compilation's size, not a choice from
                // the profile, which is what the options overrule.
                assertThat(about)
                        .as("every compiler decision about %s", callee)
                        .allMatch(line -> line.endsWith("force inline by CompileCommand")
                                || line.endsWith("NodeCountInliningCutoff"));
                assertThat(about.stream().filter(line -> line.endsWith("force inline by CompileCommand")))
                        .as("the decisions about %s forced by the options", callee)
                        .hasSizeGreaterThan(about.size() / 2);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The -XX:CompileCommand options of pom.xml's liberty.jvm properties (one line of jvm.options each). */
    private static List<String> compileCommands() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element properties = (Element) factory.newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile())
                .getDocumentElement()
                .getElementsByTagName("properties")
                .item(0);
        List<String> options = new ArrayList<>();
        NodeList children = properties.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element property
                    && property.getTagName().startsWith("liberty.jvm.")
                    && property.getTextContent().startsWith("-XX:CompileCommand=")) {
                options.add(property.getTextContent().strip());
            }
        }
        return options;
    }

    private static List<String> inlinedMethods() throws Exception {
        String prefix = "-XX:CompileCommand=inline," + GENERATOR + "::";
        return compileCommands().stream()
                .filter(option -> option.startsWith(prefix))
                .map(option -> option.substring(prefix.length()))
                .toList();
    }
}
