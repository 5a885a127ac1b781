package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** One client, one text: the login counters are keyed by it. */
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
}
