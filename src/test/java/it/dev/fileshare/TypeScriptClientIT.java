package it.dev.fileshare;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.fileshare.support.NodeScript;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generated TypeScript client's flow (src/test/clients/flow.ts), compiled by tsc and run by Node. */
class TypeScriptClientIT {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");

    @Test
    void flowPasses() throws Exception {
        NodeScript.Result result = NodeScript.runCompiled("flow.js", Duration.ofMinutes(2));

        Matcher summary = SUMMARY.matcher(result.stdout());
        assertThat(summary.find()).as("the flow's summary line").isTrue();
        assertThat(Integer.parseInt(summary.group(2))).as("failed checks").isZero();
        assertThat(Integer.parseInt(summary.group(1))).as("passed checks").isGreaterThanOrEqualTo(13);
        assertThat(result.exitCode()).isZero();
    }
}
