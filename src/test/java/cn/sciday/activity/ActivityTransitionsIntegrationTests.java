package cn.sciday.activity;

import static cn.sciday.activity.ActivityFixtures.Who.CITY;
import static cn.sciday.activity.ActivityFixtures.Who.COORDINATOR;
import static cn.sciday.activity.ActivityFixtures.Who.OTHER_COORDINATOR;
import static cn.sciday.activity.ActivityFixtures.Who.OTHER_ORGANIZER;
import static cn.sciday.activity.ActivityFixtures.Who.OWNER;
import static cn.sciday.activity.ActivityFixtures.Who.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.activity.ActivityFixtures.Who;
import cn.sciday.organization.Organizations;

import tools.jackson.databind.ObjectMapper;

/**
 * Every transition from every state for every role, through the API: allowed ones answer 200 and reach the next
 * state, a state that does not allow it answers 409, a wrong role on the actor's own scope 403, and another unit's or
 * division's activity 404.
 */
@IntegrationTest
class ActivityTransitionsIntegrationTests {

    /** Answer of a row: allowed from these states (409 from the others), or always 403, or always 404. */
    record Rule(Set<ActivityStatus> allowedFrom, int always) {

        static Rule from(ActivityStatus first, ActivityStatus... rest) {
            return new Rule(EnumSet.of(first, rest), 0);
        }

        static Rule always(int status) {
            return new Rule(Set.of(), status);
        }

        int expected(ActivityStatus state) {
            if (always != 0) {
                return always;
            }
            return allowedFrom.contains(state) ? 200 : 409;
        }
    }

    static final Rule FORBIDDEN = Rule.always(403);
    static final Rule NOT_FOUND = Rule.always(404);
    static final Set<ActivityStatus> ALL = EnumSet.allOf(ActivityStatus.class);

    /** The table: for each action and role, where it is allowed. */
    static final Map<String, Map<Who, Rule>> TABLE = Map.of(
            "submit", Map.of(
                    OWNER, Rule.from(ActivityStatus.DRAFT, ActivityStatus.RETURNED),
                    OTHER_ORGANIZER, NOT_FOUND, COORDINATOR, FORBIDDEN, OTHER_COORDINATOR, NOT_FOUND,
                    CITY, FORBIDDEN, PUBLIC, FORBIDDEN),
            "endorse", Map.of(
                    OWNER, FORBIDDEN, OTHER_ORGANIZER, NOT_FOUND,
                    COORDINATOR, Rule.from(ActivityStatus.SUBMITTED),
                    OTHER_COORDINATOR, NOT_FOUND, CITY, FORBIDDEN, PUBLIC, FORBIDDEN),
            "return", Map.of(
                    OWNER, FORBIDDEN, OTHER_ORGANIZER, NOT_FOUND,
                    COORDINATOR, Rule.from(ActivityStatus.SUBMITTED),
                    OTHER_COORDINATOR, NOT_FOUND,
                    CITY, Rule.from(ActivityStatus.SUBMITTED, ActivityStatus.ENDORSED), PUBLIC, FORBIDDEN),
            "approve", Map.of(
                    OWNER, FORBIDDEN, OTHER_ORGANIZER, NOT_FOUND, COORDINATOR, FORBIDDEN,
                    OTHER_COORDINATOR, NOT_FOUND, CITY, Rule.from(ActivityStatus.ENDORSED), PUBLIC, FORBIDDEN),
            "withdraw", Map.of(
                    OWNER, Rule.from(ActivityStatus.DRAFT, ActivityStatus.RETURNED, ActivityStatus.SUBMITTED),
                    OTHER_ORGANIZER, NOT_FOUND, COORDINATOR, FORBIDDEN, OTHER_COORDINATOR, NOT_FOUND,
                    CITY, FORBIDDEN, PUBLIC, FORBIDDEN),
            "cancel", Map.of(
                    OWNER, Rule.from(ActivityStatus.PUBLISHED), OTHER_ORGANIZER, NOT_FOUND,
                    COORDINATOR, Rule.from(ActivityStatus.PUBLISHED), OTHER_COORDINATOR, NOT_FOUND,
                    CITY, Rule.from(ActivityStatus.PUBLISHED), PUBLIC, FORBIDDEN),
            "edit", Map.of(
                    OWNER, Rule.from(ActivityStatus.DRAFT, ActivityStatus.RETURNED, ActivityStatus.PUBLISHED),
                    OTHER_ORGANIZER, NOT_FOUND, COORDINATOR, FORBIDDEN, OTHER_COORDINATOR, NOT_FOUND,
                    CITY, FORBIDDEN, PUBLIC, FORBIDDEN));

    /** The state an allowed action leads to ({@code null}: unchanged). */
    static ActivityStatus next(String action, ActivityStatus from) {
        return switch (action) {
            case "submit" -> ActivityStatus.SUBMITTED;
            case "endorse" -> ActivityStatus.ENDORSED;
            case "return" -> ActivityStatus.RETURNED;
            case "approve" -> ActivityStatus.PUBLISHED;
            case "withdraw" -> ActivityStatus.WITHDRAWN;
            case "cancel" -> ActivityStatus.CANCELLED;
            default -> from;
        };
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String action : List.of("submit", "endorse", "return", "approve", "withdraw", "cancel", "edit")) {
            for (ActivityStatus state : ALL) {
                for (Who who : Who.values()) {
                    all.add(Arguments.of(action, state, who, TABLE.get(action).get(who).expected(state)));
                }
            }
        }
        return all.stream();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    ObjectMapper json;

    ActivityFixtures fixtures;
    static Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        if (cast == null) {
            cast = fixtures.cast();
        }
    }

    @ParameterizedTest(name = "{0} from {1} by {2} → {3}")
    @MethodSource("cases")
    void transitionTable(String action, ActivityStatus from, Who who, int expected) throws Exception {
        ActivityView activity = fixtures.inState(cast, from);
        MockHttpServletRequestBuilder request = action.equals("edit")
                ? put("/api/v1/activities/" + activity.id()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(activity.toForm()))
                : post("/api/v1/activities/" + activity.id() + "/" + action).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"测试原因\",\"comment\":\"测试意见\"}");
        MvcResult result = mvc.perform(request.with(TestLogins.as(cast.as(who))).with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        ActivityStatus after = activities.get(cast.city(), activity.id()).status();
        if (expected == 200) {
            assertThat(after).isEqualTo(next(action, from));
            assertThat(json.readTree(result.getResponse().getContentAsString()).get("status").asText())
                    .isEqualTo(after.name());
        } else {
            assertThat(after).as("a refused action changes nothing").isEqualTo(from);
        }
        if (expected == 409) {
            assertThat(json.readTree(result.getResponse().getContentAsString()).get("detail").asText())
                    .as("409 says why in words").matches(".*[\\u4e00-\\u9fa5].*");
        }
    }
}
