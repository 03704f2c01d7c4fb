package cn.sciday.audit;

import java.io.PrintStream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar sciday.jar --sciday.audit.verify}: verifies the audit chain, prints one line
 * ({@code Audit chain OK: 1234 entries} or where it is broken) and ends the JVM with 0 (intact) or 1 (broken).
 * Without the option it does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditVerifyCommand implements ApplicationRunner {

    static final String OPTION = "sciday.audit.verify";

    /** Ends the application with an exit code; tests put a bean of this type in the context to stay alive. */
    @FunctionalInterface
    interface Exit {
        void exit(int code);
    }

    private final AuditChainVerifier verifier;
    private final PrintStream out;
    private final Exit exit;

    @Autowired
    AuditVerifyCommand(AuditChainVerifier verifier, ApplicationContext context, ObjectProvider<Exit> exit) {
        this(verifier, null, exit.getIfAvailable(
                () -> code -> System.exit(SpringApplication.exit(context, () -> code))));
    }

    /** {@code out} null: the process's standard output at the time of the run. */
    AuditVerifyCommand(AuditChainVerifier verifier, PrintStream out, Exit exit) {
        this.verifier = verifier;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        AuditChainVerifier.Result result = verifier.verify();
        PrintStream stream = out != null ? out : System.out;
        stream.println(result.line());
        stream.flush();
        exit.exit(result.ok() ? 0 : 1);
    }
}
