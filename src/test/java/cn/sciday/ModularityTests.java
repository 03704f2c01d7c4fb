package cn.sciday;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries: no cycles, and modules use each other only through their public facades and events. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SciDayApplication.class);

    @Test
    void verifiesModuleBoundaries() {
        MODULES.verify();
    }
}
