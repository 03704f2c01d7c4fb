package cn.sciday.portal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the test thread sends to the database: the application's DataSource is wrapped so that
 * every connection counts {@code prepareStatement}, {@code createStatement} and {@code prepareCall}. Statements of
 * other threads (schedulers) are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final List<String> SQL = new CopyOnWriteArrayList<>();
    private static volatile Thread watched;

    /** Starts counting the statements of the calling thread from zero. */
    public static void watch() {
        watched = Thread.currentThread();
        COUNT.set(0);
        SQL.clear();
    }

    public static long count() {
        return COUNT.get();
    }

    /** The text of the statements counted since {@link #watch()}, in order (for a failure message). */
    public static List<String> statements() {
        return List.copyOf(SQL);
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    /** The wrapper. */
    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection target) {
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        String m = method.getName();
                        if ((m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall"))
                                && Thread.currentThread() == watched) {
                            COUNT.incrementAndGet();
                            SQL.add(args != null && args.length > 0 && args[0] instanceof String sql
                                    ? sql.replaceAll("\\s+", " ").strip() : m);
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
