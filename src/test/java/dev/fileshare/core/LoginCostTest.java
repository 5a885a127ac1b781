package dev.fileshare.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.core.model.Argon2Settings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * A login for a user that does not exist costs one Argon2 verification, like a wrong password, so its time does
 * not tell which names are registered. With 1 MiB per hash the verification takes milliseconds of CPU, and a login
 * that skipped it would take microseconds. The figures are the thread's CPU time, which other processes on a busy
 * machine do not inflate as they do the wall-clock time, and the least of a few tries, after the JIT has warmed up.
 */
class LoginCostTest {
    private static final int TRIES = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final AccountsFixture fixture = new AccountsFixture(
            new Argon2Settings(1024, 1, 1), new LoginThrottle.Limits(1_000, 1_000, 1_000, AccountsFixture.WINDOW));

    @Test
    void anUnknownOrImpossibleNameCostsAsMuchAsAWrongPassword() {
        assumeTrue(CPU.isCurrentThreadCpuTimeSupported(), "this JVM measures no thread CPU time");
        fixture.accounts.register("alice", "password1");
        long wrongPassword = Long.MAX_VALUE;
        long unknownUser = Long.MAX_VALUE;
        long impossibleName = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            wrongPassword = Math.min(wrongPassword, cpuNanosToLogin("alice", "password2"));
            unknownUser = Math.min(unknownUser, cpuNanosToLogin("mallory", "password2"));
            impossibleName = Math.min(impossibleName, cpuNanosToLogin("not a name", "password2"));
        }

        String figures = "CPU ns: wrong password " + wrongPassword + ", unknown user " + unknownUser
                + ", impossible name " + impossibleName;
        assertThat(unknownUser).as(figures).isGreaterThan(wrongPassword / 4);
        assertThat(impossibleName).as(figures).isGreaterThan(wrongPassword / 4);
    }

    private long cpuNanosToLogin(String username, String password) {
        long start = CPU.getCurrentThreadCpuTime();
        assertThat(fixture.catchLogin(username, password)).isNotNull();
        return CPU.getCurrentThreadCpuTime() - start;
    }
}
