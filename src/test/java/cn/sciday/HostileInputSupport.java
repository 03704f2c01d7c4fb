package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import cn.sciday.account.Accounts;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Registrations;
import cn.sciday.web.Actor;

/**
 * What the hostile-input tests share: one set of people around an owning unit (made once per application context,
 * see {@link MatrixFixtures}), fresh public users, and reading pages and counting rows.
 */
abstract class HostileInputSupport {

    private static final AtomicLong MOBILE = new AtomicLong(13_410_000_000L);
    private static Organizations madeFor;
    private static MatrixFixtures fixtures;
    private static MatrixFixtures.Records first;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;

    /** The fixtures of this application context (a new context gets new ones). */
    MatrixFixtures fixtures() {
        synchronized (HostileInputSupport.class) {
            if (madeFor != organizations) {
                fixtures = new MatrixFixtures(organizations, activities, uploads, registrations, accounts);
                first = fixtures.create();
                madeFor = organizations;
            }
            return fixtures;
        }
    }

    Actor caller(MatrixFixtures.Caller caller) {
        fixtures();
        return first.callers().get(caller);
    }

    Actor citizen() {
        return accounts.publicUser(nextMobile());
    }

    static String nextMobile() {
        return String.valueOf(MOBILE.incrementAndGet());
    }

    long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
    }

    /** A page (or an export) as the actor (null: anonymous) sees it; it must answer 200. */
    MockHttpServletResponse read(String url, Actor actor) throws Exception {
        var request = get(url);
        if (actor != null) {
            request.with(TestLogins.as(actor));
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r;
    }

    String page(String url, Actor actor) throws Exception {
        return read(url, actor).getContentAsString();
    }

    /** A form post (with its CSRF token) as the actor; the answer. */
    MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, Actor actor) throws Exception {
        return mvc.perform(request.with(csrf()).with(TestLogins.as(actor))).andReturn().getResponse();
    }

    /** The newest row's id. */
    long newest(String table) {
        return jdbc.sql("select max(id) from " + table).query(Long.class).single();
    }
}
