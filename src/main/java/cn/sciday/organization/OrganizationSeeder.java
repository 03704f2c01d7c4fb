package cn.sciday.organization;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Seeds the hierarchy (city, divisions, departments) into an empty database from the organizations file. */
@Component
@Order(1)
class OrganizationSeeder implements ApplicationRunner {

    private final Organizations organizations;
    private final ResourceLoader resources;
    private final String location;

    OrganizationSeeder(Organizations organizations, ResourceLoader resources,
            @Value("${sciday.organizations.file:classpath:plans/jiangmen-organizations.yml}") String location) {
        this.organizations = organizations;
        this.resources = resources;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!organizations.isEmpty() || location.isBlank()) {
            return;
        }
        Resource file = resources.getResource(location);
        Map<String, Object> root;
        try (InputStream in = file.getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Object> city = map(root.get("city"));
        organizations.createCity(text(city, "name"), text(city, "fullName"), list(city.get("aliases")));
        for (Object d : list(root.get("divisions"))) {
            Map<String, Object> m = map(d);
            organizations.createCoordinatingBody(OrganizationKind.DIVISION, text(m, "name"), text(m, "fullName"),
                    list(m.get("aliases")));
        }
        for (Object d : list(root.get("departments"))) {
            Map<String, Object> m = map(d);
            organizations.createCoordinatingBody(OrganizationKind.DEPARTMENT, text(m, "name"), text(m, "fullName"),
                    list(m.get("aliases")));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalStateException("Organizations file " + location + ": expected a mapping, got " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return o == null ? List.of() : (List<T>) o;
    }

    private String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalStateException("Organizations file " + location + ": '" + key + "' is required in " + m);
        }
        return String.valueOf(v).strip();
    }
}
