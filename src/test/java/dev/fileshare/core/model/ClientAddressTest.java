package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** One client, one text: the login counters are keyed by it; a link's access log keeps only its network. */
class ClientAddressTest {
    @Test
    void everySpellingOfAnIpv6AddressIsOneClient() throws UnknownHostException {
        ClientAddress shortForm = ClientAddress.of(InetAddress.getByName("::1"));
        ClientAddress longForm = ClientAddress.of(InetAddress.getByName("0:0:0:0:0:0:0:1"));

        assertThat(shortForm).isEqualTo(longForm);
        assertThat(shortForm.value()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(shortForm).hasToString("0:0:0:0:0:0:0:1");
    }

    @Test
    void anIpv4AddressIsItsDottedQuad() throws UnknownHostException {
        assertThat(ClientAddress.of(InetAddress.getByName("203.0.113.7")).value())
                .isEqualTo("203.0.113.7");
    }

    @Test
    void anAddressIsNeverNull() {
        assertThatThrownBy(() -> new ClientAddress(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anIpv4AddressIsKeptAsItsSlash24() {
        assertThat(new ClientAddress("203.0.113.77").truncated()).isEqualTo("203.0.113.0/24");
        assertThat(new ClientAddress("10.0.0.1").truncated()).isEqualTo("10.0.0.0/24");
        assertThat(new ClientAddress("255.255.255.255").truncated()).isEqualTo("255.255.255.0/24");
    }

    @Test
    void anIpv6AddressIsKeptAsItsSlash48() {
        assertThat(new ClientAddress("2001:db8:1234:5678:9abc:def0:1234:5678").truncated())
                .isEqualTo("2001:db8:1234::/48");
        // As ClientAddress.of writes them: in full, with zero groups.
        assertThat(new ClientAddress("2001:db8:0:0:0:0:0:1").truncated()).isEqualTo("2001:db8:0::/48");
        assertThat(new ClientAddress("0:0:0:0:0:0:0:1").truncated()).isEqualTo("0:0:0::/48");
        assertThat(new ClientAddress("fe80:0:0:0:1:2:3:4%eth0").truncated()).isEqualTo("fe80:0:0::/48");
    }

    @Test
    void anIpv4MappedAddressIsIpv4() {
        assertThat(new ClientAddress("::ffff:198.51.100.9").truncated()).isEqualTo("198.51.100.0/24");
    }

    @Test
    void whatIsNoAddressStaysUnknown() {
        assertThat(ClientAddress.UNKNOWN.truncated()).isEqualTo("unknown");
        assertThat(new ClientAddress("example.com").truncated()).isEqualTo("unknown");
        assertThat(new ClientAddress("abc").truncated()).isEqualTo("unknown");
        assertThat(new ClientAddress("999.1.1.1").truncated()).isEqualTo("unknown");
        assertThat(new ClientAddress("").truncated()).isEqualTo("unknown");
    }
}
