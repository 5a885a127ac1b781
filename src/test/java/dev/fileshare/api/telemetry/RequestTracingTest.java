package dev.fileshare.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.api.DownloadUrlResource;
import dev.fileshare.api.FileResource;
import dev.fileshare.api.LoginResource;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestTracingTest {

    @Test
    void aQueryKeepsItsParameterNamesAndLosesItsValues() {
        assertThat(RequestTracing.parameterNames("file_name=secret%20plans.txt&username=alice"))
                .isEqualTo("file_name=&username=");
        assertThat(RequestTracing.parameterNames("owner=bob&file_name=a.bin&expires=1764070000&signature=c2ln"))
                .isEqualTo("owner=&file_name=&expires=&signature=")
                .doesNotContain("bob", "a.bin", "c2ln");
        assertThat(RequestTracing.parameterNames("flag&&x=")).isEqualTo("flag=&x=");
    }

    @Test
    void theRouteIsTheResourceMethodsPathTemplate() {
        assertThat(RequestTracing.route(FileResource.class, method(FileResource.class, "downloadFile")))
                .isEqualTo("/file");
        assertThat(RequestTracing.route(LoginResource.class, method(LoginResource.class, "login")))
                .isEqualTo("/login");
        assertThat(RequestTracing.route(
                        DownloadUrlResource.class, method(DownloadUrlResource.class, "createDownloadUrl")))
                .isEqualTo("/file/download-url");
    }

    @Test
    void aProxySubclassOfTheResourceHasTheSameRoute() {
        class Proxy extends FileResource {}

        assertThat(RequestTracing.route(Proxy.class, method(FileResource.class, "deleteFile")))
                .isEqualTo("/file");
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
