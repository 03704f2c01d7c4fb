package cn.sciday.online;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.web.DemoMode;

/**
 * Demo mode: the demo question bank ({@code quiz/demo-questions.yml}, checked by the same rules as any question)
 * and one round open from the campaign start through its end, covering the demo clock. Running twice adds nothing.
 */
@Component
@Order(30)
class QuizDemoSeeder implements ApplicationRunner {

    static final String FILE = "quiz/demo-questions.yml";
    private static final Logger log = LoggerFactory.getLogger(QuizDemoSeeder.class);

    private final DemoMode demo;
    private final QuestionBank bank;
    private final QuestionRepository questions;
    private final QuizRounds rounds;
    private final CampaignManagement campaigns;
    private final Clock clock;

    QuizDemoSeeder(DemoMode demo, QuestionBank bank, QuestionRepository questions, QuizRounds rounds,
            CampaignManagement campaigns, Clock clock) {
        this.demo = demo;
        this.bank = bank;
        this.questions = questions;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isOn() || campaigns.current().isEmpty()) {
            return;
        }
        int added = 0;
        for (QuestionDraft d : load()) {
            if (questions.findIdByStem(QuestionRules.clean(d.stem())).isEmpty()) {
                bank.create(d, "DEMO");
                added++;
            }
        }
        if (rounds.ofCurrentCampaign().isEmpty()) {
            Campaign c = campaigns.requireCurrent();
            java.time.LocalDate start = c.startsOn();
            java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), Campaign.ZONE);
            String opens = (today.isBefore(start) ? today : start).atStartOfDay().toString();
            rounds.create(QuizRoundForm.defaults(c.year() + "年江门市全国科普日科普知识网络答题", opens,
                    c.endsOn().atTime(23, 59).toString()).withPractice());
        }
        log.info("Demo quiz ready: {} questions added, round open through the campaign end", added);
    }

    /** The demo questions as drafts (type, theme, stem, options, answer, explanation). */
    @SuppressWarnings("unchecked")
    static List<QuestionDraft> load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            List<Map<String, Object>> items = new Yaml(new SafeConstructor(options)).load(in);
            List<QuestionDraft> drafts = new ArrayList<>();
            for (Map<String, Object> item : items) {
                List<String> opts = new ArrayList<>();
                Object raw = item.get("options");
                if (raw instanceof List<?> list) {
                    list.forEach(o -> opts.add(String.valueOf(o)));
                }
                drafts.add(new QuestionDraft(str(item.get("type")), str(item.get("stem")), opts,
                        str(item.get("answer")), str(item.get("explanation")), str(item.get("theme"))));
            }
            return drafts;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
