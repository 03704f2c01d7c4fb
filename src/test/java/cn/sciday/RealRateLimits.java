package cn.sciday;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} with the rate limits as shipped: {@code sciday.rate-limits.*} from application.yml again,
 * over the generous values of application-test.yml. One more context, shared by the classes that use it: their
 * counts live on from class to class, so each test uses its own accounts and client addresses ({@link TestAddresses}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(locations = "classpath:application.yml", factory = RealRateLimits.Defaults.class)
public @interface RealRateLimits {

    /** Only the {@code sciday.rate-limits.*} settings of a YAML file. */
    class Defaults implements PropertySourceFactory {

        @Override
        public PropertySource<?> createPropertySource(String name, EncodedResource resource) throws IOException {
            Map<String, Object> limits = new LinkedHashMap<>();
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                    resource.getResource())) {
                if (source instanceof EnumerablePropertySource<?> yaml) {
                    for (String key : yaml.getPropertyNames()) {
                        if (key.startsWith("sciday.rate-limits.")) {
                            limits.put(key, String.valueOf(yaml.getProperty(key)));
                        }
                    }
                }
            }
            if (limits.isEmpty()) {
                throw new IllegalStateException("application.yml lists no sciday.rate-limits");
            }
            return new MapPropertySource("rate limits of application.yml", limits);
        }
    }
}
