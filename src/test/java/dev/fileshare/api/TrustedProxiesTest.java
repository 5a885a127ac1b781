package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.core.model.ClientAddress;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {
    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final TrustedProxies VPC =
            new TrustedProxies(List.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("fd00::/8"), Cidr.parse("127.0.0.1")));

    private static ClientAddress client(TrustedProxies proxies, String peer, String... forwardedFor) {
        return proxies.clientOf(peer, List.of(forwardedFor));
    }

    private static ClientAddress address(String text) {
        return new ClientAddress(text);
    }

    @Test
    void withNoTrustedProxyThePeerIsTheClientWhateverItForwards() {
        assertThat(client(NONE, "203.0.113.9", "198.51.100.1")).isEqualTo(address("203.0.113.9"));
        assertThat(client(NONE, "127.0.0.1", "198.51.100.1")).isEqualTo(address("127.0.0.1"));
    }

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        assertThat(client(VPC, "203.0.113.9", "198.51.100.1")).isEqualTo(address("203.0.113.9"));
        assertThat(client(VPC, "10.1.0.1", "198.51.100.1")).isEqualTo(address("10.1.0.1"));
    }

    @Test
    void aTrustedPeersRightMostUntrustedHopIsTheClient() {
        assertThat(client(VPC, "10.0.0.5", "198.51.100.1")).isEqualTo(address("198.51.100.1"));
        // What the client wrote itself, left of the hop the proxy appended, is not believed.
        assertThat(client(VPC, "10.0.0.5", "1.1.1.1, 198.51.100.1")).isEqualTo(address("198.51.100.1"));
        // Trusted hops are skipped, as a chain of proxies appends them.
        assertThat(client(VPC, "10.0.0.5", "1.1.1.1, 198.51.100.1, 10.0.3.3, 10.0.2.2"))
                .isEqualTo(address("198.51.100.1"));
    }

    @Test
    void severalFieldsAreOneListInTheirOrder() {
        assertThat(client(VPC, "10.0.0.5", "1.1.1.1, 198.51.100.1", "10.0.3.3")).isEqualTo(address("198.51.100.1"));
        assertThat(client(VPC, "10.0.0.5", "198.51.100.1", "10.0.3.3, 192.0.2.7"))
                .isEqualTo(address("192.0.2.7"));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(client(VPC, "10.0.0.5", "10.0.9.9, 10.0.3.3")).isEqualTo(address("10.0.9.9"));
        assertThat(client(VPC, "10.0.0.5")).isEqualTo(address("10.0.0.5"));
        assertThat(client(VPC, "10.0.0.5", "")).isEqualTo(address("10.0.0.5"));
    }

    @Test
    void ipv6HopsAndPeersAreReadInEveryForm() {
        assertThat(client(VPC, "fd00::5", "2001:db8::1")).isEqualTo(address("2001:db8:0:0:0:0:0:1"));
        assertThat(client(VPC, "fd00:0:0:0:0:0:0:5", "[2001:db8::1]")).isEqualTo(address("2001:db8:0:0:0:0:0:1"));
        assertThat(client(VPC, "10.0.0.5", "[2001:db8::1]:4711")).isEqualTo(address("2001:db8:0:0:0:0:0:1"));
        assertThat(client(VPC, "::ffff:10.0.0.5", "198.51.100.1")).isEqualTo(address("198.51.100.1"));
        assertThat(client(VPC, "10.0.0.5", "::ffff:198.51.100.1")).isEqualTo(address("198.51.100.1"));
    }

    @Test
    void aHopMayCarryAPort() {
        assertThat(client(VPC, "10.0.0.5", "198.51.100.1:51234")).isEqualTo(address("198.51.100.1"));
        assertThat(client(VPC, "10.0.0.5", "198.51.100.1:51234, 10.0.3.3:80")).isEqualTo(address("198.51.100.1"));
    }

    @Test
    void emptyElementsAreSkipped() {
        assertThat(client(VPC, "10.0.0.5", "198.51.100.1, , ,")).isEqualTo(address("198.51.100.1"));
        assertThat(client(VPC, "10.0.0.5", ",,,")).isEqualTo(address("10.0.0.5"));
    }

    @ParameterizedTest(name = "[{0}] from 10.0.0.5 is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "garbage | 10.0.0.5",
                "unknown | 10.0.0.5",
                "999.1.1.1 | 10.0.0.5",
                "1.2.3 | 10.0.0.5",
                "01.2.3.4 | 10.0.0.5",
                "1.2.3.4:65536 | 10.0.0.5",
                "1.2.3.4:port | 10.0.0.5",
                "[::1 | 10.0.0.5",
                "[::1]x | 10.0.0.5",
                "fe80::1%eth0 | 10.0.0.5",
                "2001:db8::g | 10.0.0.5",
                "localhost | 10.0.0.5",
                "198.51.100.1, garbage | 10.0.0.5",
                "garbage, 198.51.100.1 | 198.51.100.1",
                "garbage, 10.0.3.3 | 10.0.3.3",
                "_hidden, 10.0.3.3 | 10.0.3.3",
            })
    void aMalformedHopEndsTheWalkAtTheProxyThatPassedItOn(String forwardedFor, String expected) {
        assertThat(client(VPC, "10.0.0.5", forwardedFor)).isEqualTo(address(expected));
    }

    @Test
    void theWalkIsBounded() {
        String manyTrusted = String.join(",", Collections.nCopies(10_000, "10.0.0.7"));
        assertThat(client(VPC, "10.0.0.5", "198.51.100.1, " + manyTrusted)).isEqualTo(address("10.0.0.7"));
        String manyEmpty = ",".repeat(100_000);
        assertThat(client(VPC, "10.0.0.5", "198.51.100.1" + manyEmpty)).isEqualTo(address("10.0.0.5"));
        assertThat(client(VPC, "10.0.0.5", "1.2.3.4".repeat(10_000))).isEqualTo(address("10.0.0.5"));
    }

    @Test
    void anUnreadablePeerIsOneUnknownClient() {
        assertThat(client(VPC, "not an address", "198.51.100.1")).isEqualTo(ClientAddress.UNKNOWN);
        assertThat(client(VPC, "", "198.51.100.1")).isEqualTo(ClientAddress.UNKNOWN);
    }
}
