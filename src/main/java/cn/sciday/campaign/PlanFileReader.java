package cn.sciday.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads a plan file (YAML) into a {@link Campaign}, refusing anything incomplete or inconsistent. */
final class PlanFileReader {

    private static final Set<String> TOP = Set.of("key", "year", "city", "title", "theme", "period", "brandLabel",
            "affiliation", "status", "lateSubmissionAllowed", "document", "guidingIdeology", "mainEvent", "themes",
            "jointActions", "cloudActivities", "workRequirements", "milestones");

    private PlanFileReader() {
    }

    static Campaign read(Resource resource) {
        String name = describe(resource);
        if (!resource.exists()) {
            throw new PlanFileException(name, "", "file not found");
        }
        Object root;
        try (InputStream in = resource.getInputStream()) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new DatesAsText()).load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            throw new PlanFileException(name, "", "not valid YAML at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new PlanFileException(name, "", "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new PlanFileException(name, "", "cannot be read: " + e.getMessage());
        }
        if (root == null) {
            throw new PlanFileException(name, "", "is empty");
        }
        return parse(new PlanNode(name, "", root));
    }

    /** Keeps dates as text so that they are parsed strictly (SnakeYAML would turn 2021-10-32 into November 1). */
    private static final class DatesAsText extends Resolver {

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    private static String describe(Resource resource) {
        String d = resource.getDescription();
        return d == null ? String.valueOf(resource) : d;
    }

    static Campaign parse(PlanNode root) {
        root.allowOnly(TOP);
        String key = root.get("key").text();
        if (!key.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw root.get("key").fail("must be lower-case letters, digits and dashes, like jiangmen-2021");
        }
        int year = root.get("year").integer(2000, 2100);
        PlanNode period = root.get("period");
        period.allowOnly(Set.of("start", "end"));
        LocalDate start = period.get("start").date();
        LocalDate end = period.get("end").date();
        if (end.isBefore(start)) {
            throw period.get("end").fail("must not be before period.start (" + start + ")");
        }
        if (start.getYear() != year) {
            throw period.get("start").fail("must fall in the campaign year " + year);
        }
        PlanDocument document = null;
        if (root.has("document")) {
            PlanNode doc = root.get("document");
            doc.allowOnly(Set.of("number", "issuingBody", "issuedOn"));
            document = new PlanDocument(doc.get("number").text(), doc.get("issuingBody").text(),
                    doc.get("issuedOn").date());
        }
        return new Campaign(null, key, year, root.get("city").text(), root.get("title").text(),
                root.get("theme").text(), start, end, root.get("brandLabel").text(), root.get("affiliation").text(),
                document, root.get("guidingIdeology").textOr(null), mainEvent(root.get("mainEvent"), start, end),
                root.has("status") ? root.get("status").enumeration(CampaignStatus.class) : CampaignStatus.ACTIVE,
                root.get("lateSubmissionAllowed").bool(true), themes(root.get("themes")),
                jointActions(root.get("jointActions")), cloud(root.get("cloudActivities")),
                work(root.get("workRequirements")), milestones(root.get("milestones"), year), 0);
    }

    private static MainEvent mainEvent(PlanNode node, LocalDate start, LocalDate end) {
        node.allowOnly(Set.of("name", "date", "venue", "description", "leadUnits"));
        LocalDate date = node.get("date").date();
        if (date.isBefore(start) || date.isAfter(end)) {
            throw node.get("date").fail("must fall within the campaign period " + start + " to " + end);
        }
        return new MainEvent(node.get("name").text(), date, node.get("venue").text(),
                node.get("description").textOr(""), node.get("leadUnits").texts());
    }

    private static List<ContentTheme> themes(PlanNode node) {
        List<ContentTheme> themes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PlanNode item : node.list(true)) {
            item.allowOnly(Set.of("number", "title", "description"));
            int number = unique(item.get("number"), seen);
            themes.add(new ContentTheme(number, item.get("title").text(), item.get("description").text()));
        }
        return themes;
    }

    private static List<JointAction> jointActions(PlanNode node) {
        List<JointAction> actions = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PlanNode item : node.list(true)) {
            item.allowOnly(Set.of("number", "name", "description", "leadUnits"));
            int number = unique(item.get("number"), seen);
            actions.add(new JointAction(number, item.get("name").text(), item.get("description").text(),
                    item.get("leadUnits").texts()));
        }
        return actions;
    }

    private static List<CloudActivity> cloud(PlanNode node) {
        List<CloudActivity> list = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (PlanNode item : node.list(false)) {
            item.allowOnly(Set.of("code", "name", "description"));
            String code = item.get("code").text();
            if (!codes.add(code)) {
                throw item.get("code").fail("'" + code + "' appears twice");
            }
            list.add(new CloudActivity(code, item.get("name").text(), item.get("description").textOr("")));
        }
        return list;
    }

    private static List<WorkRequirement> work(PlanNode node) {
        List<WorkRequirement> list = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PlanNode item : node.list(false)) {
            item.allowOnly(Set.of("number", "title", "body"));
            int number = unique(item.get("number"), seen);
            list.add(new WorkRequirement(number, item.get("title").text(), item.get("body").text()));
        }
        return list;
    }

    private static List<Milestone> milestones(PlanNode node, int year) {
        List<Milestone> list = new ArrayList<>();
        Set<MilestoneKind> seen = new HashSet<>();
        for (PlanNode item : node.list(true)) {
            item.allowOnly(Set.of("kind", "title", "due", "description"));
            MilestoneKind kind = item.get("kind").enumeration(MilestoneKind.class);
            if (!seen.add(kind)) {
                throw item.get("kind").fail(kind + " appears twice");
            }
            LocalDate due = item.get("due").date();
            if (due.getYear() < year || due.getYear() > year + 1) {
                throw item.get("due").fail("must fall in " + year + " (or early " + (year + 1) + "), not " + due);
            }
            list.add(new Milestone(kind, item.get("title").text(), due, item.get("description").textOr("")));
        }
        for (MilestoneKind required : List.of(MilestoneKind.INTENTION, MilestoneKind.COMPLETION,
                MilestoneKind.STAGE_SUMMARY, MilestoneKind.FULL_SUMMARY)) {
            if (!seen.contains(required)) {
                throw node.fail("must include a milestone of kind " + required);
            }
        }
        return list;
    }

    private static int unique(PlanNode number, Set<Integer> seen) {
        int n = number.integer(1, 99);
        if (!seen.add(n)) {
            throw number.fail("number " + n + " appears twice");
        }
        return n;
    }
}
