package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8,       10.255.1.2,     true",
        "10.0.0.0/8,       11.0.0.0,       false",
        "10.0.0.0/8,       9.255.255.255,  false",
        "192.168.1.0/24,   192.168.1.255,  true",
        "192.168.1.0/24,   192.168.2.0,    false",
        "172.16.0.0/12,    172.31.255.255, true",
        "172.16.0.0/12,    172.32.0.0,     false",
        "127.0.0.1/32,     127.0.0.1,      true",
        "127.0.0.1/32,     127.0.0.2,      false",
        "127.0.0.1,        127.0.0.1,      true",
        "0.0.0.0/0,        203.0.113.9,    true",
        "0.0.0.0/0,        255.255.255.255, true",
        "0.0.0.0/0,        ::1,            false",
        "10.1.2.3/16,      10.1.99.99,     true",
        "10.0.0.0/31,      10.0.0.1,       true",
        "10.0.0.0/31,      10.0.0.2,       false",
        "::1/128,          ::1,            true",
        "::1/128,          0:0:0:0:0:0:0:1, true",
        "::1/128,          ::2,            false",
        "::1,              ::1,            true",
        "::/0,             2001:db8::1,    true",
        "::/0,             10.0.0.1,       false",
        "2001:db8::/32,    2001:db8:ffff::1, true",
        "2001:db8::/32,    2001:db9::1,    false",
        "2001:db8::/33,    2001:db8:7fff::1, true",
        "2001:db8::/33,    2001:db8:8000::1, false",
        "fd00::/8,         fdff:ffff::1,   true",
        "fd00::/8,         fe00::1,        false",
        "127.0.0.1/32,     ::ffff:127.0.0.1, true",
        "::ffff:10.0.0.0/8, 10.9.9.9,      true",
    })
    void containsExactlyTheAddressesOfItsPrefix(String cidr, String address, boolean contained) throws Exception {
        assertThat(Cidr.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/8",
                "10.0.0.0/",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "10.0.0.0/8/8",
                "10.0.0/8",
                "10.0.0.256/32",
                "010.0.0.0/8",
                "10.0.0.0/ 8",
                "::1/129",
                "::1/1000",
                "fe80::1%eth0/64",
                "2001:db8::g/32",
                "localhost",
                "localhost/32",
                "example.com/8",
                "1.2.3.4.5/32",
                "١٠.0.0.0/8"
            })
    void refusesWhatIsNotACidrBlock(String text) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void isWrittenByItsNetworkAndPrefix() {
        assertThat(Cidr.parse("10.1.2.3/16")).hasToString("10.1.0.0/16").isEqualTo(Cidr.parse("10.1.0.0/16"));
        assertThat(Cidr.parse("::1")).hasToString("0:0:0:0:0:0:0:1/128");
        assertThat(Cidr.parse(" 0.0.0.0/0 ")).hasToString("0.0.0.0/0");
    }
}
