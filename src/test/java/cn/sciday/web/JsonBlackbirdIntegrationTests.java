package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;

import cn.sciday.IntegrationTest;

/**
 * The API's JSON goes through Jackson's Blackbird module (generated accessors instead of reflective calls). Nothing
 * registers it by hand: Spring Boot adds the modules it finds on the classpath ({@code spring.jackson.find-and-add-modules},
 * on by default), so this checks that the dependency is there and in use.
 */
@IntegrationTest
class JsonBlackbirdIntegrationTests {

    /** Package-private, as the API's JSON records are (nested in package-private controllers). */
    record Sample(long id, String name, int count, List<Integer> numbers) {
    }

    @Test
    void recordsAreWrittenThroughBlackbirdsGeneratedAccessorsAndReadBackAlike(@Autowired JsonMapper json) {
        ValueSerializer<Object> serializer = json._serializationContext().findValueSerializer(Sample.class);
        List<String> writers = new ArrayList<>();
        serializer.properties().forEachRemaining(p -> writers.add(p.getClass().getName()));
        assertThat(writers).hasSize(4).allMatch(name -> name.startsWith("tools.jackson.module.blackbird."));

        Sample sample = new Sample(7, "科普日", 3, List.of(1, 2));
        String text = json.writeValueAsString(sample);
        assertThat(text).isEqualTo("{\"id\":7,\"name\":\"科普日\",\"count\":3,\"numbers\":[1,2]}");
        assertThat(json.readValue(text, Sample.class)).isEqualTo(sample);
    }
}
