package cn.sciday;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** SciDay (科普日活动平台): runs a city's National Science Popularization Day campaign. */
@SpringBootApplication
@EnableScheduling
public class SciDayApplication {

    public static void main(String[] args) {
        SpringApplication.run(SciDayApplication.class, args);
    }
}
