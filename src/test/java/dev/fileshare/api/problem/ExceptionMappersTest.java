package dev.fileshare.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the service's exception mappers answer for: every exception (so whatever the runtime throws is
 * problem+json), and no {@link Error}, which must reach the container and the JVM (that exits on OutOfMemoryError)
 * instead of being answered with a 500 by a JVM in an unknown state.
 */
class ExceptionMappersTest {

    @Test
    void noMapperAnswersForAnError() {
        List<Class<?>> mapped =
                mappers().stream().map(ExceptionMappersTest::mappedType).toList();

        assertThat(mapped)
                .isNotEmpty()
                .allSatisfy(type -> assertThat(Exception.class).isAssignableFrom(type));
        assertThat(mapped).doesNotContain(Throwable.class, Error.class);
    }

    @Test
    void everyExceptionStillHasAMapper() {
        assertThat(mappedType(UnexpectedExceptionMapper.class)).isEqualTo(Exception.class);
    }

    private static List<Class<?>> mappers() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.fileshare").stream()
                        .filter(c -> c.isAssignableTo(ExceptionMapper.class) && !c.isInterface())
                        .<Class<?>>map(JavaClass::reflect)
                        .toList();
    }

    private static Class<?> mappedType(Class<?> mapper) {
        Type mapperInterface = Arrays.stream(mapper.getGenericInterfaces())
                .filter(t -> t instanceof ParameterizedType p && p.getRawType() == ExceptionMapper.class)
                .findFirst()
                .orElseThrow();
        return (Class<?>) ((ParameterizedType) mapperInterface).getActualTypeArguments()[0];
    }
}
